package org.ichnet.report;

import org.ichnet.data.HemorrhageClass;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.nio.file.Path;

/** Like the paper's Fig. 5: precision per class (groups) per model (bars). Undefined precision is left out. */
final class PrecisionFigure {
    static final String FILE = "fig5-precision.png";

    private PrecisionFigure() {
    }

    static Path write(Path dir, RunSummary run) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (HemorrhageClass c : HemorrhageClass.values()) {
            for (ModelResult m : run.pooledModels()) {
                double precision = m.metrics().of(c).precision();
                data.addValue(Double.isNaN(precision) ? null : 100 * precision, m.name(), c.name());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Precision per class (test set)", "class", "precision (%)", data);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        Color[] palette = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xd62728)};
        for (int series = 0; series < data.getRowCount(); series++) {
            renderer.setSeriesPaint(series, palette[series % palette.length]);
        }
        plot.getRangeAxis().setRange(0, 100);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return Png.write(dir.resolve(FILE), chart);
    }
}
