package org.ichnet.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.DoubleFunction;

/** Table cells from metrics.json nodes: a value and, when it has a numeric 95% CI, "value (low–high)". */
final class JsonCells {

    private JsonCells() {
    }

    static String withCi(JsonNode value, JsonNode ci, DoubleFunction<String> format) {
        return withCi(value, ci, format, format);
    }

    /** With the interval's bounds formatted apart from the value (e.g. one digit fewer). */
    static String withCi(JsonNode value, JsonNode ci, DoubleFunction<String> valueFormat, DoubleFunction<String> ciFormat) {
        if (!value.isNumber()) return "n/a";
        String v = valueFormat.apply(value.asDouble());
        return ci.isArray() && ci.size() == 2 && ci.get(0).isNumber() && ci.get(1).isNumber()
                ? v + " (" + ciFormat.apply(ci.get(0).asDouble()) + "–" + ciFormat.apply(ci.get(1).asDouble()) + ")"
                : v;
    }
}
