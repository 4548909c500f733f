package org.ichnet.model;

/**
 * A pretrained backbone as data: where its weights come from, what input it expects and which of
 * its layers ichnet reads. {@link BackboneGraph} turns it into TensorFlow ops; {@link CnnGraph} puts
 * the existing head on its feature tap.
 *
 * @param name        the member name used in run folders and reports
 * @param network     in words, for reports and model cards
 * @param weights     the vendored files, their sha256 and license
 * @param nativeSize  the side the weights were trained at (the network is fully convolutional; ichnet may feed another size)
 * @param scaleIn     the network input is {@code x * scaleIn + offsetIn} for pixels x in [0, 1]
 * @param offsetIn    see {@code scaleIn}
 * @param earlyLayer  a layer a few operations deep, checked against the reference activations
 * @param featureTap  the layer whose activation feeds the head (and Grad-CAM)
 * @param trainFrom   the first layer fine-tuning updates by default; the layers before it stay as pretrained
 */
public record BackboneSpec(String name, String network, WeightSource weights, int nativeSize, float scaleIn,
                           float offsetIn, String earlyLayer, String featureTap, String trainFrom) {

    /**
     * Vendored weights in the jar, under {@code folder} on the classpath: a TF.js Layers
     * {@code model.json} and one {@code weights.bin}, with LICENSE and NOTICE beside them.
     */
    public record WeightSource(String folder, String format, String modelJsonSha256, String weightsSha256,
                               String license, String origin) {
    }
}
