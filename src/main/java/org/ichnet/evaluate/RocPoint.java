package org.ichnet.evaluate;

/** One operating point of a ROC curve: scores {@code >= threshold} are called positive. */
public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {
}
