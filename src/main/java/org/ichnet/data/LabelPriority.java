package org.ichnet.data;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns a slice's hemorrhage types into one class: the first class in {@code order} that the slice
 * has; a slice with no type is NORMAL. ICH stands for intraventricular, intraparenchymal or
 * subarachnoid.
 *
 * <p>The default order SDH, EDH, ICH puts the rarest class first and the extra-axial hematomas before
 * the intra-axial group. Subdural slices come from only four patients: a mixed slice keeps its
 * subdural label rather than joining a larger class. Epidural before ICH because the paper names
 * the two extra-axial hematomas as classes of their own while ICH lumps three intra-axial types, and
 * an epidural hematoma over a contusion is still an epidural hematoma. Only 20 of CT-ICH's 2,194
 * slices carry more than one type; SDH, ICH, EDH instead would give ICH 69 / EDH 134 slices (default:
 * 63 / 140).
 */
public record LabelPriority(List<HemorrhageClass> order) {

    public static final LabelPriority DEFAULT = new LabelPriority(
            List.of(HemorrhageClass.SDH, HemorrhageClass.EDH, HemorrhageClass.ICH));

    public LabelPriority {
        order = List.copyOf(order);
        EnumSet<HemorrhageClass> named = EnumSet.noneOf(HemorrhageClass.class);
        named.addAll(order);
        if (order.size() != 3 || named.size() != 3 || named.contains(HemorrhageClass.NORMAL)) {
            throw new IllegalArgumentException("label priority must name ICH, SDH and EDH once each, got " + order);
        }
    }

    /** Parses e.g. {@code "SDH,EDH,ICH"} (case and spaces ignored). */
    public static LabelPriority parse(String text) {
        List<HemorrhageClass> order = new ArrayList<>();
        for (String name : text.split(",")) {
            try {
                order.add(HemorrhageClass.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown class '" + name.trim() + "' in label priority '"
                        + text + "' (use ICH, SDH, EDH)");
            }
        }
        return new LabelPriority(order);
    }

    public HemorrhageClass classify(HemorrhageFlags flags) {
        for (HemorrhageClass c : order) {
            if (flags.has(c)) return c;
        }
        return HemorrhageClass.NORMAL;
    }

    @Override
    public String toString() {
        return order.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
