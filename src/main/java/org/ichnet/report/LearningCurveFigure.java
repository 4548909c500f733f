package org.ichnet.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The learning curve as a figure: each run as a dot, the mean per size as a line, against training patients per fold. */
public final class LearningCurveFigure {
    private static final Color SLICE = new Color(0x30, 0x60, 0xC0);
    private static final Color WITHIN = new Color(0xC0, 0x30, 0x30);

    private LearningCurveFigure() {
    }

    public static Path write(Path png, LearningCurve curve, String model) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<LearningCurve.Size> sizes = curve.sizes();
        data.addSeries(series("slice AUC, mean over runs", sizes, LearningCurve.Size::trainingPatients, LearningCurve.Size::sliceAuc));
        data.addSeries(series("AUC within scan level, mean over runs", sizes, LearningCurve.Size::trainingPatients,
                LearningCurve.Size::withinLevelAuc));
        data.addSeries(series("slice AUC, one run", curve.points(), LearningCurve.Point::trainingPatients,
                LearningCurve.Point::sliceAuc));
        data.addSeries(series("AUC within scan level, one run", curve.points(), LearningCurve.Point::trainingPatients,
                LearningCurve.Point::withinLevelAuc));
        JFreeChart chart = ChartFactory.createXYLineChart("Learning curve of " + model,
                "training patients per fold", "any-hemorrhage AUC", data);
        chart.addSubtitle(new TextTitle(curve.gainSentence()));
        XYPlot plot = chart.getXYPlot();
        plot.getDomainAxis().setLowerBound(0);
        plot.getRangeAxis().setRange(0.5, 1.0);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        style(renderer, 0, SLICE, true);
        style(renderer, 1, WITHIN, true);
        style(renderer, 2, SLICE, false);
        style(renderer, 3, WITHIN, false);
        plot.setRenderer(renderer);
        PlotStyle.plain(plot);
        return Png.write(png, chart);
    }

    private static void style(XYLineAndShapeRenderer r, int series, Color color, boolean line) {
        r.setSeriesPaint(series, color);
        r.setSeriesLinesVisible(series, line);
        r.setSeriesShapesVisible(series, !line);
        r.setSeriesStroke(series, new BasicStroke(line ? 2f : 1f));
    }

    /** One (training patients, AUC) point per item; undefined AUCs are left out. */
    private static <T> XYSeries series(String name, List<T> items, ToDoubleFunction<T> patients, ToDoubleFunction<T> auc) {
        XYSeries s = new XYSeries(name, true, true);
        for (T item : items) {
            double y = auc.applyAsDouble(item);
            if (!Double.isNaN(y)) s.add(patients.applyAsDouble(item), y);
        }
        return s;
    }
}
