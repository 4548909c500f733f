package org.ichnet.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ichnet.clinical.Scan;
import org.ichnet.clinical.ScanInputs;
import org.ichnet.data.DataException;
import org.ichnet.data.DataProblem;
import org.ichnet.model.RuntimeOptions;
import org.ichnet.predict.EnsemblePredictor;
import org.ichnet.predict.GradCamJob;
import org.ichnet.predict.GradCamOverlay;
import org.ichnet.predict.PredictionOutput;
import org.ichnet.predict.ScanPrediction;
import org.ichnet.predict.SlicePrediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ichnet predict}: run a trained ensemble on images, DICOM files and series, and NIfTI volumes. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify head-CT slices as NORMAL, ICH, SDH or EDH with a trained ensemble. Inputs: JPG/PNG "
                + "files or folders (brain window), CT-ICH patient folders (brain/ and bone/ JPGs), DICOM files or series "
                + "folders, NIfTI volumes (.nii, .nii.gz).")
public final class PredictCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or folders to classify")
    List<Path> inputs;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model folder with ensemble.json, or a run folder (its models/); default: the shipped "
                    + "models/ct-ich-wa2d-bone when every slice has a bone window (DICOM, NIfTI, a CT-ICH patient folder with brain/ and bone/), "
                    + "models/ct-ich-wa2d otherwise")
    Path model;

    @Option(names = "--json", description = "JSON on stdout (the default; with --csv, print it as well)")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "One row per slice: path, ensemble probabilities, predicted, per-model probabilities")
    Path csv;

    @Option(names = "--gradcam", paramLabel = "DIR", description = "Write a Grad-CAM PNG per slice (each model and the ensemble)")
    Path gradcam;

    @Option(names = "--gradcam-size", hidden = true, defaultValue = "256", description = "Panel side of the Grad-CAM PNGs")
    int gradcamSize;

    @Option(names = "--gradcam-masks", paramLabel = "MASK_DIR", hidden = true,
            description = "Score Grad-CAM against CT-ICH hemorrhage masks (same file name as each DICOM input) into the JSON")
    Path gradcamMasks;

    @Option(names = "--strict", description = "Stop at the first unreadable input (exit 2) instead of skipping it")
    boolean strict;

    @Option(names = "--no-progress", negatable = false, description = "No progress bar")
    boolean noProgress;

    @Option(names = "--verbose", description = "Timing on stderr; stack traces on errors")
    boolean verbose;

    @Override
    public Integer call() {
        List<Scan> collected = ScanInputs.collect(inputs, strict);
        // an input that yielded no slice at all is only a problem, not a scan without hemorrhage
        List<Scan> scans = collected.stream().filter(s -> !s.slices().isEmpty()).toList();
        List<DataProblem> unreadable = collected.stream().filter(s -> s.slices().isEmpty())
                .flatMap(s -> s.problems().stream()).toList();
        if (scans.isEmpty() && !unreadable.isEmpty()) {
            // nothing could be read: a failure, not an empty result; each problem is said once, the last as the error
            for (DataProblem p : unreadable.subList(0, unreadable.size() - 1)) System.err.println("ichnet: " + p);
            throw new DataException(unreadable.get(unreadable.size() - 1));
        }
        for (Scan scan : collected) {
            for (DataProblem p : scan.problems()) System.err.println("ichnet: skipped " + p);
        }
        int total = scans.stream().mapToInt(s -> s.slices().size()).sum();
        Path modelDir = model != null ? model : BundledModel.locateFor(scans);
        if (model == null) System.err.println("ichnet: shipped model " + modelDir.getFileName() + " (--model to choose another)");
        try (EnsemblePredictor predictor = EnsemblePredictor.load(modelDir, RuntimeOptions.defaults())) {
            long t0 = System.nanoTime();
            List<ScanPrediction> predictions = new ArrayList<>();
            boolean showProgress = !noProgress && total > 50 && System.console() != null;
            try (ProgressBar bar = showProgress ? new ProgressBarBuilder().setTaskName("predict").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build() : null) {
                for (Scan scan : scans) {
                    long before = bar == null ? 0 : bar.getCurrent();
                    List<SlicePrediction> slices = predictor.predict(scan.slices(), done -> {
                        if (bar != null) bar.stepTo(before + done);
                    });
                    predictions.add(ScanPrediction.of(scan, slices));
                }
            }
            long t1 = System.nanoTime();
            List<List<Path>> pngs = null;
            GradCamJob job = null;
            if (gradcam != null || gradcamMasks != null) {
                job = new GradCamJob(predictor, gradcam, gradcamMasks, gradcamSize > 0 ? gradcamSize : GradCamOverlay.PANEL);
                pngs = new ArrayList<>();
                for (int s = 0; s < scans.size(); s++) pngs.add(job.run(scans.get(s), predictions.get(s)));
            }
            if (verbose) {
                System.err.printf("ichnet: %d slices, %d models at %dx%d: %.1f ms per slice (ensemble)%s%n", total,
                        predictor.modelNames().size(), predictor.input().size(), predictor.input().size(),
                        total == 0 ? 0 : (t1 - t0) / 1e6 / total,
                        job == null ? "" : String.format(", Grad-CAM %.1f s", (System.nanoTime() - t1) / 1e9));
            }
            if (csv != null) PredictionOutput.writeCsv(csv, predictor.modelNames(), predictions);
            if (csv == null || json) {
                var root = PredictionOutput.json(predictor, predictions, pngs, unreadable);
                if (job != null && job.agreementJson() != null) root.set("gradcamAgreement", job.agreementJson());
                System.out.println(PredictionOutput.toString(root));
            } else {
                for (ScanPrediction p : predictions) {
                    System.out.printf("%s: %s%n", p.source(), p.anyHemorrhage()
                            ? "hemorrhage " + p.types() + " on " + p.hemorrhageSlices().size() + " of " + p.slices().size() + " slices"
                            : "no hemorrhage on " + p.slices().size() + " slices");
                }
                System.out.println("wrote " + csv);
            }
        }
        // every readable input was predicted and printed; a skipped one still makes the run a partial failure
        boolean anySkipped = collected.stream().anyMatch(scan -> !scan.problems().isEmpty());
        return anySkipped ? Main.EXIT_BAD_INPUT : 0;
    }
}
