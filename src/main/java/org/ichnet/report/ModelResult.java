package org.ichnet.report;

import org.ichnet.evaluate.ConfidenceIntervals;
import org.ichnet.evaluate.ModelMetrics;
import org.ichnet.evaluate.PatientDecision;
import org.ichnet.evaluate.PatientRanking;
import org.ichnet.evaluate.WithinLevelAuc;

/**
 * Test-set results of one model or ensemble; {@code patientDecision}, {@code patientRanking} and
 * {@code withinLevel} may be null when patients are unknown (or, for the last two, when the split is by slice).
 */
public record ModelResult(String name, ModelMetrics metrics, ConfidenceIntervals cis, PatientDecision patientDecision,
                          PatientRanking patientRanking, WithinLevelAuc withinLevel) {
}
