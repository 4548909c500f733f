package org.ichnet.spark;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.apache.spark.TaskContext;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The local disk under another scheme, {@code flaky:///tmp/x}: for the job a remote Hadoop file system (inputs are
 * copied to the executor, the model is copied, output goes through the Hadoop API), with faults to inject. Test
 * only: registered by {@link LocalSpark} as {@code fs.flaky.impl}; tasks run in the test's JVM, so the faults are
 * static fields that a test sets and {@link #reset}s.
 */
public class FlakyFileSystem extends RawLocalFileSystem {
    static final String SCHEME = "flaky";
    private static final URI ROOT = URI.create(SCHEME + ":///");

    /** Reading a file whose path matches kills the first attempt of its task (an error the job does not catch). */
    static volatile Pattern killReaderOfFirstAttempt;
    /** Closing a new file whose path matches fails in the first attempt of its task, after its bytes are written. */
    static volatile Pattern failWriterOfFirstAttempt;
    /** Reading a file whose path matches fails with an IOException, always. */
    static volatile Pattern unreadable;
    /** Faults injected since the last {@link #reset}. */
    static final AtomicInteger injected = new AtomicInteger();

    /** What a killed task throws: not an IOException or RuntimeException, so no catch of the job turns it into a row. */
    static final class TaskKilled extends Error {
        TaskKilled(String message) {
            super(message);
        }
    }

    static void reset() {
        killReaderOfFirstAttempt = null;
        failWriterOfFirstAttempt = null;
        unreadable = null;
        injected.set(0);
    }

    /** {@code flaky:} plus the absolute path of a local file. */
    static String uri(java.nio.file.Path local) {
        return SCHEME + "://" + local.toAbsolutePath();
    }

    @Override
    public URI getUri() {
        return ROOT;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        String path = f.toUri().getPath();
        if (matches(unreadable, path)) {
            injected.incrementAndGet();
            throw new IOException(path + ": injected read failure");
        }
        if (matches(killReaderOfFirstAttempt, path) && firstAttempt()) {
            injected.incrementAndGet();
            throw new TaskKilled("injected: attempt 0 of task " + TaskContext.get().partitionId() + " dies reading " + path);
        }
        return super.open(f, bufferSize);
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        return faulty(f, super.create(f, overwrite, bufferSize, replication, blockSize, progress));
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize, short replication,
                                     long blockSize, Progressable progress) throws IOException {
        return faulty(f, super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
    }

    private static FSDataOutputStream faulty(Path f, FSDataOutputStream out) throws IOException {
        String path = f.toUri().getPath();
        if (!matches(failWriterOfFirstAttempt, path) || !firstAttempt()) return out;
        return new FSDataOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.close();
                injected.incrementAndGet();
                throw new IOException(path + ": injected failure closing a written file");
            }
        }, null);
    }

    private static boolean matches(Pattern fault, String path) {
        return fault != null && fault.matcher(path).find();
    }

    private static boolean firstAttempt() {
        TaskContext task = TaskContext.get();
        return task != null && task.attemptNumber() == 0;
    }
}
