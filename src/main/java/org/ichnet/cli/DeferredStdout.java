package org.ichnet.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text for stdout kept in a temporary file until the run succeeds: a long run prints nothing half-way (a
 * {@code --strict} stop prints nothing at all, as before any scan is predicted), and memory does not grow with the
 * output. {@link #printTo} prints the text as {@link PrintStream#print(String)} would have; {@link #close} deletes
 * the file.
 */
final class DeferredStdout implements Closeable {
    private final Path file;
    private final Writer writer;

    DeferredStdout() {
        try {
            file = Files.createTempFile("ichnet-predict-", ".out");
            writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary file for the output: " + e.getMessage(), e);
        }
    }

    Writer writer() {
        return writer;
    }

    /** Prints everything written so far to {@code out}. */
    void printTo(PrintStream out) {
        char[] chunk = new char[1 << 16];
        try {
            writer.flush();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (int n; (n = in.read(chunk)) > 0; ) out.print(n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the output: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
