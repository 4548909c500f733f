package org.ichnet.bench;

import org.ichnet.data.CtDataset;
import org.ichnet.data.DataException;
import org.ichnet.data.DatasetReader;
import org.ichnet.data.ReadOptions;
import org.ichnet.model.InputShape;
import org.ichnet.model.MatmulRoof;
import org.ichnet.model.ModelCost;
import org.ichnet.model.ModelSpec;
import org.ichnet.model.PaperModels;
import org.ichnet.model.Regularisation;
import org.ichnet.reproduce.ExperimentSettings;
import org.ichnet.model.SavedCnn;
import org.ichnet.model.TrainableCnn;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ichnet bench} in one call: the fp32 matmul roof, each model's training and inference speed
 * on synthetic images, the ensemble's throughput and a scan's latency, the decode pipeline on real
 * slices, and peak memory. Inference runs on each model's exported serving graph (what prediction
 * loads), built from an untrained model: speed does not depend on the weights.
 */
public final class Bench {

    private Bench() {
    }

    /** Runs every measurement; one progress line per measurement on {@code progress} (null: silent). */
    public static BenchResult run(BenchSettings s, PrintWriter progress) {
        CtDataset data = DatasetReader.read(s.dataDir(), ReadOptions.defaults());
        if (data.slices().isEmpty()) throw new DataException(s.dataDir(), "no slices to decode");
        // the variant's own members and training recipe: backbones, weight average and decay cost time too
        ExperimentSettings variant = ExperimentSettings.of(ExperimentSettings.PATIENT, s.variant());
        List<ModelSpec> specs = PaperModels.NAMES.stream().map(variant::member).toList();
        Regularisation recipe = variant.training().regularisation();
        ProgressLine line = new ProgressLine(progress, 1 + 2 * specs.size() + 2 + 1);
        String date = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();

        double roofSeconds = line.measure(String.format(Locale.ROOT, "roof: fp32 matmul %dx%d", s.roofSize(), s.roofSize()),
                () -> Stats.median(MatmulRoof.secondsPerMultiply(s.roofSize(), s.roofRepeats().warmup(),
                        s.roofRepeats().repeats(), s.roofRepeats().callsPerRepeat(), s.runtime())),
                sec -> gflops(MatmulRoof.flops(s.roofSize()) / sec / 1e9));
        double roof = MatmulRoof.flops(s.roofSize()) / roofSeconds / 1e9;

        InputShape input = new InputShape(s.size(), 1);
        SyntheticBatch batch = SyntheticBatch.random(input, Math.max(s.batch(), Math.max(s.inferBatch(), s.scanSlices())), 1);
        Map<String, BenchResult.ModelResult> models = new LinkedHashMap<>();
        List<SavedCnn> serving = new ArrayList<>();
        long ensembleFlops = 0;
        Path exports = tempDir();
        try {
            for (ModelSpec spec : specs) {
                ModelCost cost = ModelCost.of(spec, s.size(), input.channels());
                ensembleFlops += cost.forwardFlops();
                double train;
                try (TrainableCnn cnn = new TrainableCnn(spec, input, 1, s.runtime(), recipe)) {
                    train = line.measure(String.format(Locale.ROOT, "%s training (%s, %s, %dx%d, batch %d)",
                                    spec.name(), describe(spec), s.precision(), s.size(), s.size(), s.batch()),
                            () -> ModelSpeed.trainImagesPerSec(cnn, batch, s.batch(), s.modelRepeats()), Bench::imagesPerSec);
                    cnn.exportSavedModel(exports.resolve(spec.name()));
                }
                SavedCnn model = SavedCnn.load(exports.resolve(spec.name()), s.runtime());
                serving.add(model);
                double infer = line.measure(String.format(Locale.ROOT, "%s inference (serving graph, batch %d)", spec.name(), s.inferBatch()),
                        () -> ModelSpeed.inferImagesPerSec(model, batch, s.inferBatch(), s.modelRepeats()), Bench::imagesPerSec);
                models.put(spec.name(), BenchResult.ModelResult.of(cost, train, infer, roof));
            }
            double ensemble = line.measure(String.format(Locale.ROOT, "ensemble of %d (batch %d)", serving.size(), s.inferBatch()),
                    () -> EnsembleSpeed.slicesPerSec(serving, batch, s.inferBatch(), s.modelRepeats()),
                    v -> String.format(Locale.ROOT, "%.1f slices/s", v));
            double scanMs = line.measure(String.format(Locale.ROOT, "%d-slice scan, %d models", s.scanSlices(), serving.size()),
                    () -> EnsembleSpeed.scanLatencyMs(serving, batch, s.scanSlices(), s.scanRepeats()),
                    v -> String.format(Locale.ROOT, "%.0f ms", v));
            double ensembleRatio = ensemble * ensembleFlops / 1e9 / roof;
            serving.forEach(SavedCnn::close);
            serving.clear();

            DecodeSpeed.Result decode = line.measure(String.format(Locale.ROOT, "decode + resize to %d (%s)", s.size(), s.dataDir()),
                    () -> DecodeSpeed.measure(DecodeSpeed.spread(data.slices(), s.decodeImages()), s.size(), s.decodeRepeats()),
                    r -> String.format(Locale.ROOT, "%.0f img/s on 1 thread, %.0f img/s on %d", r.singleThreadImagesPerSec(),
                            r.parallelImagesPerSec(), r.threads()));

            Double peak = PeakMemory.residentMb().isPresent() ? PeakMemory.residentMb().getAsDouble() : null;
            return new BenchResult(date, Machine.describe(), s.runtime().intraOpThreads(), s.precision(),
                    s.variant().name().toLowerCase(Locale.ROOT), s.size(), s.batch(), s.inferBatch(), s.scanSlices(), s.quick(),
                    s.roofSize(), roof, models, ensemble, ensembleRatio, scanMs,
                    decode.parallelImagesPerSec(), decode.singleThreadImagesPerSec(), decode.threads(), decode.images(),
                    s.dataDir().toString(), peak);
        } finally {
            serving.forEach(SavedCnn::close);
            deleteTree(exports);
        }
    }

    /** "from scratch" or the backbone's name and where fine-tuning starts. */
    private static String describe(ModelSpec spec) {
        if (!spec.pretrained()) return "from scratch";
        return spec.backbone().name() + (spec.fineTuning().frozenBackbone() ? " frozen" : " from " + spec.fineTuning().trainFrom());
    }

    private static String gflops(double v) {
        return String.format(Locale.ROOT, "%.1f GFLOP/s", v);
    }

    private static String imagesPerSec(double v) {
        return String.format(Locale.ROOT, "%.1f img/s", v);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("ichnet-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary folder is not worth failing a benchmark for
        }
    }
}
