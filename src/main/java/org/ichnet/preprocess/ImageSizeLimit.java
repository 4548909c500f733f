package org.ichnet.preprocess;

import org.ichnet.data.DataException;

import java.nio.file.Path;

/**
 * The largest image ichnet decodes, checked from the file's header before any pixel is allocated. A CT slice
 * is about 512x512; a header claiming far more is corrupt or hostile, and decoding it would exhaust memory.
 */
public final class ImageSizeLimit {

    public static final int MAX_SIDE = 8192;

    private ImageSizeLimit() {
    }

    public static void check(Path file, long width, long height) {
        if (width <= 0 || height <= 0) {
            throw new DataException(file, "header gives an empty image (" + width + "x" + height + " pixels)");
        }
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new DataException(file, "header claims " + width + "x" + height + " pixels, above the " + MAX_SIDE
                    + "x" + MAX_SIDE + " limit (corrupt file?)");
        }
    }
}
