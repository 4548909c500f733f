package org.ichnet.reproduce;

import java.nio.file.Path;

/** Where everything of a run lives, so commands that resume or re-evaluate find it. */
public final class RunFolder {
    private RunFolder() {
    }

    public static Path config(Path run) {
        return run.resolve("config.json");
    }

    public static Path split(Path run) {
        return run.resolve("split.csv");
    }

    public static Path predictions(Path run) {
        return run.resolve("predictions.csv");
    }

    public static Path validationPredictions(Path run) {
        return run.resolve("validation-predictions.csv");
    }

    public static Path metrics(Path run) {
        return run.resolve("metrics.json");
    }

    public static Path report(Path run) {
        return run.resolve("report.html");
    }

    public static Path ensemble(Path run) {
        return run.resolve("models").resolve("ensemble.json");
    }

    public static Path models(Path run) {
        return run.resolve("models");
    }

    public static Path model(Path run, String name) {
        return models(run).resolve(name);
    }

    public static Path training(Path run, String name) {
        return run.resolve("training").resolve(name);
    }
}
