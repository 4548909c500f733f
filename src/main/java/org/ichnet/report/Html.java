package org.ichnet.report;

import org.ichnet.evaluate.Interval;

import java.util.Locale;

/** HTML escaping and the number formats used in the report. */
final class Html {

    private Html() {
    }

    static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** A fraction as a percentage with two decimals; "n/a" when undefined. */
    static String pct(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f", 100 * fraction) : "n/a";
    }

    /** A value already in percent (the paper's numbers). */
    static String paperPct(double percent) {
        return Double.isFinite(percent) ? String.format(Locale.ROOT, "%.2f", percent) : "not reported";
    }

    static String pctWithCi(double fraction, Interval ci) {
        if (ci == null || !Double.isFinite(ci.lo())) {
            return pct(fraction);
        }
        return pct(fraction) + " <span class=ci>(" + pct(ci.lo()) + "&ndash;" + pct(ci.hi()) + ")</span>";
    }

    static String number(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "n/a";
    }

    static String weights(double[] weights) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < weights.length; i++) {
            out.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", weights[i]).replaceAll("0+$", "")
                    .replaceAll("\\.$", ".0"));
        }
        return out.append(')').toString();
    }
}
