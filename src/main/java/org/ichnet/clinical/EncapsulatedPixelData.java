package org.ichnet.clinical;

import org.ichnet.data.DataException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The one frame of encapsulated (compressed) Pixel Data (PS3.5 A.4): after the undefined-length (7FE0,0010) come
 * an item holding the basic offset table (often empty), then one item per fragment, then the sequence delimiter.
 * A frame may span several fragments; with a single frame they are simply concatenated.
 */
final class EncapsulatedPixelData {
    private static final int ITEM = 0xE000;
    private static final int SEQUENCE_DELIMITER = 0xE0DD;

    private EncapsulatedPixelData() {
    }

    /** The fragments of the single frame whose items start at {@code at}, concatenated. */
    static byte[] singleFrame(Path file, byte[] data, int length, int at) {
        ByteBuffer b = ByteBuffer.wrap(data, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int fragments = 0;
        boolean offsetTable = true;
        while (true) {
            if (at + 8 > length) {
                throw new DataException(file, "truncated pixel data (the encapsulated pixel data ends after "
                        + fragments + " fragment" + (fragments == 1 ? "" : "s") + ", with no sequence delimiter)");
            }
            int group = Short.toUnsignedInt(b.getShort(at)), element = Short.toUnsignedInt(b.getShort(at + 2));
            long itemLength = Integer.toUnsignedLong(b.getInt(at + 4));
            if (group == 0xFFFE && element == SEQUENCE_DELIMITER) break;
            if (group != 0xFFFE || element != ITEM) {
                throw new DataException(file, String.format("corrupt encapsulated pixel data (tag (%04X,%04X) at byte %d"
                        + " where a fragment item belongs)", group, element, at));
            }
            at += 8;
            if (itemLength > length - at) {
                throw new DataException(file, "truncated pixel data (" + (offsetTable ? "the offset table" : "fragment "
                        + (fragments + 1)) + " claims " + itemLength + " bytes, the file has " + (length - at) + " left)");
            }
            if (!offsetTable) {
                frame.write(data, at, (int) itemLength);
                fragments++;
            }
            offsetTable = false;
            at += (int) itemLength;
        }
        if (fragments == 0) throw new DataException(file, "encapsulated pixel data holds no fragment");
        return frame.toByteArray();
    }
}
