package org.ichnet.preprocess;

/** Model input: square side in pixels, channels and framing. The paper resizes whole slices to 256x256. */
public record PreprocessOptions(int size, Channels channels, Framing framing) {

    public PreprocessOptions(int size, Channels channels) {
        this(size, channels, Framing.WHOLE_SLICE);
    }


    public static final int DEFAULT_SIZE = 256;

    public PreprocessOptions {
        if (framing == null) framing = Framing.WHOLE_SLICE;
        if (size < 8) {
            throw new IllegalArgumentException("image size must be at least 8, got " + size);
        }
    }

    public static PreprocessOptions defaults() {
        return new PreprocessOptions(DEFAULT_SIZE, Channels.BRAIN);
    }
}
