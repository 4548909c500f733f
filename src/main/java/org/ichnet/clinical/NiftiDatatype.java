package org.ichnet.clinical;

import org.ichnet.data.DataException;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/** The NIfTI-1 voxel types a CT volume comes in. */
enum NiftiDatatype {
    UINT8(2, 1), INT16(4, 2), INT32(8, 4), FLOAT32(16, 4), FLOAT64(64, 8), INT8(256, 1), UINT16(512, 2);

    final int code;
    final int bytes;

    NiftiDatatype(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    static NiftiDatatype of(Path file, int code) {
        for (NiftiDatatype t : values()) if (t.code == code) return t;
        throw new DataException(file, "unsupported NIfTI datatype " + code
                + " (supported: 2 uint8, 4 int16, 8 int32, 16 float32, 64 float64, 256 int8, 512 uint16)");
    }

    /** Reads the value at the buffer's byte index. */
    double read(ByteBuffer b, int index) {
        return switch (this) {
            case UINT8 -> Byte.toUnsignedInt(b.get(index));
            case INT8 -> b.get(index);
            case INT16 -> b.getShort(index);
            case UINT16 -> Short.toUnsignedInt(b.getShort(index));
            case INT32 -> b.getInt(index);
            case FLOAT32 -> b.getFloat(index);
            case FLOAT64 -> b.getDouble(index);
        };
    }
}
