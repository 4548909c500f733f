package org.ichnet.report;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.ichnet.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Writes charts and images as PNG through {@link AtomicFiles}. */
final class Png {
    static final int WIDTH = 900;
    static final int HEIGHT = 520;

    private Png() {
    }

    static Path write(Path file, JFreeChart chart) {
        chart.setAntiAlias(true);
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
        return file;
    }

    static Path write(Path file, BufferedImage image) {
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
        return file;
    }
}
