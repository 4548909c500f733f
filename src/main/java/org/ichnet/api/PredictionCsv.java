package org.ichnet.api;

import java.util.List;
import java.util.Locale;

/**
 * The CSV of {@code ichnet predict --csv}, one row per slice:
 * {@code path,p_NORMAL,p_ICH,p_SDH,p_EDH,predicted,model1_p_NORMAL,...}, probabilities with six decimals.
 * Public so that other writers (the Spark batch job) produce exactly the same columns and numbers.
 */
public final class PredictionCsv {

    private PredictionCsv() {
    }

    /** The header line (no line end): path, the ensemble's {@code p_CLASS} and predicted, then {@code member_p_CLASS}. */
    public static String header(List<String> members) {
        StringBuilder out = new StringBuilder("path");
        for (SliceClass c : SliceClass.values()) out.append(",p_").append(c.name());
        out.append(",predicted");
        for (String m : members) {
            for (SliceClass c : SliceClass.values()) out.append(',').append(m).append("_p_").append(c.name());
        }
        return out.toString();
    }

    /** One slice's line (no line end), its members' columns in the order of {@code members}. */
    public static String row(SliceResult slice, List<String> members) {
        StringBuilder out = new StringBuilder(quote(slice.label()));
        for (SliceClass c : SliceClass.values()) out.append(',').append(number(slice.probability(c)));
        out.append(',').append(slice.predicted().name());
        for (String m : members) {
            for (SliceClass c : SliceClass.values()) out.append(',').append(number(slice.members().get(m).get(c)));
        }
        return out.toString();
    }

    /** A probability as the CSV writes it: six decimals, a dot. */
    public static String number(float v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    public static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
