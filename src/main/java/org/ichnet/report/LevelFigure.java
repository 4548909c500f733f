package org.ichnet.report;

import org.ichnet.evaluate.WithinLevelAuc;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The weighted-average ensemble's mean any-hemorrhage score of normal and of hemorrhage slices along the scan:
 * where the normal line rises with the hemorrhage line, the scores follow the level rather than the blood.
 */
final class LevelFigure {
    static final String FILE = "scores-by-level.png";

    private LevelFigure() {
    }

    /** Null when the run has no within-level numbers (a slice split, or an older run). */
    static Path write(Path dir, ModelResult model) {
        WithinLevelAuc w = model.withinLevel();
        if (w == null || w.normalMeanScore() == null) return null;
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("hemorrhage slices", w.hemorrhageMeanScore()));
        data.addSeries(series("normal slices", w.normalMeanScore()));
        JFreeChart chart = ChartFactory.createXYLineChart(String.format(Locale.ROOT,
                        "%s: mean score along the scan (AUC within scan level %.3f)", model.name(), w.auc()),
                "place in the scan (0 = lowest slice, 1 = highest), tenths", "mean any-hemorrhage score 1 - p(NORMAL)", data);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesPaint(0, new Color(0xC0, 0x30, 0x30));
        plot.getRenderer().setSeriesPaint(1, new Color(0x30, 0x60, 0xC0));
        PlotStyle.unitSquare(plot);
        return Png.write(dir.resolve(FILE), chart);
    }

    private static XYSeries series(String name, double[] meanPerTenth) {
        XYSeries s = new XYSeries(name, false, true);
        for (int b = 0; b < meanPerTenth.length; b++) {
            if (!Double.isNaN(meanPerTenth[b])) s.add((b + 0.5) / meanPerTenth.length, meanPerTenth[b]);
        }
        return s;
    }
}
