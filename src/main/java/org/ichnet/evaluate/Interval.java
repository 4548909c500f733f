package org.ichnet.evaluate;

/** A confidence interval; both ends NaN when the statistic was undefined in every resample. */
public record Interval(double lo, double hi) {

    public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    public boolean contains(double value) {
        return value >= lo && value <= hi;
    }

    public double width() {
        return hi - lo;
    }
}
