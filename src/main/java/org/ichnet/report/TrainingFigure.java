package org.ichnet.report;

import org.ichnet.evaluate.EpochRecord;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** {@code training-<model>.png}: losses on the left axis, accuracy / macro-F1 / AUC on the right. */
final class TrainingFigure {

    private TrainingFigure() {
    }

    static String fileName(String model) {
        return "training-" + model + ".png";
    }

    static Path write(Path dir, String model, List<EpochRecord> epochs) {
        XYSeriesCollection losses = new XYSeriesCollection();
        losses.addSeries(series("train loss", epochs, EpochRecord::trainLoss));
        losses.addSeries(series("validation loss", epochs, EpochRecord::valLoss));
        XYSeriesCollection scores = new XYSeriesCollection();
        scores.addSeries(series("validation accuracy", epochs, EpochRecord::valAccuracy));
        scores.addSeries(series("validation macro-F1", epochs, EpochRecord::valMacroF1));
        scores.addSeries(series("validation AUC", epochs, EpochRecord::valAuc));
        JFreeChart chart = ChartFactory.createXYLineChart("Training " + model, "epoch", "loss", losses);
        XYPlot plot = chart.getXYPlot();
        NumberAxis scoreAxis = new NumberAxis("accuracy / macro-F1 / AUC");
        scoreAxis.setRange(0, 1);
        plot.setRangeAxis(1, scoreAxis);
        plot.setDataset(1, scores);
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer scoreRenderer = new XYLineAndShapeRenderer(true, false);
        scoreRenderer.setSeriesPaint(0, new Color(0x2ca02c));
        scoreRenderer.setSeriesPaint(1, new Color(0x9467bd));
        scoreRenderer.setSeriesPaint(2, new Color(0x8c564b));
        plot.setRenderer(1, scoreRenderer);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        PlotStyle.plain(plot);
        return Png.write(dir.resolve(fileName(model)), chart);
    }

    /** NaN values (not measured) are skipped rather than drawn as gaps to zero. */
    private static XYSeries series(String name, List<EpochRecord> epochs, ToDoubleFunction<EpochRecord> value) {
        XYSeries series = new XYSeries(name);
        for (EpochRecord e : epochs) {
            double v = value.applyAsDouble(e);
            if (Double.isFinite(v)) {
                series.add(e.epoch(), v);
            }
        }
        return series;
    }
}
