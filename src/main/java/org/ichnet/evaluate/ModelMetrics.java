package org.ichnet.evaluate;

/** PLACEHOLDER until the evaluate branch lands. */
public record ModelMetrics(double accuracy, double macroF1, double anyHemorrhageAuc) {
}
