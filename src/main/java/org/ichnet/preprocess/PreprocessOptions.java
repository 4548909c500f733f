package org.ichnet.preprocess;

/** Model input: square side in pixels and channels. The paper resizes to 256x256. */
public record PreprocessOptions(int size, Channels channels) {

    public static final int DEFAULT_SIZE = 256;

    public PreprocessOptions {
        if (size < 8) {
            throw new IllegalArgumentException("image size must be at least 8, got " + size);
        }
    }

    public static PreprocessOptions defaults() {
        return new PreprocessOptions(DEFAULT_SIZE, Channels.BRAIN);
    }
}
