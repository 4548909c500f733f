package org.ichnet.reproduce;

import org.ichnet.model.PaperModels;
import org.ichnet.report.RunSummary;
import org.ichnet.train.TrainResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The paper's Section 3 as one page: data set, input images, three CNNs, their weighted ensemble,
 * and the comparison — on a patient-level split unless the paper's leaky slice split is asked for.
 */
public final class Reproduction {
    private final PrintStream log;
    private final boolean progress;
    private final boolean strict;

    /** {@code strict}: the data set's first problem is fatal instead of a warning and a left-out slice. */
    public Reproduction(PrintStream log, boolean progress, boolean strict) {
        this.log = log;
        this.progress = progress;
        this.strict = strict;
    }

    public RunSummary run(Path dataDir, Path runDir, ExperimentSettings settings, boolean resume) {
        return run(List.of(dataDir), runDir, settings, resume);
    }

    public RunSummary run(List<Path> dataDirs, Path runDir, ExperimentSettings settings, boolean resume) {
        // 3.1 Dataset, 3.2.1 input images: one class per slice, split (by patient by default), decoded once at 256x256
        RunSetup run = RunSetup.create(dataDirs, runDir, settings, resume, log, progress, strict);

        // 3.3 Three 2D CNNs, each trained on the training patients with early stopping on validation
        List<TrainResult> training = run.steps().train(PaperModels.NAMES, resume, progress);

        // 3.4 The weighted ensembles: weights grid-searched on validation predictions only
        EnsembleStep.run(run, training);

        // 3.5 The ensembles against the individual models on the held-out test set
        return EvaluateStep.run(run, training);
    }
}
