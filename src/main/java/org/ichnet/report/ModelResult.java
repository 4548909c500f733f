package org.ichnet.report;

import org.ichnet.evaluate.ConfidenceIntervals;
import org.ichnet.evaluate.ModelMetrics;
import org.ichnet.evaluate.PatientDecision;
import org.ichnet.evaluate.PatientRanking;

/**
 * Test-set results of one model or ensemble; {@code patientDecision} and {@code patientRanking} may be null
 * when patients are unknown (or, for the ranking, when the split is by slice).
 */
public record ModelResult(String name, ModelMetrics metrics, ConfidenceIntervals cis, PatientDecision patientDecision,
                          PatientRanking patientRanking) {
}
