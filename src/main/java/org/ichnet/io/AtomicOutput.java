package org.ichnet.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file written bit by bit that readers see only whole ({@link AtomicFiles} for a file written at once): a temp
 * file in the target's folder, renamed over the target by {@link #commit}; {@link #close} without a commit (an
 * error half-way) deletes it and leaves the target as it was.
 */
public final class AtomicOutput implements Closeable {
    private final Path target;
    private final Path tmp;
    private final OutputStream out;
    private boolean committed;

    public AtomicOutput(Path target) {
        this.target = target;
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    public OutputStream stream() {
        return out;
    }

    /** Closes the stream and puts the file in place. */
    public void commit() {
        try {
            out.close();
            AtomicFiles.readableByAll(tmp);
            AtomicFiles.moveIntoPlace(tmp, target);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (committed) return;
        try {
            out.close();
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + tmp + ": " + e.getMessage(), e);
        }
    }
}
