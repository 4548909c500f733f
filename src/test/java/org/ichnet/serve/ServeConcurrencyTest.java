package org.ichnet.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.ichnet.serve.ServeFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Concurrent requests share the loaded models and each gets the answer it would get alone. */
class ServeConcurrencyTest {

    @Test
    void parallelRequestsGetTheirOwnAnswers() throws Exception {
        String model = hounsfieldModel();
        try (IchnetServer server = ServeFixture.start(ServeSettings.local(null, 2))) {
            JsonNode first = json(post(server, "/predictions/" + model + "?filename=a.dcm", bytes(SAMPLE_DICOM), null));
            JsonNode second = json(post(server, "/predictions/" + model + "?filename=b.dcm", bytes(OTHER_DICOM), null));
            assertNotEquals(first.get("scans").get(0).get("maxProbability"), second.get("scans").get(0).get("maxProbability"));
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<HttpResponse<String>>> responses = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    boolean a = i % 2 == 0;
                    responses.add(clients.submit(() -> post(server, "/predictions/" + model + "?filename=" + (a ? "a" : "b") + ".dcm",
                            bytes(a ? SAMPLE_DICOM : OTHER_DICOM), null)));
                }
                for (int i = 0; i < responses.size(); i++) {
                    HttpResponse<String> r = responses.get(i).get();
                    assertEquals(200, r.statusCode(), r.body());
                    assertEquals(i % 2 == 0 ? first : second, json(r), "request " + i);
                }
            } finally {
                clients.shutdown();
            }
            assertEquals(0, server.admission().queued());
            assertEquals(0, server.admission().active());
            assertTrue(leftInTemp(server).isEmpty());
        }
    }

    @Test
    void closeLetsAdmittedWorkFinishThenDeletesTemp() throws Exception {
        IchnetServer server = ServeFixture.start(ServeSettings.local(null, 1));
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<HttpResponse<String>> inFlight;
            try (WorkAdmission.Ticket held = server.admission().admit()) {
                // the request is admitted and waits: the held ticket shares its worker
                inFlight = client.submit(() -> post(server, "/predictions/" + hounsfieldModel(), bytes(SAMPLE_DICOM), null));
                held.run(() -> {
                    while (server.admission().queued() == 0) Thread.onSpinWait();
                    return null;
                });
            }
            server.close();
            assertEquals(200, inFlight.get().statusCode(), "an admitted request finishes during shutdown");
            assertFalse(java.nio.file.Files.exists(server.temp()), "temp folder deleted");
        } finally {
            client.shutdown();
        }
    }
}
