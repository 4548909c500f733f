package org.ichnet.clinical;

import org.ichnet.preprocess.GrayImage;

/** Finds the turn or flip that best maps one image of a slice onto another image of the same slice. */
public final class OrientationMatch {
    static final int COMPARE_SIZE = 256;

    /** The best transform (applied to the moving image) and its Pearson correlation with the fixed image. */
    public record Result(Dihedral transform, double correlation) {
    }

    private OrientationMatch() {
    }

    public static Result best(GrayImage moving, GrayImage fixed) {
        GrayImage target = AreaResize.to(fixed, COMPARE_SIZE, COMPARE_SIZE);
        GrayImage small = AreaResize.to(moving, COMPARE_SIZE, COMPARE_SIZE);
        Result best = null;
        for (Dihedral transform : Dihedral.values()) {
            double r = pearson(transform.apply(small).pixels(), target.pixels());
            if (best == null || r > best.correlation()) best = new Result(transform, r);
        }
        return best;
    }

    static double pearson(float[] a, float[] b) {
        double meanA = 0, meanB = 0;
        for (int i = 0; i < a.length; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= a.length;
        meanB /= b.length;
        double cov = 0, varA = 0, varB = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - meanA, db = b[i] - meanB;
            cov += da * db;
            varA += da * da;
            varB += db * db;
        }
        return varA == 0 || varB == 0 ? 0 : cov / Math.sqrt(varA * varB);
    }
}
