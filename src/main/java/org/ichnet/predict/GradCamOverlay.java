package org.ichnet.predict;

import org.ichnet.clinical.ScanSlice;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.io.AtomicFiles;
import org.ichnet.preprocess.GrayImage;
import org.ichnet.preprocess.Resize;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Grad-CAM figure of one slice: one panel per model and one for the ensemble, side by side. Each panel
 * is the brain-window slice in gray with the map of the explained class on top in a jet colour map,
 * alpha-blended where the map is high (nothing below {@link #FLOOR} of the panel's maximum). Model maps
 * are bilinearly upsampled from the last convolution's resolution; the ensemble panel is the manifest's
 * normalised weights applied to the models' [0,1] maps ({@link SliceGradCam#ensemble}).
 * Needs no display ({@code java.awt.headless=true}).
 */
public final class GradCamOverlay {

    /** Default panel side in pixels. */
    public static final int PANEL = 256;
    /** Map values (relative to the panel's maximum) under which the slice shows through untouched. */
    static final float FLOOR = 0.2f;
    /** Opacity of the heat map where it reaches its maximum. */
    static final float MAX_ALPHA = 0.6f;
    private static final int TITLE = 34;

    private GradCamOverlay() {
    }

    public static void write(Path png, ScanSlice slice, SlicePrediction prediction, SliceGradCam cams, int panel) {
        write(png, render(slice, prediction, cams, panel));
    }

    public static void write(Path png, BufferedImage image) {
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) throw new java.io.IOException("no PNG writer");
        });
    }

    public static BufferedImage render(ScanSlice slice, SlicePrediction prediction, SliceGradCam cams, int panel) {
        int n = cams.models().size() + 1;
        BufferedImage out = new BufferedImage(n * panel, panel + TITLE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            GrayImage gray = Resize.area(slice.brain(), panel, panel);
            HemorrhageClass target = cams.target();
            for (int m = 0; m < n; m++) {
                boolean ensemble = m == n - 1;
                GrayImage map = ensemble ? cams.ensemble(panel, panel) : cams.upsampled(m, panel, panel);
                blend(out, m * panel, TITLE, gray, rescaled(map));
                String name = ensemble ? "ensemble (" + prediction.models().size() + " models)"
                        : String.format(Locale.ROOT, "%s (w=%.2f)", cams.models().get(m), cams.weights()[m]);
                float p = ensemble ? prediction.probability(target) : prediction.models().get(cams.models().get(m))[target.ordinal()];
                g.setColor(Color.WHITE);
                g.drawString(name, m * panel + 4, 13);
                g.drawString(String.format(Locale.ROOT, "%s p=%.3f", target, p), m * panel + 4, 28);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The map divided by its maximum (the ensemble map may peak below 1). */
    private static float[] rescaled(GrayImage map) {
        float max = 0;
        for (float v : map.pixels()) max = Math.max(max, v);
        float[] out = new float[map.pixels().length];
        if (max > 0) for (int i = 0; i < out.length; i++) out[i] = map.pixels()[i] / max;
        return out;
    }

    private static void blend(BufferedImage out, int x0, int y0, GrayImage gray, float[] heat) {
        int w = gray.width(), h = gray.height();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float v = Math.min(1f, Math.max(0f, gray.pixels()[i]));
                float r = v, gr = v, b = v;
                float m = heat[i];
                if (m > FLOOR) {
                    float alpha = MAX_ALPHA * (m - FLOOR) / (1 - FLOOR);
                    float[] c = jet(m);
                    r = (1 - alpha) * r + alpha * c[0];
                    gr = (1 - alpha) * gr + alpha * c[1];
                    b = (1 - alpha) * b + alpha * c[2];
                }
                out.setRGB(x0 + x, y0 + y, (channel(r) << 16) | (channel(gr) << 8) | channel(b));
            }
        }
    }

    private static int channel(float v) {
        return Math.round(Math.min(1f, Math.max(0f, v)) * 255f);
    }

    /** MATLAB-style jet: dark blue at 0, cyan, yellow, dark red at 1. */
    static float[] jet(float v) {
        float t = Math.min(1f, Math.max(0f, v));
        return new float[]{ramp(t - 0.75f), ramp(t - 0.5f), ramp(t - 0.25f)};
    }

    private static float ramp(float d) {
        return Math.min(1f, Math.max(0f, 1.5f - 4f * Math.abs(d)));
    }
}
