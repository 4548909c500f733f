package org.ichnet.predict;

import org.ichnet.data.HemorrhageClass;
import org.ichnet.preprocess.GrayImage;
import org.ichnet.preprocess.Resize;

import java.util.List;

/**
 * Grad-CAM of one slice for one class, from every model of the ensemble.
 *
 * @param target  the class explained (the same for every model, so the maps can be combined)
 * @param models  model names, in manifest order
 * @param weights the manifest's weights, normalised to sum 1
 * @param maps    each model's map at its last convolution's resolution, divided by its maximum so it spans
 *                [0,1] (all zero when the model's map is all zero)
 */
public record SliceGradCam(HemorrhageClass target, List<String> models, double[] weights, List<GrayImage> maps) {
    public SliceGradCam {
        models = List.copyOf(models);
        maps = List.copyOf(maps);
        if (models.size() != maps.size() || weights.length != maps.size()) {
            throw new IllegalArgumentException(models.size() + " models, " + weights.length + " weights, " + maps.size() + " maps");
        }
    }

    /** Model {@code index}'s map, bilinearly resized to {@code width x height}, in [0,1]. */
    public GrayImage upsampled(int index, int width, int height) {
        return Resize.area(maps.get(index), width, height);
    }

    /**
     * The ensemble's map at {@code width x height}: Σ wᵢ · mapᵢ over the models' [0,1]-normalised maps after
     * resizing (the models' last convolutions need not share a resolution). In [0,1] since Σ wᵢ = 1.
     */
    public GrayImage ensemble(int width, int height) {
        float[] sum = new float[width * height];
        for (int m = 0; m < maps.size(); m++) {
            if (weights[m] == 0) continue;
            float[] map = upsampled(m, width, height).pixels();
            float w = (float) weights[m];
            for (int i = 0; i < sum.length; i++) sum[i] += w * map[i];
        }
        return new GrayImage(width, height, sum);
    }

    /** Divides by the maximum (negative values, which Grad-CAM's ReLU rules out, become 0). */
    static GrayImage normalized(int width, int height, float[] values) {
        float max = 0;
        for (float v : values) max = Math.max(max, v);
        float[] out = new float[values.length];
        if (max > 0 && Float.isFinite(max)) {
            for (int i = 0; i < out.length; i++) out[i] = Math.max(0f, values[i] / max);
        }
        return new GrayImage(width, height, out);
    }
}
