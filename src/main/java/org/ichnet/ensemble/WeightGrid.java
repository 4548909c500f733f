package org.ichnet.ensemble;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Weights {min, min+step, ..., max} per model. Weights are integer ticks times step, converted through
 * BigDecimal, so 3 x 0.1 is 0.3, not 0.30000000000000004. The all-zero vector is never produced.
 */
public record WeightGrid(double min, double max, double step) {
    public static final WeightGrid DEFAULT = new WeightGrid(0.0, 0.5, 0.1);
    /** A grid of one point, (1, 1, 1): the plain average, nothing searched. */
    public static final WeightGrid EQUAL = new WeightGrid(1, 1, 1);

    /** The grid a command-line word names: "searched" ({@link #DEFAULT}) or "equal" ({@link #EQUAL}). */
    public static Optional<WeightGrid> ofLabel(String label) {
        return switch (label) {
            case "searched" -> Optional.of(DEFAULT);
            case "equal" -> Optional.of(EQUAL);
            default -> Optional.empty();
        };
    }

    public WeightGrid {
        if (!(step > 0) || min < 0 || max < min) {
            throw new IllegalArgumentException("need 0 <= min <= max and step > 0: " + min + ", " + max + ", " + step);
        }
        ticksOf(min, step);
        ticksOf(max, step);
    }

    /** Whether the grid holds one non-zero weight only, so every model gets the same weight and nothing is searched. */
    public boolean equalOnly() {
        return min == max && min > 0;
    }

    /** For reports: "equal weights (not searched)" or "grid-searched over {0.0, 0.1, …, 0.5}". */
    public String describe() {
        return equalOnly() ? "equal weights (not searched)"
                : "grid-searched over {" + weight(minTick()) + ", " + weight(minTick() + 1) + ", …, " + weight(maxTick()) + "}";
    }

    public int minTick() {
        return ticksOf(min, step);
    }

    public int maxTick() {
        return ticksOf(max, step);
    }

    public double weight(int tick) {
        return BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(tick)).doubleValue();
    }

    /** All tick vectors of the given length, lexicographic, skipping all-zero. */
    public List<int[]> tickVectors(int models) {
        List<int[]> out = new ArrayList<>();
        int[] ticks = new int[models];
        java.util.Arrays.fill(ticks, minTick());
        while (true) {
            if (java.util.Arrays.stream(ticks).anyMatch(t -> t != 0)) {
                out.add(ticks.clone());
            }
            int m = models - 1;
            while (m >= 0 && ticks[m] == maxTick()) {
                ticks[m] = minTick();
                m--;
            }
            if (m < 0) {
                return out;
            }
            ticks[m]++;
        }
    }

    public List<double[]> triples() {
        return tickVectors(3).stream().map(this::weights).toList();
    }

    public double[] weights(int[] ticks) {
        double[] w = new double[ticks.length];
        for (int i = 0; i < ticks.length; i++) {
            w[i] = weight(ticks[i]);
        }
        return w;
    }

    private static int ticksOf(double value, double step) {
        double ticks = value / step;
        long rounded = Math.round(ticks);
        if (Math.abs(ticks - rounded) > 1e-9) {
            throw new IllegalArgumentException(value + " is not a whole number of steps of " + step);
        }
        return (int) rounded;
    }
}
