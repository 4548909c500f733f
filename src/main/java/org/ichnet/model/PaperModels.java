package org.ichnet.model;

import java.util.List;

/**
 * The paper's three CNNs as short specs. The paper gives only layer counts (Sect. 3.3); filter
 * counts, dropout rates and head are ours: small filters keep 256x256 training feasible on two
 * CPU cores and suit a 2,000-slice data set (see docs/MODELS.md for parameters, FLOPs and speed).
 */
public final class PaperModels {

    /** {@code paper}: exactly the paper's layer counts; {@code improved}: same families plus what measurably helps. */
    public enum Variant { PAPER, IMPROVED }

    public static final List<String> NAMES = List.of("model1", "model2", "model3");

    private static final Head PAPER_HEAD = new Head(64, 0.0, false);
    private static final Head IMPROVED_HEAD = new Head(64, 0.3, true);
    /** Keras-style element-wise dropout after each block of models 1 and 3; batch norm regularises the improved variant, so it needs less. */
    private static final double PAPER_DROPOUT = 0.25, IMPROVED_DROPOUT = 0.1;

    private PaperModels() {
    }

    /** Model 1: 6 conv + 3 max-pool + 3 dropout (two convs per block). */
    public static ModelSpec model1(Variant v) {
        return new ModelSpec("model1", List.of(
                new ConvBlock(2, 16, dropout(v)), new ConvBlock(2, 32, dropout(v)), new ConvBlock(2, 64, dropout(v))),
                head(v), v == Variant.IMPROVED, false);
    }

    /** Model 2: 7 conv + 3 max-pool, no dropout. */
    public static ModelSpec model2(Variant v) {
        return new ModelSpec("model2", List.of(
                ConvBlock.of(2, 16), ConvBlock.of(2, 32), ConvBlock.of(3, 64)),
                head(v), v == Variant.IMPROVED, false);
    }

    /** Model 3: 3 conv + 3 max-pool + 3 dropout (one conv per block, dropout after each). */
    public static ModelSpec model3(Variant v) {
        return new ModelSpec("model3", List.of(
                new ConvBlock(1, 32, dropout(v)), new ConvBlock(1, 64, dropout(v)), new ConvBlock(1, 128, dropout(v))),
                head(v), v == Variant.IMPROVED, false);
    }

    public static List<ModelSpec> all(Variant v) {
        return List.of(model1(v), model2(v), model3(v));
    }

    public static ModelSpec byName(String name, Variant v) {
        return switch (name) {
            case "model1" -> model1(v);
            case "model2" -> model2(v);
            case "model3" -> model3(v);
            default -> throw new IllegalArgumentException("unknown model '" + name + "' (model1, model2, model3)");
        };
    }

    private static double dropout(Variant v) {
        return v == Variant.PAPER ? PAPER_DROPOUT : IMPROVED_DROPOUT;
    }

    public static Head head(Variant v) {
        return v == Variant.PAPER ? PAPER_HEAD : IMPROVED_HEAD;
    }
}
