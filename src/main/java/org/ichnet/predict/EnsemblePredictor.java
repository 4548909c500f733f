package org.ichnet.predict;

import org.ichnet.clinical.Scan;
import org.ichnet.clinical.ScanSlice;
import org.ichnet.clinical.Windows;
import org.ichnet.data.DataException;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.ensemble.Combiner;
import org.ichnet.ensemble.Ensemble;
import org.ichnet.ensemble.EnsembleManifest;
import org.ichnet.model.GradCamMaps;
import org.ichnet.model.InputShape;
import org.ichnet.model.MirrorAveraged;
import org.ichnet.model.RuntimeOptions;
import org.ichnet.model.SavedCnn;
import org.ichnet.preprocess.Channels;
import org.ichnet.preprocess.Framing;
import org.ichnet.preprocess.HeadCrop;
import org.ichnet.preprocess.GrayImage;
import org.ichnet.preprocess.Resize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A trained ensemble loaded from a model folder ({@code ensemble.json} beside its SavedModels, as
 * {@code ichnet reproduce} writes to {@code RUN_DIR/models}) and run on slices.
 *
 * <p>Each slice is resized with {@link Resize#area} to the manifest's image size, rounded to 1/255 steps
 * (the models were trained on uint8 images), stacked NHWC with the manifest's channels (brain; brain
 * and bone; or the brain windows of the slices below, at and above), run through every model in
 * batches (optionally averaged with the mirror image), and the probabilities combined with the
 * manifest's default combiner and weights.
 */
public final class EnsemblePredictor implements AutoCloseable {

    /** Slices per TensorFlow call. */
    public static final int BATCH = 16;

    private final Path directory;
    private final EnsembleManifest manifest;
    private final List<SavedCnn> models;
    private final Combiner combiner;
    private final double[] weights;
    private final InputShape input;
    private final Channels channels;
    private final Framing framing;

    private EnsemblePredictor(Path directory, EnsembleManifest manifest, List<SavedCnn> models, Combiner combiner, Framing framing,
                              double[] weights, InputShape input, Channels channels) {
        this.directory = directory;
        this.manifest = manifest;
        this.models = models;
        this.combiner = combiner;
        this.weights = weights;
        this.input = input;
        this.channels = channels;
        this.framing = framing;
    }

    /**
     * Loads a model folder, or a run folder holding one in {@code models/}.
     *
     * @throws DataException when the folder, its manifest or a SavedModel is missing or does not fit
     */
    public static EnsemblePredictor load(Path dir, RuntimeOptions runtime) {
        Path folder = modelFolder(dir);
        Path manifestFile = folder.resolve(EnsembleManifest.FILE);
        EnsembleManifest manifest = EnsembleManifest.read(manifestFile);
        List<String> classNames = Arrays.stream(HemorrhageClass.values()).map(Enum::name).toList();
        if (!classNames.equals(manifest.classes())) {
            throw new DataException(manifestFile, "classes " + manifest.classes() + " are not " + classNames);
        }
        if (manifest.models() == null || manifest.models().isEmpty()) {
            throw new DataException(manifestFile, "lists no models");
        }
        Combiner combiner = Arrays.stream(Combiner.values()).filter(c -> c.modelName().equals(manifest.combiner()))
                .findFirst().orElseThrow(() -> new DataException(manifestFile, "unknown combiner '" + manifest.combiner() + "'"));
        double[] raw = manifest.weights() == null ? null : manifest.weights().get(manifest.combiner());
        if (raw == null || raw.length != manifest.models().size()) {
            throw new DataException(manifestFile, "needs " + manifest.models().size() + " weights for "
                    + manifest.combiner() + ", has " + (raw == null ? "none" : raw.length));
        }
        double[] weights;
        try {
            weights = Ensemble.normalized(raw);
        } catch (IllegalArgumentException e) {
            throw new DataException(manifestFile, e.getMessage());
        }
        var pre = manifest.preprocessing();
        if (pre == null) throw new DataException(manifestFile, "has no preprocessing section");
        Channels channels = Channels.ofLabel(String.valueOf(pre.channels())).orElseThrow(() -> new DataException(
                manifestFile, "unknown channels '" + pre.channels() + "' (brain, brain+bone or brain+neighbours)"));
        Framing framing = Framing.ofLabel(pre.framing()).orElseThrow(() -> new DataException(manifestFile,
                "unknown framing '" + pre.framing() + "' (whole-slice or head)"));
        InputShape input;
        try {
            input = new InputShape(pre.imageSize(), channels.count());
        } catch (IllegalArgumentException e) {
            throw new DataException(manifestFile, e.getMessage());
        }
        List<SavedCnn> loaded = new ArrayList<>();
        try {
            for (String name : manifest.models()) {
                Path modelDir = folder.resolve(name);
                if (!Files.isRegularFile(modelDir.resolve("saved_model.pb"))) {
                    throw new DataException(modelDir, "not a SavedModel (no saved_model.pb)");
                }
                SavedCnn model;
                try {
                    model = SavedCnn.load(modelDir, runtime);
                } catch (RuntimeException e) {
                    throw new DataException(modelDir, "cannot load SavedModel (" + firstLine(e) + ")", e);
                }
                loaded.add(model);
                if (!model.input().equals(input)) {
                    throw new DataException(modelDir, "takes " + model.input() + " but ensemble.json says " + input);
                }
            }
        } catch (RuntimeException e) {
            loaded.forEach(SavedCnn::close);
            throw e;
        }
        return new EnsemblePredictor(folder, manifest, List.copyOf(loaded), combiner, framing, weights, input, channels);
    }

