package org.ichnet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ichnet.api.Ichnet;
import org.ichnet.api.IchnetException;
import org.ichnet.api.Inputs;
import org.ichnet.api.ModelInfo;
import org.ichnet.api.PredictionSummary;
import org.ichnet.api.Problem;
import org.ichnet.api.ScanListener;
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
        Inputs read = Inputs.read(inputs); // finds the scans; each is decoded when its turn comes
        List<Problem> found = read.problems();
        if (strict && !found.isEmpty()) throw new DataException(found.get(0).file(), found.get(0).problem());
        int total = read.sliceCount();
        SkippedInputs skipped = new SkippedInputs(System.err, strict);
        GradCamFiles gradCams = gradcam == null ? null : new GradCamFiles(gradcam, gradcamSize > 0 ? gradcamSize : GradCamOverlay.PANEL);
        // the model loads with the first readable scan, so unreadable inputs are named even when the model is bad
        try (Ichnet ichnet = model != null ? Ichnet.loadWhenNeeded(model) : Ichnet.shipped();
             PredictionSink sink = new PredictionSink(csv, csv == null || json, gradCams)) {
            long t0 = System.nanoTime();
            PredictionSummary summary;
            boolean showProgress = !noProgress && total > 50 && System.console() != null;
            try (ProgressBar bar = showProgress ? new ProgressBarBuilder().setTaskName("predict").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build() : null) {
                summary = ichnet.predictEach(read, new ScanListener() {
                    @Override
                    public void scan(ScanResult result) {
                        if (!skipped.predictedSome()) {
                            skipped.predicted();
                            if (model == null) System.err.println("ichnet: shipped model " + result.model().folder().getFileName() + " (--model to choose another)");
                        }
                        sink.scan(result);
                    }

                    @Override
                    public void skipped(Problem problem) {
                        skipped.skipped(problem);
                    }

                    @Override
                    public void progress(int slicesDone) {
                        if (bar != null) bar.stepTo(slicesDone);
                    }
                });
            } catch (IchnetException e) {
                if (!skipped.predictedSome()) throw skipped.failure(e);
                throw e;
            }
            long t1 = System.nanoTime();
            ModelInfo info = summary.model();
            ObjectNode agreement = gradcamMasks == null ? null
                    : GradCamAgreementJob.run(info.folder(), inputs, gradcamMasks, RuntimeOptions.defaults());
            if (verbose) {
                long gradCamNanos = sink.gradCamNanos() + (System.nanoTime() - t1);
                // scans are decoded as they are predicted, and the model loads with the first: both are in the time
                System.err.printf("ichnet: %d slices, %d models at %dx%d: %.1f ms per slice (ensemble; decoding and model loading included)%s%n", total,
                        info.members().size(), info.imageSize(), info.imageSize(),
                        total == 0 ? 0 : (t1 - t0 - sink.gradCamNanos()) / 1e6 / total,
                        gradCams == null && agreement == null ? "" : String.format(", Grad-CAM %.1f s", gradCamNanos / 1e9));
            }
            sink.finish(summary, agreement, System.out);
            // every readable input was predicted and printed; a skipped one still makes the run a partial failure
            return summary.problems().isEmpty() ? 0 : Main.EXIT_BAD_INPUT;
        }
    }
}
