package org.ichnet.report;

import org.ichnet.data.HemorrhageClass;
import org.ichnet.evaluate.ConfusionMatrix;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * {@code confusion-<model>.png}: 4x4 heatmap drawn with Graphics2D. Cell colour is the share of the true
 * class's row (so rare classes are as visible as NORMAL); the text is the raw count.
 */
final class ConfusionFigure {
    private static final int CELL = 90;
    private static final int LEFT = 110;
    private static final int TOP = 70;

    private ConfusionFigure() {
    }

    static String fileName(String model) {
        return "confusion-" + model + ".png";
    }

    static Path write(Path dir, String model, ConfusionMatrix confusion) {
        int k = HemorrhageClass.COUNT;
        BufferedImage image = new BufferedImage(LEFT + k * CELL + 20, TOP + k * CELL + 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(model + ": rows true, columns predicted", 10, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (HemorrhageClass c : HemorrhageClass.values()) {
            int i = c.ordinal();
            centered(g, c.name(), LEFT + i * CELL + CELL / 2, TOP - 12);
            g.drawString(c.name(), 12, TOP + i * CELL + CELL / 2 + 5);
        }
        for (int t = 0; t < k; t++) {
            int support = confusion.support(t);
            for (int p = 0; p < k; p++) {
                int count = confusion.count(t, p);
                double share = support == 0 ? 0 : (double) count / support;
                g.setColor(shade(share));
                g.fillRect(LEFT + p * CELL, TOP + t * CELL, CELL, CELL);
                g.setColor(share > 0.55 ? Color.WHITE : Color.BLACK);
                centered(g, Integer.toString(count), LEFT + p * CELL + CELL / 2, TOP + t * CELL + CELL / 2 + 5);
            }
        }
        g.setColor(Color.GRAY);
        g.drawRect(LEFT, TOP, k * CELL, k * CELL);
        g.dispose();
        return Png.write(dir.resolve(fileName(model)), image);
    }

    private static Color shade(double share) {
        int v = (int) Math.round(255 - share * (255 - 40));
        return new Color(v, (int) Math.round(255 - share * (255 - 90)), 255 - (int) Math.round(share * 75));
    }

    private static void centered(Graphics2D g, String text, int x, int y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, x - fm.stringWidth(text) / 2, y);
    }
}