    /** {@code dir} itself when it holds ensemble.json, else {@code dir/models} when that does. */
    static Path modelFolder(Path dir) {
        if (!Files.isDirectory(dir)) throw new DataException(dir, "no such model folder");
        if (Files.isRegularFile(dir.resolve(EnsembleManifest.FILE))) return dir;
        Path models = dir.resolve("models");
        if (Files.isRegularFile(models.resolve(EnsembleManifest.FILE))) return models;
        throw new DataException(dir, "not an ichnet model folder (no " + EnsembleManifest.FILE
                + " here or in models/); make one with `ichnet reproduce --out RUN_DIR` and pass --model RUN_DIR/models");
    }

    public Path directory() {
        return directory;
    }

    public EnsembleManifest manifest() {
        return manifest;
    }

    public List<String> modelNames() {
        return manifest.models();
    }

    public Combiner combiner() {
        return combiner;
    }

    /** The default combiner's weights, normalised to sum 1. */
    public double[] weights() {
        return weights.clone();
    }

    public InputShape input() {
        return input;
    }

    /** Whether the models take brain and bone windows (inputs then need HU: DICOM or NIfTI). */
    public boolean needsBone() {
        return channels == Channels.BRAIN_BONE;
    }

    /** The windows a scan must be decoded to for this ensemble: the bone window only when it takes brain+bone. */
    public Windows windows() {
        return Windows.of(needsBone());
    }

    /** Predicts every slice of the scan. */
    public ScanPrediction predict(Scan scan) {
        return ScanPrediction.of(scan, predict(scan.slices(), done -> { }));
    }

    /**
     * Predicts slices in batches of {@link #BATCH}; {@code progress} receives the number of slices finished
     * after each batch. {@code slices} is one scan in slice order: a model with neighbour channels takes
     * slice i-1 and i+1 of this list as the slices below and above.
     */
    public List<SlicePrediction> predict(List<ScanSlice> slices, IntConsumer progress) {
        requireChannels(slices);
        int per = input.valuesPerImage();
        List<SlicePrediction> out = new ArrayList<>(slices.size());
        float[] buffer = new float[BATCH * per];
        for (int from = 0; from < slices.size(); from += BATCH) {
            int count = Math.min(BATCH, slices.size() - from);
            for (int i = 0; i < count; i++) fill(slices, from + i, buffer, i * per);
            float[] batch = count == BATCH ? buffer : Arrays.copyOf(buffer, count * per);
            List<float[][]> perModel = new ArrayList<>(models.size());
            for (SavedCnn model : models) {
                perModel.add(MirrorAveraged.of(model, manifest.preprocessing().mirrorAveraged()).predict(batch, count));
            }
            float[][] combined = Ensemble.combine(perModel, weights, combiner);
            for (int i = 0; i < count; i++) {
                Map<String, float[]> byModel = new LinkedHashMap<>();
                for (int m = 0; m < models.size(); m++) byModel.put(modelNames().get(m), perModel.get(m)[i]);
                out.add(new SlicePrediction(slices.get(from + i).label(), combined[i], byModel));
            }
            progress.accept(from + count);
        }
        return out;
    }

    /** Grad-CAM of every slice of a scan (in slice order) for {@code targets[i]}, from every model, in batches. */
    public List<SliceGradCam> gradCam(List<ScanSlice> slices, List<HemorrhageClass> targets) {
        return gradCam(slices, IntStream.range(0, slices.size()).boxed().toList(), targets);
    }

