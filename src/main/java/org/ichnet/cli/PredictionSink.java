package org.ichnet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.api.ModelInfo;
import org.ichnet.api.PredictionSummary;
import org.ichnet.api.ScanResult;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code ichnet predict} puts each scan's result as it comes, keeping nothing of it: Grad-CAM PNGs, CSV
 * rows, and the JSON (or, with {@code --csv} alone, a decision line) for stdout, held in a temporary file until
 * {@link #finish}. The files begin with the first result, which names the model.
 */
final class PredictionSink implements Closeable {
    private final Path csv;
    private final boolean json;
    private final GradCamFiles gradCams;
    private DeferredStdout stdout;
    private PredictionJsonStream jsonStream;
    private PredictionCsvStream csvStream;
    private long gradCamNanos;

    /**
     * @param csv      the CSV file, or null for none
     * @param json     whether stdout gets the JSON (else the decision lines of {@code --csv})
     * @param gradCams where the Grad-CAM PNGs go, or null for none
     */
    PredictionSink(Path csv, boolean json, GradCamFiles gradCams) {
        this.csv = csv;
        this.json = json;
        this.gradCams = gradCams;
    }

    void scan(ScanResult scan) {
        if (stdout == null) start(scan.model());
        List<Path> pngs = null;
        if (gradCams != null) {
            long t0 = System.nanoTime();
            pngs = gradCams.write(scan);
            gradCamNanos += System.nanoTime() - t0;
        }
        if (csvStream != null) csvStream.scan(scan);
        if (jsonStream != null) jsonStream.scan(scan, pngs);
        else print(String.format("%s: %s%n", scan.source(), scan.decision()));
    }

    private void start(ModelInfo model) {
        stdout = new DeferredStdout();
        if (json) jsonStream = new PredictionJsonStream(stdout.writer(), model);
        if (csv != null) csvStream = new PredictionCsvStream(csv, model.members());
    }

    /** Time spent on Grad-CAM so far. */
    long gradCamNanos() {
        return gradCamNanos;
    }

    /** Puts the CSV in place and prints stdout: the JSON ended with the problems (and Grad-CAM agreement), or the decision lines. */
    void finish(PredictionSummary summary, ObjectNode gradcamAgreement, PrintStream out) {
        if (csvStream != null) csvStream.commit();
        if (jsonStream != null) {
            jsonStream.finish(summary.problems(), gradcamAgreement);
            print(System.lineSeparator());
        } else {
            print("wrote " + csv + System.lineSeparator());
        }
        stdout.printTo(out);
        out.flush();
    }

    private void print(String text) {
        try {
            stdout.writer().write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the output: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (csvStream != null) csvStream.close();
        if (stdout != null) stdout.close();
    }
}
