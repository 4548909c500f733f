package org.ichnet.serve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Reads at most {@code limit} bytes and throws the given error on the first byte beyond: a chunked upload
 * (no Content-Length) is refused while it streams, before it is all on disk, and so is a zip that expands
 * past its limit.
 */
final class UploadLimit extends FilterInputStream {

    private final long limit;
    private final Supplier<ApiError> whenOver;
    private long count;

    UploadLimit(InputStream in, long limit, Supplier<ApiError> whenOver) {
        super(in);
        this.limit = limit;
        this.whenOver = whenOver;
    }

    /** An upload body: beyond {@code limit}, 413. */
    static UploadLimit body(InputStream in, long limit) {
        return new UploadLimit(in, limit, () -> ApiError.tooLarge(limit));
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) add(1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) add(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void add(long n) {
        count += n;
        if (count > limit) throw whenOver.get();
    }
}
