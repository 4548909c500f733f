package org.ichnet.model;

/**
 * The classifier head after the last block: global pooling, one hidden dense layer, four logits.
 * {@code concatMaxPool} adds global max pooling beside average pooling: a small bleed is a few
 * bright pixels that an average over the whole slice dilutes.
 */
public record Head(int hiddenUnits, double dropout, boolean concatMaxPool) {
}
