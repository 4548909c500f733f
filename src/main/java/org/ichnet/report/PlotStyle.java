package org.ichnet.report;

import org.jfree.chart.plot.XYPlot;

import java.awt.Color;

/** The look every line chart of a report shares: white background, light gray grid. */
final class PlotStyle {
    private PlotStyle() {
    }

    static void plain(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }

    /** Both axes from 0 to 1: rates, probabilities, places in a scan. */
    static void unitSquare(XYPlot plot) {
        plot.getDomainAxis().setRange(0, 1);
        plot.getRangeAxis().setRange(0, 1);
        plain(plot);
    }
}
