package org.ichnet.ensemble;

import org.ichnet.evaluate.ConfusionMatrix;
import org.ichnet.evaluate.Probabilities;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grid search of ensemble weights on validation predictions only: there is no parameter through which test
 * data could enter (the reference code for this kind of ensemble picks weights on the test set it reports).
 * <p>
 * Weights that are multiples of each other give identical ensembles, so each direction is evaluated once, as
 * its grid point with the smallest sum. Ties on the criterion are broken, in order, by: the secondary score
 * (mean log-likelihood of the true class for the weighted average; the other criterion for the vote), the
 * smaller weight sum, then the lexicographically smaller weights. The search is deterministic.
 */
public final class EnsembleSearch {
    private static final double MIN_PROBABILITY = 1e-12;
    private static final double SAME = 1e-12;

    private EnsembleSearch() {
    }

    public static SearchResult search(List<float[][]> validationProbs, int[] validationTruth, WeightGrid grid,
                                      Combiner combiner, Criterion criterion) {
        Candidate best = null;
        List<int[]> directions = directions(grid, validationProbs.size());
        for (int[] ticks : directions) {
            double[] weights = grid.weights(ticks);
            float[][] combined = Ensemble.combine(validationProbs, weights, combiner);
            ConfusionMatrix cm = ConfusionMatrix.of(validationTruth, Probabilities.argmax(combined));
            double secondary = combiner == Combiner.WEIGHTED_AVERAGE
                    ? meanLogLikelihood(combined, validationTruth) : criterion.other().score(cm);
            Candidate c = new Candidate(ticks, weights, criterion.score(cm), secondary);
            if (best == null || c.beats(best)) {
                best = c;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("weight grid " + grid + " has no non-zero weights");
        }
        return new SearchResult(best.weights, Ensemble.normalized(best.weights), best.score, directions.size(),
                combiner, criterion);
    }

    /** One representative per weight direction: the grid point with the smallest tick sum (then lexicographic). */
    static List<int[]> directions(WeightGrid grid, int models) {
        Map<String, int[]> byDirection = new LinkedHashMap<>();
        for (int[] ticks : grid.tickVectors(models)) {
            String key = Arrays.toString(reduce(ticks));
            int[] seen = byDirection.get(key);
            if (seen == null || Arrays.stream(ticks).sum() < Arrays.stream(seen).sum()) {
                byDirection.put(key, ticks);
            }
        }
        return List.copyOf(byDirection.values());
    }

    private static int[] reduce(int[] ticks) {
        int gcd = 0;
        for (int t : ticks) {
            gcd = BigInteger.valueOf(gcd).gcd(BigInteger.valueOf(t)).intValue();
        }
        int divisor = gcd;
        return Arrays.stream(ticks).map(t -> t / divisor).toArray();
    }

    static double meanLogLikelihood(float[][] probs, int[] truth) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum += Math.log(Math.max(probs[i][truth[i]], MIN_PROBABILITY));
        }
        return sum / truth.length;
    }

    private record Candidate(int[] ticks, double[] weights, double score, double secondary) {

        boolean beats(Candidate other) {
            if (Math.abs(score - other.score) > SAME) {
                return score > other.score;
            }
            if (Math.abs(secondary - other.secondary) > SAME) {
                return secondary > other.secondary;
            }
            int sum = Arrays.stream(ticks).sum();
            int otherSum = Arrays.stream(other.ticks).sum();
            if (sum != otherSum) {
                return sum < otherSum;
            }
            return Arrays.compare(ticks, other.ticks) < 0;
        }
    }
}
