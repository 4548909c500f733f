package org.ichnet.report;

import org.ichnet.evaluate.Interval;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.data.category.CategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;

/**
 * Bars with asymmetric whiskers (percentile CIs are not symmetric, so StatisticalBarRenderer's mean ± sd
 * does not fit). Intervals are keyed by column (category) and drawn on one series row. Vertical plots only.
 */
final class ErrorBarRenderer extends BarRenderer {
    private final int row;
    private final Map<String, Interval> intervals;

    ErrorBarRenderer(int row, Map<String, Interval> intervals) {
        this.row = row;
        this.intervals = intervals;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                         int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        Interval interval = intervals.get(String.valueOf(dataset.getColumnKey(column)));
        if (row != this.row || pass != getPassCount() - 1 || interval == null || !Double.isFinite(interval.lo())) {
            return;
        }
        double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column)
                + state.getBarWidth() / 2;
        double yLo = rangeAxis.valueToJava2D(interval.lo(), dataArea, plot.getRangeAxisEdge());
        double yHi = rangeAxis.valueToJava2D(interval.hi(), dataArea, plot.getRangeAxisEdge());
        double cap = Math.max(2, state.getBarWidth() / 4);
        g2.setPaint(Color.BLACK);
        g2.setStroke(new BasicStroke(1.5f));
        g2.draw(new Line2D.Double(x, yLo, x, yHi));
        g2.draw(new Line2D.Double(x - cap, yLo, x + cap, yLo));
        g2.draw(new Line2D.Double(x - cap, yHi, x + cap, yHi));
    }
}
