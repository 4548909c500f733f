package org.ichnet.api;

import org.ichnet.clinical.PendingScan;
import org.ichnet.clinical.Scan;
import org.ichnet.clinical.Windows;
import org.ichnet.data.DataException;
import org.ichnet.model.RuntimeOptions;
import org.ichnet.predict.EnsemblePredictor;
import org.ichnet.predict.ScanPrediction;
import org.ichnet.predict.ShippedModels;
import org.ichnet.predict.SlicePrediction;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * A trained ichnet ensemble, ready to classify head-CT slices as NORMAL, ICH, SDH or EDH.
 *
 * <pre>{@code
 * try (var model = Ichnet.load(Path.of("models/ich-wa2d"))) {   // or Ichnet.shipped()
 *     ScanResult r = model.predict(Path.of("study/series-3"));
 *     r.anyHemorrhage(); r.slices(); r.gradCam(r.topSlice());
 * }
 * }</pre>
 *
 * <p><b>Thread safety.</b> One instance may be shared: any number of threads may call {@code predict} and
 * {@link ScanResult#gradCam} at once, and get the same results as one after another. {@link #close()} waits
 * for running calls; later calls fail with {@link IllegalStateException}. TensorFlow works on up to one thread
 * per processor the JVM sees; {@link LoadOptions#threads(int)} bounds that.
 *
 * <p><b>Errors.</b> Bad input — a missing, empty, truncated or corrupt file, an unsupported format, a header
 * beyond the size limits, a model folder that is not one — is an {@link IchnetException} naming the file and
 * the problem on one line, and never another exception.
 *
 * <p>Only load model folders you trust: a SavedModel is a TensorFlow program that can read and write files.
 * Research software, not a medical device.
 */
public final class Ichnet implements Closeable {

    private final Function<List<PendingScan>, Path> folderFor;
    private final RuntimeOptions runtime;
    private final Map<Path, Loaded> loaded = new ConcurrentHashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private record Loaded(EnsemblePredictor predictor, ModelInfo info) {
    }

    private Ichnet(Function<List<PendingScan>, Path> folderFor, LoadOptions options) {
        this.folderFor = folderFor;
        this.runtime = Objects.requireNonNull(options, "options").runtime();
    }

    /**
     * Loads the ensemble in {@code folder} ({@code ensemble.json} beside its SavedModels, as {@code ichnet export}
     * writes it), or in {@code folder/models} (a run folder).
     *
     * @throws IchnetException when the folder, its manifest or a SavedModel is missing or does not fit
     */
    public static Ichnet load(Path folder) throws IchnetException {
        return load(folder, LoadOptions.defaults());
    }

    /**
     * {@link #load(Path)} with options, e.g. {@link LoadOptions#threads(int)}.
     *
     * @throws IchnetException when the folder, its manifest or a SavedModel is missing or does not fit
     */
    public static Ichnet load(Path folder, LoadOptions options) throws IchnetException {
        Ichnet model = new Ichnet(scans -> folder, options);
        model.model();
        return model;
    }

    /**
     * The ensemble in {@code folder}, as {@link #load} takes it, loaded when a call first needs it: a caller that
     * streams inputs ({@link #predictEach}) then says which inputs cannot be read even when the folder turns out
     * not to be a model. A bad folder is the {@link IchnetException} of that first call.
     */
    public static Ichnet loadWhenNeeded(Path folder) {
        return loadWhenNeeded(folder, LoadOptions.defaults());
    }

    /** {@link #loadWhenNeeded(Path)} with options, e.g. {@link LoadOptions#threads(int)}. */
    public static Ichnet loadWhenNeeded(Path folder, LoadOptions options) {
        return new Ichnet(scans -> folder, options);
    }

    /**
     * The ensemble shipped with ichnet, {@code models/ich-wa2d}, found in {@code $ICHNET_HOME/models}, beside
     * the ichnet jar, or in {@code ./models}: what {@code ichnet predict} uses without {@code --model}, one
     * brain-window ensemble for every kind of input (JPG/PNG, CT-ICH patient folders, DICOM, NIfTI), trained on
     * CT-ICH and PHE-SICH-CT-IDS (its {@code MODEL_CARD.md}). Loaded when first needed.
     *
     * @throws IchnetException when no shipped model is installed (depend on ichnet and {@link #load} a folder)
     */
    public static Ichnet shipped() throws IchnetException {
        return shipped(LoadOptions.defaults());
    }

    /**
     * {@link #shipped()} with options, e.g. {@link LoadOptions#threads(int)}.
     *
     * @throws IchnetException when no shipped model is installed
     */
    public static Ichnet shipped(LoadOptions options) throws IchnetException {
        Ichnet model = new Ichnet(ShippedModels::folderFor, options);
        try {
            model.folderFor.apply(List.of());
        } catch (DataException e) {
            throw IchnetException.of(e);
        }
        return model;
    }

    /** The library's version, from the jar's manifest ({@code dev} when run from classes). */
    public static String version() {
        String v = Ichnet.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The loaded model; for {@link #shipped()}, the shipped one. */
    public ModelInfo model() throws IchnetException {
        return guarded(() -> loadedFor(List.of()).info());
    }

    /** The model {@link #predict(Inputs)} uses for these inputs. */
    public ModelInfo model(Inputs inputs) throws IchnetException {
        return guarded(() -> loadedFor(inputs.scans()).info());
    }

    /**
     * Predicts one input: a JPG/PNG file, a folder of them, a CT-ICH patient folder, a DICOM file or a folder
     * holding one series, or a NIfTI volume. Unreadable files inside a folder are skipped and listed in
     * {@link ScanResult#problems()}.
     *
     * @throws IchnetException when nothing in the input can be read, or a folder holds several scans (DICOM
     *                         series, volumes, or scans in folders below it: {@link #predict(List)} gives one
     *                         result per scan)
     */
    public ScanResult predict(Path input) throws IchnetException {
        Inputs inputs = Inputs.read(List.of(input));
        // a subfolder that gave only a problem (a structured report, an unlistable folder) is not a second scan
        long withSlices = inputs.scans().stream().filter(s -> s.sliceCount() > 0).count();
        if (withSlices > 1) {
            throw new IchnetException(new Problem(input, "holds " + withSlices
                    + " scans (DICOM series, volumes or folders below it); predict a list of paths to get one result per scan"));
        }
        List<ScanResult> results = predict(inputs).scans();
        return results.stream().filter(r -> !r.slices().isEmpty()).findFirst().orElse(results.get(0));
    }

    /**
     * Predicts several inputs with one model (for {@link #shipped()}: the shipped one, for all of them).
     *
     * @throws IchnetException when none of them can be read ({@link IchnetException#problems()} lists each)
     */
    public Predictions predict(List<Path> inputs) throws IchnetException {
        return predict(Inputs.read(inputs));
    }

    /** Predicts inputs found before; see {@link #predict(List)}. */
    public Predictions predict(Inputs inputs) throws IchnetException {
        return predict(inputs, done -> { });
    }

    /**
     * Predicts inputs found before, telling {@code progress} how many of the {@link Inputs#sliceCount()} slices
     * are done after each batch. The scans are decoded one at a time ({@link #predictEach}); the results keep no
     * pixels ({@link ScanResult#gradCam} reads a scan's files again).
     *
     * @throws IchnetException when none of them can be read ({@link IchnetException#problems()} lists each)
     */
    public Predictions predict(Inputs inputs, IntConsumer progress) throws IchnetException {
        List<ScanResult> results = new ArrayList<>();
        PredictionSummary summary = predictEach(inputs, new ScanListener() {
            @Override
            public void scan(ScanResult result) {
                results.add(result);
            }

            @Override
            public void progress(int slicesDone) {
                progress.accept(slicesDone);
            }
        });
        return new Predictions(summary.model(), results, summary.problems());
    }

    /**
     * Predicts inputs found before one scan at a time, in input order: each scan is decoded, predicted and handed
     * to {@code listener}, and its pixels let go, before the next is decoded; skipped files and progress go to the
     * listener as they are known. Memory follows the largest scan, not the number of scans: the way to predict an
     * archive. The results are those of {@link #predict(Inputs)}, which collects them.
     *
     * @throws IchnetException when none of them can be read ({@link IchnetException#problems()} lists each), after
     *                         each problem went to {@link ScanListener#skipped}
     */
    public PredictionSummary predictEach(Inputs inputs, ScanListener listener) throws IchnetException {
        ScanStream stream = guarded(() -> {
            ScanStream run = new ScanStream(listener, loadedAlready(inputs.scans()));
            for (PendingScan pending : inputs.scans()) run.predict(pending, () -> loadedFor(inputs.scans()));
            return run;
        });
        return stream.summary();
    }

    /** The scans of one {@link #predictEach} call as they go by: what was skipped, and how many results went out. */
    private final class ScanStream {
        private final ScanListener listener;
        private final List<Problem> unreadable = new ArrayList<>();
        private final List<Problem> unpredictable = new ArrayList<>();
        private final List<Problem> skippedFiles = new ArrayList<>();
        private DataException lastFailure;
        private Loaded model;
        private int results;
        private int slicesBefore;

        /** @param model the model when it is loaded already, else null: it loads with the first scan that has slices */
        ScanStream(ScanListener listener, Loaded model) {
            this.listener = listener;
            this.model = model;
        }

        void predict(PendingScan pending, Supplier<Loaded> loader) {
            // the bone window only for a model that takes it; before the model is known (it loads after the first
            // scan is decoded, so that unreadable inputs are named even when it is bad) both windows
            Scan scan = pending.read(false, model == null ? Windows.BRAIN_AND_BONE : model.predictor().windows());
            int done = slicesBefore;
            slicesBefore += pending.sliceCount();
            if (scan.slices().isEmpty()) {
                scan.problems().stream().map(IchnetException::problem).forEach(p -> skip(p, unreadable));
                return;
            }
            if (model == null) model = loader.get();
            List<SlicePrediction> slices;
            try {
                slices = model.predictor().predict(scan.slices(), n -> listener.progress(done + n));
            } catch (DataException e) {
                lastFailure = e; // e.g. a lone image without a head: that input fails, the others are predicted
                skip(IchnetException.problem(e.toProblem()), unpredictable);
                return;
            }
            ScanResult result = new ScanResult(Ichnet.this, model.predictor(), model.info(), pending, scan, ScanPrediction.of(scan, slices));
            result.problems().forEach(p -> skip(p, skippedFiles));
            results++;
            try {
                listener.scan(result);
            } finally {
                result.releasePixels();
            }
            listener.progress(slicesBefore);
        }

        private void skip(Problem problem, List<Problem> kind) {
            kind.add(problem);
            listener.skipped(problem);
        }

        PredictionSummary summary() throws IchnetException {
            if (results == 0 && lastFailure != null) throw IchnetException.of(lastFailure);
            if (results == 0) throw new IchnetException(unreadable, null);
            List<Problem> problems = new ArrayList<>(unreadable);
            problems.addAll(unpredictable);
            problems.addAll(skippedFiles);
            return new PredictionSummary(model.info(), results, problems);
        }
    }

    /** Predicts one brain-window slice (CT-ICH export: level 40, width 120; colour becomes gray). */
    public ScanResult predict(BufferedImage brainWindow) throws IchnetException {
        return predictOne(() -> MemoryInputs.image(brainWindow, "image"));
    }

    /** Predicts one brain-window slice given as gray values in [0,1], row by row ({@code width * height} values). */
    public ScanResult predict(float[] pixels, int width, int height) throws IchnetException {
        return predictOne(() -> MemoryInputs.pixels(pixels, width, height, "pixels"));
    }

    /**
     * Predicts the slice in a stream holding a DICOM (Part 10, with its {@code DICM} preamble), PNG or JPG file,
     * told apart by their content. The stream is read to its end and not closed.
     *
     * @param name how results and errors call the stream, e.g. its file name
     */
    public ScanResult predict(InputStream stream, String name) throws IchnetException {
        return predictOne(() -> MemoryInputs.stream(stream, name));
    }

    private ScanResult predictOne(Supplier<Scan> read) throws IchnetException {
        Scan scan;
        try {
            scan = read.get();
        } catch (DataException e) {
            throw IchnetException.of(e);
        }
        return predict(Inputs.of(scan)).scans().get(0);
    }

    /** The model for these scans when it is loaded already, else null (nothing is loaded here). */
    private Loaded loadedAlready(List<PendingScan> scans) {
        return loaded.isEmpty() ? null : loaded.get(folderFor.apply(scans));
    }

    private Loaded loadedFor(List<PendingScan> scans) {
        return loaded.computeIfAbsent(folderFor.apply(scans), this::loadFolder);
    }

    private Loaded loadFolder(Path folder) {
        EnsemblePredictor predictor = EnsemblePredictor.load(folder, runtime);
        try {
            return new Loaded(predictor, ModelInfos.of(predictor));
        } catch (RuntimeException e) {
            predictor.close(); // e.g. an unreadable MODEL_CARD.md: the sessions just loaded must not leak
            throw e;
        }
    }

    /** Runs {@code work} while this is open (close waits for it); bad input becomes an {@link IchnetException}. */
    private <T> T guarded(Supplier<T> work) throws IchnetException {
        try {
            return whileOpen(work);
        } catch (DataException e) {
            throw IchnetException.of(e);
        }
    }

    <T> T whileOpen(Supplier<T> work) {
        lock.readLock().lock();
        try {
            if (closed) throw new IllegalStateException("this Ichnet model is closed");
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Frees the models' TensorFlow memory, after running calls finish. Harmless when called again. Do not call it
     * from a {@code predict} progress callback or a {@link ScanListener} of this instance: it would wait for that very
     * call, for ever.
     */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            loaded.values().forEach(m -> m.predictor().close());
            loaded.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
