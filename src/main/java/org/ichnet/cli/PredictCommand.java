package org.ichnet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ichnet.api.Ichnet;
import org.ichnet.api.IchnetException;
import org.ichnet.api.Inputs;
import org.ichnet.api.ModelInfo;
import org.ichnet.api.Predictions;
import org.ichnet.api.Problem;
import org.ichnet.api.ScanResult;
import org.ichnet.data.DataException;
import org.ichnet.model.RuntimeOptions;
import org.ichnet.predict.GradCamAgreementJob;
import org.ichnet.predict.GradCamOverlay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
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
                    + "models/ich-wa2d (two hospitals' CT, brain window, head framing) for every kind of input")
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
    public Integer call() throws IchnetException {
        Inputs read = Inputs.read(inputs);
        List<Problem> problems = new java.util.ArrayList<>(read.problems());
        if (strict && !problems.isEmpty()) throw new DataException(problems.get(0).file(), problems.get(0).problem());
        if (read.sliceCount() == 0) {
            // nothing could be read: a failure, not an empty result; each problem is said once, the last as the error
            for (Problem p : problems.subList(0, problems.size() - 1)) System.err.println("ichnet: " + p);
            Problem last = problems.get(problems.size() - 1);
            throw new DataException(last.file(), last.problem());
        }
        for (Problem p : problems) System.err.println("ichnet: skipped " + p);
        int total = read.sliceCount();
        try (Ichnet ichnet = model != null ? Ichnet.load(model) : Ichnet.shipped()) {
            ModelInfo info = ichnet.model(read);
            if (model == null) System.err.println("ichnet: shipped model " + info.folder().getFileName() + " (--model to choose another)");
            long t0 = System.nanoTime();
            Predictions predictions;
            boolean showProgress = !noProgress && total > 50 && System.console() != null;
            try (ProgressBar bar = showProgress ? new ProgressBarBuilder().setTaskName("predict").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build() : null) {
                predictions = ichnet.predict(read, done -> {
                    if (bar != null) bar.stepTo(done);
                });
            }
            long t1 = System.nanoTime();
            // inputs read but not predictable (e.g. a lone image with no head to frame): said once, like unreadable ones
            List<Problem> readProblems = List.copyOf(problems);
            List<Problem> unpredictable = predictions.problems().stream().filter(p -> !readProblems.contains(p)).toList();
            if (strict && !unpredictable.isEmpty()) throw new DataException(unpredictable.get(0).file(), unpredictable.get(0).problem());
            for (Problem p : unpredictable) System.err.println("ichnet: skipped " + p);
            problems.addAll(unpredictable);
            List<List<Path>> pngs = null;
            if (gradcam != null) {
                GradCamFiles files = new GradCamFiles(gradcam, gradcamSize > 0 ? gradcamSize : GradCamOverlay.PANEL);
                pngs = predictions.scans().stream().map(files::write).toList();
            }
            ObjectNode agreement = gradcamMasks == null ? null
                    : GradCamAgreementJob.run(info.folder(), inputs, gradcamMasks, RuntimeOptions.defaults());
            if (verbose) {
                System.err.printf("ichnet: %d slices, %d models at %dx%d: %.1f ms per slice (ensemble)%s%n", total,
                        info.members().size(), info.imageSize(), info.imageSize(),
                        total == 0 ? 0 : (t1 - t0) / 1e6 / total,
                        pngs == null && agreement == null ? "" : String.format(", Grad-CAM %.1f s", (System.nanoTime() - t1) / 1e9));
            }
            if (csv != null) PredictionOutput.writeCsv(csv, info.members(), predictions.scans());
            if (csv == null || json) {
                ObjectNode root = PredictionOutput.json(predictions, pngs);
                if (agreement != null) root.set("gradcamAgreement", agreement);
                System.out.println(PredictionOutput.toString(root));
            } else {
                for (ScanResult p : predictions.scans()) System.out.printf("%s: %s%n", p.source(), p.decision());
                System.out.println("wrote " + csv);
            }
        }
        // every readable input was predicted and printed; a skipped one still makes the run a partial failure
        return problems.isEmpty() ? 0 : Main.EXIT_BAD_INPUT;
    }
}
