package org.ichnet.split;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deals the items of each stratum to test, val and train in proportion. Rounding is carried from
 * one stratum to the next, so the totals stay within one item of the fractions. A stratum of two or
 * more items always gives one to test (and of three or more one to val) and always keeps one for
 * training: with four SDH patients, train and test must both see the class.
 */
final class Quotas {

    private Quotas() {
    }

    /** Items of each stratum must already be in random order; the first go to test, then val, the rest train. */
    static <T> Map<T, Role> deal(List<List<T>> strata, double valFraction, double testFraction) {
        checkFractions(valFraction, testFraction);
        Map<T, Role> roles = new LinkedHashMap<>();
        int seen = 0, tests = 0, vals = 0;
        for (List<T> stratum : strata) {
            int n = stratum.size();
            seen += n;
            int nTest = Math.max(0, (int) Math.round(seen * testFraction - tests));
            int nVal = Math.max(0, (int) Math.round(seen * valFraction - vals));
            if (n >= 2 && testFraction > 0) nTest = Math.max(nTest, 1);
            if (n >= 3 && valFraction > 0) nVal = Math.max(nVal, 1);
            while (nTest + nVal > n - 1 && nVal > 0) nVal--;
            while (nTest + nVal > n - 1 && nTest > 0) nTest--;
            for (int i = 0; i < n; i++) {
                roles.put(stratum.get(i), i < nTest ? Role.TEST : i < nTest + nVal ? Role.VAL : Role.TRAIN);
            }
            tests += nTest;
            vals += nVal;
        }
        return roles;
    }

    static void checkFractions(double valFraction, double testFraction) {
        if (!(valFraction >= 0 && testFraction >= 0 && valFraction + testFraction < 1)) {
            throw new IllegalArgumentException("val and test fractions must be >= 0 with a sum below 1, got val "
                    + valFraction + ", test " + testFraction);
        }
    }
}
