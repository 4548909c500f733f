package org.ichnet.report;

import org.ichnet.evaluate.ConfidenceIntervals;
import org.ichnet.evaluate.ModelMetrics;
import org.ichnet.evaluate.PatientDecision;

/** Test-set results of one model or ensemble; {@code patientDecision} may be null when patients are unknown. */
public record ModelResult(String name, ModelMetrics metrics, ConfidenceIntervals cis, PatientDecision patientDecision) {
}