    /** Grad-CAM of the slices at {@code positions} of a scan (in slice order), for {@code targets[i]}. */
    public List<SliceGradCam> gradCam(List<ScanSlice> scan, List<Integer> positions, List<HemorrhageClass> targets) {
        if (positions.size() != targets.size()) throw new IllegalArgumentException(positions.size() + " slices, " + targets.size() + " targets");
        requireChannels(scan);
        int per = input.valuesPerImage();
        List<SliceGradCam> out = new ArrayList<>(positions.size());
        for (int from = 0; from < positions.size(); from += BATCH) {
            int count = Math.min(BATCH, positions.size() - from);
            float[] batch = new float[count * per];
            int[] classes = new int[count];
            for (int i = 0; i < count; i++) {
                fill(scan, positions.get(from + i), batch, i * per);
                classes[i] = targets.get(from + i).ordinal();
            }
            List<GradCamMaps> perModel = new ArrayList<>(models.size());
            for (SavedCnn model : models) perModel.add(model.gradCam(batch, count, classes));
            for (int i = 0; i < count; i++) {
                var square = headSquare(scan, positions.get(from + i));
                GrayImage slice = scan.get(positions.get(from + i)).brain();
                List<GrayImage> maps = new ArrayList<>(models.size());
                for (GradCamMaps m : perModel) {
                    GrayImage map = SliceGradCam.normalized(m.width(), m.height(), m.map(i));
                    maps.add(square.map(s -> GradCamPlacement.onSlice(map, s, slice.width(), slice.height())).orElse(map));
                }
                out.add(new SliceGradCam(targets.get(from + i), modelNames(), weights, maps));
            }
        }
        return out;
    }

    /**
     * The head square the model's input was cut from, when this ensemble frames slices by the head and one
     * was found (as {@link #fill} frames them): the Grad-CAM maps, made on the cut, go back there.
     */
    private java.util.Optional<HeadCrop.Square> headSquare(List<ScanSlice> scan, int position) {
        if (framing != Framing.HEAD) return java.util.Optional.empty();
        return HeadCrop.locate(channelImages(scan, position).get(0));
    }

    /** The model input for slice {@code position} of a scan (in slice order): size*size*channels floats, NHWC. */
    public float[] input(List<ScanSlice> scan, int position) {
        requireChannels(scan);
        float[] out = new float[input.valuesPerImage()];
        fill(scan, position, out, 0);
        return out;
    }

    private List<GrayImage> channelImages(List<ScanSlice> scan, int position) {
        ScanSlice slice = scan.get(position);
        return switch (channels) {
            case BRAIN -> List.of(slice.brain());
            case BRAIN_BONE -> List.of(slice.brain(), slice.bone());
            case BRAIN_NEIGHBOURS -> List.of(neighbour(scan, position, -1).brain(), slice.brain(),
                    neighbour(scan, position, +1).brain());
        };
    }

    /** As SliceNeighbours does for training: at an edge, or next to a skipped file, the slice stands in for its neighbour. */
    private static ScanSlice neighbour(List<ScanSlice> scan, int position, int step) {
        ScanSlice slice = scan.get(position);
        int at = position + step;
        if (at < 0 || at >= scan.size() || !slice.adjoins(scan.get(at), step)) return slice;
        return scan.get(at);
    }

    private void fill(List<ScanSlice> scan, int position, float[] target, int offset) {
        int size = input.size(), channels = input.channels();
        List<GrayImage> images;
        try {
            List<GrayImage> channelImages = channelImages(scan, position);
            images = scan.size() > 1 ? framing.frameScanSlice(channelImages) : framing.frame(channelImages);
        } catch (IllegalArgumentException e) {
            throw new DataException(Path.of(scan.get(position).label()), e.getMessage());
        }
        for (int c = 0; c < channels; c++) {
            GrayImage image = Resize.area(images.get(c), size, size);
            float[] px = image.pixels();
            for (int p = 0; p < px.length; p++) {
                // as ImageStack stores training images: clamp, then uint8 steps
                float v = Math.min(1f, Math.max(0f, px[p]));
                target[offset + p * channels + c] = Math.round(v * 255f) / 255f;
            }
        }
    }

    private void requireChannels(List<ScanSlice> slices) {
        if (!needsBone()) return;
        for (ScanSlice s : slices) {
            if (s.bone() == null) {
                throw new DataException(Path.of(s.label()), "the model takes brain+bone windows but this input has no bone "
                        + "image (a lone JPG/PNG carries one window); give DICOM or NIfTI in Hounsfield units, or a CT-ICH "
                        + "patient folder with brain/ and bone/");
            }
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        models.forEach(SavedCnn::close);
    }
}
