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

/** The learning curve as a figure: each run as a dot, the mean per size as a line, against training patients per fold. */
public final class LearningCurveFigure {
    private static final Color SLICE = new Color(0x30, 0x60, 0xC0);
    private static final Color WITHIN = new Color(0xC0, 0x30, 0x30);

    private LearningCurveFigure() {
    }

    public static Path write(Path png, LearningCurve curve, String model) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(means("slice AUC, mean over runs", curve, false));
        data.addSeries(means("AUC within scan level, mean over runs", curve, true));
        data.addSeries(runs("slice AUC, one run", curve, false));
        data.addSeries(runs("AUC within scan level, one run", curve, true));
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

    private static XYSeries means(String name, LearningCurve curve, boolean within) {
        XYSeries s = new XYSeries(name, true, true);
        for (LearningCurve.Size size : curve.sizes()) {
            double y = within ? size.withinLevelAuc() : size.sliceAuc();
            if (!Double.isNaN(y)) s.add(size.trainingPatients(), y);
        }
        return s;
    }

    private static XYSeries runs(String name, LearningCurve curve, boolean within) {
        XYSeries s = new XYSeries(name, true, true);
        for (LearningCurve.Point p : curve.points()) {
            double y = within ? p.withinLevelAuc() : p.sliceAuc();
            if (!Double.isNaN(y)) s.add(p.trainingPatients(), y);
        }
        return s;
    }
}
