package org.ichnet.predict;

import org.ichnet.clinical.DicomReader;
import org.ichnet.clinical.HuSlice;
import org.ichnet.clinical.Windowing;
import org.ichnet.preprocess.GrayImage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How well a Grad-CAM map points at the annotated hemorrhage. Both images must have the same size; the
 * map is compared pixel by pixel with a mask (nonzero = hemorrhage).
 *
 * <ul>
 *   <li>{@code insideOutsideRatio}: mean map value inside the mask over the mean outside (1 = no
 *   preference, higher is better; NaN when the mask is empty or covers everything, +∞ when the map is zero
 *   outside and positive inside).</li>
 *   <li>{@code topFractionInMask}: of the map's top {@link #TOP_FRACTION} pixels, the fraction inside the
 *   mask (a soft pointing game; pixels tied at the threshold count in proportion). Compare with
 *   {@code maskFraction}, what a map that ignores the image would score on average.</li>
 *   <li>{@code peakInMask}: the classic pointing game, whether the map's maximum lies in the mask (with
 *   ties, whether any maximal pixel does).</li>
 * </ul>
 */
public final class GradCamAgreement {

    public static final double TOP_FRACTION = 0.05;

    public record Score(double insideOutsideRatio, double topFractionInMask, boolean peakInMask, double maskFraction) {
    }

    private GradCamAgreement() {
    }

    public static Score score(GrayImage map, GrayImage mask) {
        if (map.width() != mask.width() || map.height() != mask.height()) {
            throw new IllegalArgumentException("map is " + map.width() + "x" + map.height() + ", mask "
                    + mask.width() + "x" + mask.height());
        }
        float[] m = map.pixels(), k = mask.pixels();
        int n = m.length;
        double sumIn = 0, sumOut = 0;
        int in = 0;
        float peak = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            peak = Math.max(peak, m[i]);
            if (k[i] != 0) {
                sumIn += m[i];
                in++;
            } else {
                sumOut += m[i];
            }
        }
        int out = n - in;
        double ratio;
        if (in == 0 || out == 0) ratio = Double.NaN;
        else if (sumOut == 0) ratio = sumIn > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        else ratio = (sumIn / in) / (sumOut / out);

        int top = Math.max(1, (int) Math.ceil(TOP_FRACTION * n));
        float[] sorted = m.clone();
        Arrays.sort(sorted);
        float threshold = sorted[n - top];
        int above = 0, aboveIn = 0, tied = 0, tiedIn = 0;
        boolean peakIn = false;
        for (int i = 0; i < n; i++) {
            boolean inside = k[i] != 0;
            if (m[i] > threshold) {
                above++;
                if (inside) aboveIn++;
            } else if (m[i] == threshold) {
                tied++;
                if (inside) tiedIn++;
            }
            if (m[i] == peak && inside) peakIn = true;
        }
        double topIn = aboveIn + (double) (top - above) * tiedIn / tied;
        return new Score(ratio, topIn / top, peakIn, (double) in / n);
    }

    /** The mask file beside a CT-ICH DICOM slice: same file name in {@code maskDir}, or null. */
    public static Path maskFor(Path slice, Path maskDir) {
        Path mask = maskDir.resolve(slice.getFileName().toString());
        return Files.isRegularFile(mask) ? mask : null;
    }

    /**
     * Reads a CT-ICH DICOM mask as 0/1, turned the way {@link org.ichnet.clinical.ScanInputs} turns its CT
     * slice {@code slice} (the CT-ICH JPG orientation), so it lines up with the slice the model saw: the mask lies
     * in the slice's pixel order, so the slice's ImageOrientationPatient, not the mask's, says how to turn it.
     *
     * <p>The released masks (written by MATLAB, signed int16) come out of {@link DicomReader} as -32768
     * (background) and 32767 (hemorrhage), not 0 and nonzero, so background is taken as the most common
     * value and everything else as hemorrhage.
     */
    public static GrayImage readMask(Path dicom, Path slice) {
        HuSlice raw = DicomReader.read(dicom);
        return Windowing.toCtIchOrientation(binary(new GrayImage(raw.width(), raw.height(), raw.hu())),
                DicomReader.readMeta(slice));
    }

    /** 1 where the value differs from the most common one (the background), else 0. */
    static GrayImage binary(GrayImage mask) {
        float[] values = mask.pixels();
        float background = mode(values);
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i] != background ? 1f : 0f;
        return new GrayImage(mask.width(), mask.height(), out);
    }

    private static float mode(float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        float best = sorted[0];
        int bestRun = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) j++;
            if (j - i > bestRun) {
                bestRun = j - i;
                best = sorted[i];
            }
            i = j;
        }
        return best;
    }

    /**
     * Scores averaged over slices: ratio and top fraction over the slices where they are finite,
     * {@code pointingRate} = share of slices whose peak is in the mask.
     */
    public record Summary(int slices, double meanInsideOutsideRatio, double meanTopFractionInMask, double pointingRate,
                          double meanMaskFraction) {
    }

    public static Summary summarize(List<Score> scores) {
        double ratio = 0, top = 0, peak = 0, frac = 0;
        int nr = 0, nt = 0;
        for (Score s : scores) {
            if (Double.isFinite(s.insideOutsideRatio())) {
                ratio += s.insideOutsideRatio();
                nr++;
            }
            if (Double.isFinite(s.topFractionInMask())) {
                top += s.topFractionInMask();
                nt++;
            }
            peak += s.peakInMask() ? 1 : 0;
            frac += s.maskFraction();
        }
        int n = scores.size();
        return new Summary(n, nr == 0 ? Double.NaN : ratio / nr, nt == 0 ? Double.NaN : top / nt,
                n == 0 ? Double.NaN : peak / n, n == 0 ? Double.NaN : frac / n);
    }
}
