package org.ichnet.ensemble;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ichnet.data.DataException;
import org.ichnet.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ensemble.json}: what a consumer (ichnet predict, Python TensorFlow, TF Serving) needs to
 * run the three SavedModels beside it as the paper's ensemble.
 *
 * @param classes       output order of every probability vector
 * @param models        SavedModel folder names, in weight order
 * @param combiner      the default combination ("weightedAverage")
 * @param weights       searched weights per combiner name, not normalised
 * @param preprocessing how an input slice becomes the model's NHWC float input
 */
public record EnsembleManifest(String format, List<String> classes, List<String> models, String combiner,
                               Map<String, double[]> weights, Preprocessing preprocessing, Map<String, Object> provenance) {

    public static final String FORMAT = "ichnet-ensemble/1";
    public static final String FILE = "ensemble.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param imageSize  square side the slice is resized to (area averaging)
     * @param channels   "brain", "brain+bone" or "brain+neighbours" (the slices below, at and above)
     * @param windows    for Hounsfield-unit inputs: window level/width per channel, as the CT-ICH JPG export
     * @param scale      pixel values are window-mapped to [0,1]
     * @param mirrorAveraged each slice's probabilities are the mean over it and its left-right mirror image
     *                   (absent in older manifests: false)
     */
    /** {@code framing}: a {@link org.ichnet.preprocess.Framing} label; absent (whole slices) in manifests before head framing. */
    public record Preprocessing(int imageSize, String channels, List<Map<String, Object>> windows, String resize,
                                String scale, String orientation, boolean mirrorAveraged, String framing) {
        public Preprocessing {
            if (framing == null) framing = org.ichnet.preprocess.Framing.WHOLE_SLICE.label();
        }

        public Preprocessing(int imageSize, String channels, List<Map<String, Object>> windows, String resize,
                             String scale, String orientation, boolean mirrorAveraged) {
            this(imageSize, channels, windows, resize, scale, orientation, mirrorAveraged, null);
        }
    }

    public double[] weightsFor(String combinerName) {
        double[] w = weights.get(combinerName);
        if (w == null) throw new IllegalArgumentException("ensemble.json has no weights for " + combinerName);
        return w;
    }

    public void write(Path file) {
        AtomicFiles.write(file, out -> JSON.writeValue(out, this));
    }

    public static EnsembleManifest read(Path file) {
        if (!Files.isRegularFile(file)) throw new DataException(file, "no ensemble.json here (is this an ichnet model folder?)");
        try {
            EnsembleManifest m = JSON.readValue(file.toFile(), EnsembleManifest.class);
            if (!FORMAT.equals(m.format())) throw new DataException(file, "unknown format '" + m.format() + "', expected " + FORMAT);
            if (m.models() != null) m.models().forEach(name -> checkPlainName(file, name));
            return m;
        } catch (IOException e) {
            throw new DataException(file, "unreadable ensemble manifest (" + e.getMessage().split("\n")[0] + ")");
        }
    }

    /**
     * A model name is a folder beside ensemble.json. A path ({@code ../../x}, {@code /x}) would let a manifest
     * load a SavedModel from anywhere, and a SavedModel can read and write files.
     */
    private static void checkPlainName(Path file, String name) {
        if (name == null || name.isBlank() || name.equals(".") || name.equals("..")
                || name.contains("/") || name.contains("\\") || name.indexOf('\0') >= 0) {
            throw new DataException(file, "model name '" + name + "' is not a plain folder name beside ensemble.json");
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        Path model = folder.resolve(name).normalize();
        if (!folder.equals(model.getParent())) {
            throw new DataException(file, "model name '" + name + "' leaves the model folder");
        }
    }
}
