package org.ichnet.evaluate;

/** 95% intervals of one class's one-vs-rest metrics. */
public record ClassIntervals(Interval precision, Interval sensitivity, Interval specificity, Interval f1) {
}
