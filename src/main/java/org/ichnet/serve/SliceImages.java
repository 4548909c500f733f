package org.ichnet.serve;

import org.ichnet.clinical.ScanSlice;
import org.ichnet.preprocess.GrayImage;
import org.ichnet.preprocess.Resize;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Images put in a JSON response as {@code data:image/png;base64,...} URLs. */
final class SliceImages {

    private SliceImages() {
    }

    static String pngDataUrl(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) throw new IOException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /** The whole slice's brain window (CT-ICH orientation), {@code side} pixels square: the frame the Grad-CAM overlays are drawn in. */
    static BufferedImage brainWindow(ScanSlice slice, int side) {
        GrayImage gray = Resize.area(slice.brain(), side, side);
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        float[] px = gray.pixels();
        byte[] raster = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) raster[i] = (byte) Math.round(Math.min(1f, Math.max(0f, px[i])) * 255f);
        return out;
    }
}
