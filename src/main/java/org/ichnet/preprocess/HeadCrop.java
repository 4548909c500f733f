package org.ichnet.preprocess;

import java.util.Optional;

/**
 * Head normalisation: finds the head on a slice (skull and brain: the largest bright connected
 * region) and crops a square around it with a margin, so that a scan framed tightly, loosely or
 * off-centre reaches the model with the head filling the frame as in training. Burnt-in letters,
 * arrows and rulers are separate small regions and are ignored; a thin bridge to the table or head
 * rest is cut by eroding the mask before the regions are labelled.
 */
public final class HeadCrop {
    /** Margin on each side, as a share of the head's larger extent. */
    static final double MARGIN = 0.06;
    /** A head covers at least this share of the frame; less is an empty or near-empty image. */
    static final double MIN_HEAD_SHARE = 0.005;
    /** Foreground is at least this bright even where Otsu's threshold falls lower (a black image). */
    private static final float MIN_THRESHOLD = 0.04f;

    /** A square in image coordinates; it may reach beyond the image, where the crop is black. */
    public record Square(int x0, int y0, int side) {
    }

    private HeadCrop() {
    }

    /** The head's square; an image without a head (blank, or nothing bright enough) is an {@link IllegalArgumentException}. */
    public static Square find(GrayImage image) {
        return locate(image).orElseThrow(() -> new IllegalArgumentException(
                "no head found (the image is blank or has no region brighter than "
                        + String.format(java.util.Locale.ROOT, "%.2f", threshold(image)) + " covering "
                        + MIN_HEAD_SHARE * 100 + "% of it)"));
    }

    /** The head's square, or empty when the image holds no head (blank, or nothing bright enough). */
    public static Optional<Square> locate(GrayImage image) {
        int w = image.width(), h = image.height();
        float threshold = threshold(image);
        boolean[] mask = new boolean[w * h];
        for (int i = 0; i < mask.length; i++) mask[i] = image.pixels()[i] > threshold;
        int radius = Math.max(1, Math.round(Math.min(w, h) / 128f));
        boolean[] eroded = erode(mask, w, h, radius);
        int[] box = largestRegion(eroded, w, h);
        if (box == null || box[4] < MIN_HEAD_SHARE * w * h) return Optional.empty();
        int x0 = box[0] - radius, y0 = box[1] - radius, x1 = box[2] + radius, y1 = box[3] + radius;
        int extent = Math.max(x1 - x0 + 1, y1 - y0 + 1);
        int side = (int) Math.ceil(extent * (1 + 2 * MARGIN));
        int cx = (x0 + x1 + 1) / 2, cy = (y0 + y1 + 1) / 2;
        return Optional.of(new Square(cx - side / 2, cy - side / 2, side));
    }

    private static float threshold(GrayImage image) {
        return Math.max(MIN_THRESHOLD, otsu(image.pixels()));
    }

    /** The square cut out of {@code image}; outside the image it is black. */
    public static GrayImage crop(GrayImage image, Square s) {
        float[] out = new float[s.side() * s.side()];
        for (int y = 0; y < s.side(); y++) {
            int sy = s.y0() + y;
            if (sy < 0 || sy >= image.height()) continue;
            for (int x = 0; x < s.side(); x++) {
                int sx = s.x0() + x;
                if (sx >= 0 && sx < image.width()) out[y * s.side() + x] = image.get(sx, sy);
            }
        }
        return new GrayImage(s.side(), s.side(), out);
    }

    /** The head, cropped square and area-resized to {@code size} x {@code size}. */
    public static GrayImage normalise(GrayImage image, int size) {
        return Resize.area(crop(image, find(image)), size, size);
    }

    /** Otsu's threshold over a 256-bin histogram of [0,1] values. */
    static float otsu(float[] pixels) {
        int[] hist = new int[256];
        for (float p : pixels) hist[Math.min(255, Math.max(0, (int) (p * 255)))]++;
        long total = pixels.length;
        double sumAll = 0;
        for (int i = 0; i < 256; i++) sumAll += (double) i * hist[i];
        double sumBelow = 0, best = -1;
        long below = 0;
        int bestIndex = 0;
        for (int t = 0; t < 256; t++) {
            below += hist[t];
            if (below == 0) continue;
            long above = total - below;
            if (above == 0) break;
            sumBelow += (double) t * hist[t];
            double meanBelow = sumBelow / below, meanAbove = (sumAll - sumBelow) / above;
            double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                bestIndex = t;
            }
        }
        return (bestIndex + 0.5f) / 255f;
    }

    /** Binary erosion by a (2r+1) square, separably: a pixel stays when its whole row window and then column window do. */
    static boolean[] erode(boolean[] mask, int w, int h, int r) {
        boolean[] rows = new boolean[mask.length], out = new boolean[mask.length];
        int[] prefix = new int[Math.max(w, h) + 1];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) prefix[x + 1] = prefix[x] + (mask[y * w + x] ? 1 : 0);
            for (int x = 0; x < w; x++) {
                int lo = Math.max(0, x - r), hi = Math.min(w, x + r + 1);
                rows[y * w + x] = x - r >= 0 && x + r < w && prefix[hi] - prefix[lo] == hi - lo;
            }
        }
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) prefix[y + 1] = prefix[y] + (rows[y * w + x] ? 1 : 0);
            for (int y = 0; y < h; y++) {
                int lo = Math.max(0, y - r), hi = Math.min(h, y + r + 1);
                out[y * w + x] = y - r >= 0 && y + r < h && prefix[hi] - prefix[lo] == hi - lo;
            }
        }
        return out;
    }

    /** {minX, minY, maxX, maxY, area} of the largest 4-connected region, or null when the mask is empty. */
    static int[] largestRegion(boolean[] mask, int w, int h) {
        boolean[] seen = new boolean[mask.length];
        int[] stack = new int[mask.length];
        int[] best = null;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || seen[start]) continue;
            int top = 0, area = 0, minX = w, minY = h, maxX = -1, maxY = -1;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int p = stack[--top], x = p % w, y = p / w;
                area++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                if (x > 0 && mask[p - 1] && !seen[p - 1]) { seen[p - 1] = true; stack[top++] = p - 1; }
                if (x < w - 1 && mask[p + 1] && !seen[p + 1]) { seen[p + 1] = true; stack[top++] = p + 1; }
                if (y > 0 && mask[p - w] && !seen[p - w]) { seen[p - w] = true; stack[top++] = p - w; }
                if (y < h - 1 && mask[p + w] && !seen[p + w]) { seen[p + w] = true; stack[top++] = p + w; }
            }
            if (best == null || area > best[4]) best = new int[]{minX, minY, maxX, maxY, area};
        }
        return best;
    }
}
