package org.ichnet.preprocess;

import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;

import static org.junit.jupiter.api.Assertions.*;

/** Head normalisation on synthetic slices: a skull ring around grey brain, placed, turned and annotated. */
class HeadCropTest {

    /** A w x h slice with an elliptic head (skull ring 1.0, brain 0.45) centred at (cx, cy) with semi-axes (ax, ay). */
    private static BufferedImage head(int type, int w, int h, int cx, int cy, int ax, int ay) {
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(cx - ax, cy - ay, 2 * ax, 2 * ay);
        g.setColor(new Color(115, 115, 115));
        int skull = Math.max(3, ax / 12);
        g.fillOval(cx - ax + skull, cy - ay + skull, 2 * (ax - skull), 2 * (ay - skull));
        g.dispose();
        return img;
    }

    private static void assertFramesTheHead(HeadCrop.Square s, int cx, int cy, int ax, int ay) {
        int extent = 2 * Math.max(ax, ay);
        assertTrue(s.x0() <= cx - ax && s.y0() <= cy - ay, "covers the head's top left: " + s);
        assertTrue(s.x0() + s.side() >= cx + ax && s.y0() + s.side() >= cy + ay, "covers the head's bottom right: " + s);
        assertTrue(s.side() <= extent * 1.25, "tight around the head (side " + s.side() + ", head " + extent + ")");
        assertEquals(cx, s.x0() + s.side() / 2.0, 4, "centred on the head");
        assertEquals(cy, s.y0() + s.side() / 2.0, 4, "centred on the head");
    }

    @Test
    void anOffCentreHeadIsCroppedSquareAroundIt() {
        GrayImage g = ImageDecoder.toGray(head(BufferedImage.TYPE_BYTE_GRAY, 400, 300, 120, 110, 80, 95));
        HeadCrop.Square s = HeadCrop.find(g);
        assertFramesTheHead(s, 120, 110, 80, 95);
        GrayImage out = HeadCrop.normalise(g, 64);
        assertEquals(64, out.width());
        assertEquals(64, out.height());
        assertTrue(out.get(32, 32) > 0.3f && out.get(32, 32) < 0.6f, "brain in the middle of the crop");
    }

    @Test
    void aHeadTurnedNinetyDegreesIsFramedTheSameWay() {
        HeadCrop.Square upright = HeadCrop.find(ImageDecoder.toGray(head(BufferedImage.TYPE_BYTE_GRAY, 300, 300, 150, 150, 90, 115)));
        HeadCrop.Square turned = HeadCrop.find(ImageDecoder.toGray(head(BufferedImage.TYPE_BYTE_GRAY, 300, 300, 150, 150, 115, 90)));
        assertFramesTheHead(turned, 150, 150, 115, 90);
        assertEquals(upright.side(), turned.side(), 2, "the same square, turned");
    }

    @Test
    void burntInLettersAndArrowsOfAnRgbFigureAreNotPartOfTheHead() {
        BufferedImage fig = head(BufferedImage.TYPE_INT_RGB, 360, 300, 200, 150, 100, 120);
        Graphics2D g = fig.createGraphics();
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("A", 10, 45);
        g.setColor(Color.YELLOW);
        g.setStroke(new BasicStroke(4));
        g.drawLine(15, 280, 70, 230);
        g.dispose();
        assertFramesTheHead(HeadCrop.find(ImageDecoder.toGray(fig)), 200, 150, 100, 120);
    }

    @Test
    void aPalettePngIsFramedLikeItsGrayVersion() {
        byte[] ramp = new byte[256];
        for (int i = 0; i < 256; i++) ramp[i] = (byte) i;
        BufferedImage indexed = new BufferedImage(300, 260, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, ramp, ramp, ramp));
        Graphics2D g = indexed.createGraphics();
        g.drawImage(head(BufferedImage.TYPE_INT_RGB, 300, 260, 160, 140, 90, 100), 0, 0, null);
        g.dispose();
        assertFramesTheHead(HeadCrop.find(ImageDecoder.toGray(indexed)), 160, 140, 90, 100);
    }

    @Test
    void aBlankImageIsAClearError() {
        GrayImage blank = new GrayImage(128, 128, new float[128 * 128]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeadCrop.find(blank));
        assertTrue(e.getMessage().startsWith("no head found"), e.getMessage());
        float[] speck = new float[128 * 128];
        speck[64 * 128 + 64] = 1;
        assertThrows(IllegalArgumentException.class, () -> HeadCrop.find(new GrayImage(128, 128, speck)), "one bright pixel is no head");
    }

    @Test
    void aHeadCutByTheFrameIsPaddedWithBlack() {
        GrayImage g = ImageDecoder.toGray(head(BufferedImage.TYPE_BYTE_GRAY, 200, 200, 100, 100, 99, 99));
        HeadCrop.Square s = HeadCrop.find(g);
        assertTrue(s.x0() < 0 && s.x0() + s.side() > 200, "the margin reaches beyond the frame: " + s);
        GrayImage c = HeadCrop.crop(g, s);
        assertEquals(0f, c.get(0, 0));
        assertEquals(s.side(), c.width());
    }
}
