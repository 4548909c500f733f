package org.ichnet.cv;

import org.ichnet.data.CtDataset;
import org.ichnet.data.DataException;
import org.ichnet.reproduce.RunConfig;
import org.ichnet.reproduce.RunFolder;
import org.ichnet.split.Fold;
import org.ichnet.split.Splits;

import java.nio.file.Path;
import java.util.List;

/** How a cross-validation chooses its test folds. */
public enum FoldScheme {
    /** k folds of patients, stratified by rarest class and source. */
    PATIENT(null),
    /** One fold per source: trained on the other source(s), tested on all of it. */
    LEAVE_SOURCE_OUT("leave-source-out");

    /** As {@code config.json} records it ({@code cvFolds}); null for patient k-fold, which older configs mean. */
    private final String configName;

    FoldScheme(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The folds a run folder's {@code config.json} records; an unknown name is bad input naming the file. */
    public static FoldScheme ofConfig(Path runDir) {
        String name = RunConfig.load(runDir).cvFolds();
        if (name == null) return PATIENT;
        for (FoldScheme s : values()) {
            if (name.equals(s.configName)) return s;
        }
        throw new DataException(RunFolder.config(runDir), "unknown cvFolds '" + name + "' (known: leave-source-out)");
    }

    List<Fold> folds(CtDataset dataset, int k, long seed) {
        return this == LEAVE_SOURCE_OUT ? Splits.sourceFolds(dataset) : Splits.patientFolds(dataset, k, seed);
    }
}
