package org.ichnet.model;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** Plain Java arrays in and out of tensors. */
final class Tensors {
    private Tensors() {
    }

    static TFloat32 images(float[] nhwc, int count, InputShape input) {
        int values = count * input.valuesPerImage();
        if (nhwc.length < values) throw new IllegalArgumentException("image buffer holds " + nhwc.length + " values, need " + values);
        return TFloat32.tensorOf(Shape.of(count, input.size(), input.size(), input.channels()),
                DataBuffers.of(nhwc, true, false).narrow(values));
    }

    static TFloat32 vector(float[] values, int count) {
        return TFloat32.tensorOf(Shape.of(count), DataBuffers.of(values, true, false).narrow(count));
    }

    static TInt32 ints(int[] values, int count) {
        return TInt32.tensorOf(Shape.of(count), DataBuffers.of(values, true, false).narrow(count));
    }

    static TInt64 seed(long step, long stream) {
        return TInt64.vectorOf(step, stream);
    }

    /** Copies a [count, k] float tensor to count rows. */
    static float[][] rows(Tensor tensor, int count) {
        TFloat32 t = (TFloat32) tensor;
        int k = (int) t.shape().size(1);
        float[] flat = new float[count * k];
        t.copyTo(DataBuffers.of(flat, false, false));
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            out[i] = new float[k];
            System.arraycopy(flat, i * k, out[i], 0, k);
        }
        return out;
    }

    static float scalar(Tensor tensor) {
        return ((TFloat32) tensor).getFloat();
    }
}
