package org.ichnet.model;

import java.util.List;
import java.util.stream.Stream;

/**
 * What can sit in each of the ensemble's three member slots ({@code model1}, {@code model2},
 * {@code model3}: the names runs, predictions and ensemble.json use): one of the paper's
 * from-scratch CNNs, or a pretrained backbone with the improved head.
 */
public final class Members {
    /** The paper's line-up: each slot holds the paper's CNN of the same name. */
    public static final List<String> PAPER_LINEUP = PaperModels.NAMES;
    /**
     * The improved variant's line-up: two different pretrained backbones and the from-scratch model 3
     * (a third kind of network, so the three make different mistakes; docs/MODELS.md).
     */
    public static final List<String> BACKBONE_LINEUP = List.of("mobilenet_v1", "mobilenet_v2", "model3");
    /** Backbone layers learn at a tenth of the head's rate. */
    public static final double BACKBONE_LEARNING_RATE_SCALE = 0.1;

    private Members() {
    }

    /** A backbone's name with this suffix: frozen, with a linear head (the frozen-feature probe, the baseline for fine-tuning). */
    public static final String FROZEN_PROBE = "_probe";

    public static List<String> architectures() {
        return Stream.of(PaperModels.NAMES.stream(), Backbones.ALL.stream().map(BackboneSpec::name),
                Backbones.ALL.stream().map(b -> b.name() + FROZEN_PROBE)).flatMap(s -> s).toList();
    }

    /** The spec of {@code architecture} under the slot name {@code slot}. */
    public static ModelSpec spec(String slot, String architecture, PaperModels.Variant variant) {
        var probed = probedBackbone(architecture);
        if (probed.isPresent()) return ModelSpec.pretrained(slot, probed.get(), Head.LINEAR, FineTuning.frozen());
        var backbone = Backbones.byName(architecture);
        if (backbone.isPresent()) {
            return ModelSpec.pretrained(slot, backbone.get(), PaperModels.head(PaperModels.Variant.IMPROVED),
                    new FineTuning(backbone.get().trainFrom(), BACKBONE_LEARNING_RATE_SCALE));
        }
        if (!PaperModels.NAMES.contains(architecture)) {
            throw new IllegalArgumentException("unknown member '" + architecture + "' (one of " + String.join(", ", architectures()) + ")");
        }
        ModelSpec s = PaperModels.byName(architecture, variant);
        return new ModelSpec(slot, s.blocks(), s.head(), s.batchNorm(), s.spatialDropout());
    }

    /** Checks a line-up: three known architectures. */
    public static List<String> lineup(List<String> architectures) {
        if (architectures.size() != PaperModels.NAMES.size()) {
            throw new IllegalArgumentException("the ensemble has " + PaperModels.NAMES.size() + " members, not " + architectures.size());
        }
        for (String a : architectures) {
            if (!architectures().contains(a)) {
                throw new IllegalArgumentException("unknown member '" + a + "' (one of " + String.join(", ", architectures()) + ")");
            }
        }
        return List.copyOf(architectures);
    }

    /** One line on a member for model cards: what the network is and whether it starts from pretrained weights. */
    public static String describe(String architecture) {
        var probed = probedBackbone(architecture);
        if (probed.isPresent()) return probed.get().network() + ", frozen, with a linear head (the frozen-feature probe)";
        var backbone = Backbones.byName(architecture);
        if (backbone.isPresent()) {
            return backbone.get().network() + ", pretrained (" + backbone.get().weights().license()
                    + " weights), fine-tuned from its layer " + backbone.get().trainFrom() + " up";
        }
        return "the paper's " + architecture + ", trained from scratch";
    }

    /** How a line-up's members were trained, e.g. "pretrained members fine-tuned" or "from scratch", for model cards. */
    public static String training(List<String> architectures) {
        boolean fineTuned = architectures.stream().anyMatch(a -> Backbones.byName(a).isPresent());
        boolean probed = architectures.stream().anyMatch(a -> probedBackbone(a).isPresent());
        if (!fineTuned && !probed) return "from scratch";
        List<String> kinds = new java.util.ArrayList<>();
        if (fineTuned) kinds.add("pretrained members fine-tuned");
        if (probed) kinds.add("probed backbones frozen, with linear heads");
        return String.join("; ", kinds);
    }

    /** The backbone a {@code NAME_probe} architecture freezes; empty for any other architecture. */
    private static java.util.Optional<BackboneSpec> probedBackbone(String architecture) {
        if (!architecture.endsWith(FROZEN_PROBE)) return java.util.Optional.empty();
        return Backbones.byName(architecture.substring(0, architecture.length() - FROZEN_PROBE.length()));
    }
}
