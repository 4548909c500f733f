package org.ichnet.reproduce;

import org.ichnet.evaluate.PredictionsCsv;

/** Step 3.4: search both ensembles' weights on the validation predictions; write them beside the models. */
public final class EnsembleStep {
    private EnsembleStep() {
    }

    public static SplitRun.Weights run(RunSetup run, java.util.List<org.ichnet.train.TrainResult> training) {
        SplitRun.Weights weights = run.steps().searchWeights();
        PredictionsCsv.write(RunFolder.validationPredictions(run.runDir()), weights.validation());
        EnsembleFiles.writeManifest(RunFolder.models(run.runDir()), run.settings(), weights, training, run.dataDirs());
        return weights;
    }
}
