package org.ichnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ComparisonTableTest {

    @Test
    void oneRowPerRunAndModelWithTheRunsOwnNumbers() {
        RunSummary patient = SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "a");
        RunSummary slice = SyntheticRun.build(RunSummary.SLICE_PROTOCOL, "b");
        JsonNode p = MetricsJson.toJson(patient), s = MetricsJson.toJson(slice);
        String md = ComparisonTable.markdown(List.of(new ComparisonTable.Run("runA", p), new ComparisonTable.Run("runB", s)),
                List.of("model1", "weightedAverage", "noSuchModel"));
        List<String> lines = md.lines().toList();
        assertEquals(2 + 4, lines.size(), md);
        assertTrue(lines.get(2).startsWith("| runA | model1 | patient split |"), lines.get(2));
        assertTrue(lines.get(5).startsWith("| runB | weightedAverage | slice split (LEAKY) |"), lines.get(5));
        JsonNode wa = p.path("models").path("weightedAverage");
        String accuracy = String.format(java.util.Locale.ROOT, "%.1f (%.1f–%.1f)", 100 * wa.path("accuracy").asDouble(),
                100 * wa.path("ci").path("accuracy").get(0).asDouble(), 100 * wa.path("ci").path("accuracy").get(1).asDouble());
        assertTrue(lines.get(3).contains("| " + accuracy + " |"), lines.get(3) + " lacks " + accuracy);
        assertTrue(lines.get(2).contains(", ≤3 epochs |"), lines.get(2));
        for (String line : lines) assertEquals(14, line.chars().filter(c -> c == '|').count(), line);
    }

    @Test
    void aPerSourceRowIsListedByItsName() {
        com.fasterxml.jackson.databind.node.ObjectNode m = (com.fasterxml.jackson.databind.node.ObjectNode)
                MetricsJson.toJson(SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "a"));
        com.fasterxml.jackson.databind.node.ObjectNode row = m.path("models").path("model1").deepCopy();
        row.put("accuracy", 0.123);
        m.putObject("perSource").putObject("phe-sich").set("weightedAverage", row);
        List<String> lines = ComparisonTable.markdown(List.of(new ComparisonTable.Run("r", m)),
                List.of("weightedAverage [phe-sich]", "weightedAverage [ct-ich]")).lines().toList();
        assertEquals(3, lines.size(), "a source the run does not have is left out");
        assertTrue(lines.get(2).startsWith("| r | weightedAverage [phe-sich] |") && lines.get(2).contains("| 12.3 ("), lines.get(2));
        assertEquals(14, lines.get(2).chars().filter(c -> c == '|').count(), lines.get(2));
    }

    @Test
    void ensembleWeightsAreNamedWhereTheyDifferFromTheVariantsDefault() {
        assertTrue(inputCell("improved", "grid-searched over {0.0, 0.1, …, 0.5} on validation, criterion MACRO_F1")
                .endsWith(", searched ensemble weights"));
        assertFalse(inputCell("improved", "equal weights (not searched)").contains("ensemble weights"));
        assertTrue(inputCell("paper", "equal weights (not searched)").endsWith(", equal ensemble weights"));
        assertFalse(inputCell("paper", null).contains("ensemble weights"), "older runs searched");
    }

    private static String inputCell(String variant, String weights) {
        com.fasterxml.jackson.databind.node.ObjectNode m = (com.fasterxml.jackson.databind.node.ObjectNode)
                MetricsJson.toJson(SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "a"));
        com.fasterxml.jackson.databind.node.ObjectNode settings = (com.fasterxml.jackson.databind.node.ObjectNode) m.path("settings");
        settings.put("model variant", variant);
        if (weights != null) settings.put("ensemble weights", weights);
        String row = ComparisonTable.markdown(List.of(new ComparisonTable.Run("r", m)), List.of("weightedAverage"))
                .lines().toList().get(2);
        return row.split(" \\| ")[3];
    }
}
