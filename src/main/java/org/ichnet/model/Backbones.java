package org.ichnet.model;

import java.util.List;

/**
 * The pretrained backbones ichnet ships (vendored from {@code ../shared/pretrained/} and the npm
 * package it names, by {@code tools/pretrained/vendor.js}). Both are ImageNet MobileNets but of
 * different design (v1: plain depthwise-separable stack, ReLU6; v2: inverted residuals with
 * linear bottlenecks), so as ensemble members they make different mistakes.
 */
public final class Backbones {
    private static final String TFJS = "TensorFlow.js Layers (model.json + weights.bin)";

    /** MobileNet v1 1.0 (ImageNet, float32, tfjs-models release), up to conv_dw_13_relu: 1024 channels at 1/32 of the input side. */
    public static final BackboneSpec MOBILENET_V1 = new BackboneSpec("mobilenet_v1",
            "MobileNet v1 1.0 (ImageNet), up to conv_dw_13_relu",
            new BackboneSpec.WeightSource("org/ichnet/backbones/mobilenet_v1", TFJS,
                    "fcbfdff866eeaee8561d31771e29d4ae5e0c74a55cf842796b9738aa0afad043",
                    "1ffe5cdf381ba5ef9bfc400b7423afd6a5e159dbd11b15f72eff885e3be88b7c",
                    "Apache-2.0", "TensorFlow.js models: MobileNet v1 1.0 224 (Keras Layers format, float32)"),
            224, 2f, -1f, "conv_pw_1_relu", "conv_dw_13_relu", "conv_dw_7");

    /** MobileNetV2 1.0 (ImageNet up to block_10, fine-tuned on 5 non-medical classes after it; uint8), up to out_relu: 1280 channels at 1/32. */
    public static final BackboneSpec MOBILENET_V2 = new BackboneSpec("mobilenet_v2",
            "MobileNetV2 1.0 (ImageNet to block_10), up to out_relu",
            new BackboneSpec.WeightSource("org/ichnet/backbones/mobilenet_v2", TFJS,
                    "d76810121b5f06e4e815cbac7f67236dacbf82dbad92c7cf3eb2fe9e2261f7fa",
                    "2a3cfee991941d16b6a83f4d4d80186ef7f4dcb11e2a7c310b43fbefe376c1ab",
                    "MIT", "npm nsfwjs@4.4.0 dist/models/mobilenet_v2 (Keras Layers format, uint8-quantized)"),
            224, 2f, -1f, "block_1_project_BN", "out_relu", "block_7_expand");

    public static final List<BackboneSpec> ALL = List.of(MOBILENET_V1, MOBILENET_V2);

    private Backbones() {
    }

    public static java.util.Optional<BackboneSpec> byName(String name) {
        return ALL.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
