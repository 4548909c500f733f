package org.ichnet.report;

import org.ichnet.evaluate.Interval;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Like the paper's Fig. 4: test accuracy per model, ours (with 95% CI whiskers) beside the paper's. */
final class AccuracyFigure {
    static final String FILE = "fig4-accuracy.png";

    private AccuracyFigure() {
    }

    static Path write(Path dir, RunSummary run) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Interval> whiskers = new LinkedHashMap<>();
        for (ModelResult m : run.pooledModels()) {
            data.addValue(100 * m.metrics().accuracy(), "ours", m.name());
            PaperNumbers.accuracy(m.name()).ifPresent(a -> data.addValue(a, "paper (leaky split)", m.name()));
            if (m.cis() != null) {
                whiskers.put(m.name(), new Interval(100 * m.cis().accuracy().lo(), 100 * m.cis().accuracy().hi()));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Test accuracy (" + run.protocol() + "-level split)",
                "model", "accuracy (%)", data);
        CategoryPlot plot = chart.getCategoryPlot();
        ErrorBarRenderer renderer = new ErrorBarRenderer(0, whiskers);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xbbbbbb));
        plot.setRenderer(renderer);
        plot.getRangeAxis().setRange(0, 100);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return Png.write(dir.resolve(FILE), chart);
    }
}
