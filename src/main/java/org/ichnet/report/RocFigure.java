package org.ichnet.report;

import org.ichnet.evaluate.RocPoint;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.nio.file.Path;
import java.util.Locale;

/** Any-hemorrhage ROC (score 1 - p(NORMAL)) of every model and ensemble, AUC in the legend. */
final class RocFigure {
    static final String FILE = "roc.png";

    private RocFigure() {
    }

    static Path write(Path dir, RunSummary run) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ModelResult m : run.pooledModels()) {
            XYSeries series = new XYSeries(String.format(Locale.ROOT, "%s (AUC %.3f)", m.name(),
                    m.metrics().anyHemorrhageAuc()), false, true);
            for (RocPoint p : m.metrics().anyHemorrhageRoc()) {
                series.add(p.falsePositiveRate(), p.truePositiveRate());
            }
            data.addSeries(series);
        }
        XYSeries chance = new XYSeries("chance", false, true);
        chance.add(0, 0);
        chance.add(1, 1);
        data.addSeries(chance);
        JFreeChart chart = ChartFactory.createXYLineChart("Any hemorrhage vs normal (test slices)",
                "false positive rate (1 - specificity)", "true positive rate (sensitivity)", data);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesPaint(data.getSeriesCount() - 1, Color.LIGHT_GRAY);
        PlotStyle.unitSquare(plot);
        return Png.write(dir.resolve(FILE), chart);
    }
}
