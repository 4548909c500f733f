package org.ichnet.cli;

import org.ichnet.api.PredictionCsv;
import org.ichnet.api.ScanResult;
import org.ichnet.io.AtomicOutput;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code predict --csv}: the header, then each scan's rows as it is predicted ({@link PredictionOutput#csv}'s
 * text, byte for byte), into a file that appears whole when {@link #commit} is called; {@link #close} without it
 * leaves no file.
 */
final class PredictionCsvStream implements Closeable {
    private final Path file;
    private final List<String> members;
    private final AtomicOutput out;
    private final Writer text;

    PredictionCsvStream(Path file, List<String> members) {
        this.file = file;
        this.members = List.copyOf(members);
        out = new AtomicOutput(file);
        text = new OutputStreamWriter(out.stream(), StandardCharsets.UTF_8);
        write(PredictionCsv.header(members) + "\n");
    }

    void scan(ScanResult scan) {
        write(PredictionOutput.csvRows(members, scan));
    }

    void commit() {
        try {
            text.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        out.commit();
    }

    private void write(String s) {
        try {
            text.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        out.close();
    }
}
