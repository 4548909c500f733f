package org.ichnet.clinical;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small uncompressed DICOM files (little endian, 16-bit, one frame) for tests. */
final class SyntheticDicom {
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.70";

    String transferSyntax = EXPLICIT_LE;
    String photometric = "MONOCHROME2";
    boolean signed = true;
    int bitsStored = 16;
    Double slope;
    Double intercept;
    String seriesUid = "1.2.3.4";
    Integer instanceNumber;
    double[] position;
    double[] orientation;
    Double sliceLocation;
    int bitsAllocated = 16;
    String frames;

    private final int width;
    private final int height;
    private final short[] raw;

    SyntheticDicom(int width, int height, short[] raw) {
        this.width = width;
        this.height = height;
        this.raw = raw;
    }

    /** An image whose raw stored value at (x, y) is {@code base + x + width * y}. */
    static SyntheticDicom ramp(int width, int height, int base) {
        short[] raw = new short[width * height];
        for (int i = 0; i < raw.length; i++) raw[i] = (short) (base + i);
        return new SyntheticDicom(width, height, raw);
    }

    /** A 2x2 slice of 40 HU and up, of series {@code uid}, instance {@code instance}. */
    static SyntheticDicom inSeries(String uid, int instance) {
        SyntheticDicom d = ramp(2, 2, 40);
        d.seriesUid = uid;
        d.instanceNumber = instance;
        return d;
    }

    Path write(Path file) throws IOException {
        boolean explicit = !transferSyntax.equals(IMPLICIT_LE);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        element(data, true, 0x0008, 0x0016, "UI", uid("1.2.840.10008.5.1.4.1.1.2"));
        element(data, explicit, 0x0008, 0x0060, "CS", text("CT"));
        element(data, explicit, 0x0020, 0x000E, "UI", uid(seriesUid));
        if (instanceNumber != null) element(data, explicit, 0x0020, 0x0013, "IS", text(instanceNumber.toString()));
        if (position != null) element(data, explicit, 0x0020, 0x0032, "DS", text(join(position)));
        if (orientation != null) element(data, explicit, 0x0020, 0x0037, "DS", text(join(orientation)));
        if (sliceLocation != null) element(data, explicit, 0x0020, 0x1041, "DS", text(sliceLocation.toString()));
        element(data, explicit, 0x0028, 0x0002, "US", u16(1));
        element(data, explicit, 0x0028, 0x0004, "CS", text(photometric));
        if (frames != null) element(data, explicit, 0x0028, 0x0008, "IS", text(frames));
        element(data, explicit, 0x0028, 0x0010, "US", u16(height));
        element(data, explicit, 0x0028, 0x0011, "US", u16(width));
        element(data, explicit, 0x0028, 0x0100, "US", u16(bitsAllocated));
        element(data, explicit, 0x0028, 0x0101, "US", u16(bitsStored));
        element(data, explicit, 0x0028, 0x0102, "US", u16(bitsStored - 1));
        element(data, explicit, 0x0028, 0x0103, "US", u16(signed ? 1 : 0));
        if (intercept != null) element(data, explicit, 0x0028, 0x1052, "DS", text(intercept.toString()));
        if (slope != null) element(data, explicit, 0x0028, 0x1053, "DS", text(slope.toString()));
        if (transferSyntax.startsWith("1.2.840.10008.1.2.4.") || transferSyntax.equals("1.2.840.10008.1.2.5")) {
            encapsulatedGarbage(data);
        } else {
            ByteBuffer pixels = ByteBuffer.allocate(raw.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (short s : raw) pixels.putShort(s);
            element(data, explicit, 0x7FE0, 0x0010, "OW", pixels.array());
        }

        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, true, 0x0002, 0x0001, "OB", new byte[]{0, 1});
        element(meta, true, 0x0002, 0x0010, "UI", uid(transferSyntax));
        ByteArrayOutputStream file0 = new ByteArrayOutputStream();
        file0.write(new byte[128]);
        file0.write("DICM".getBytes(StandardCharsets.US_ASCII));
        element(file0, true, 0x0002, 0x0000, "UL",
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array());
        meta.writeTo(file0);
        data.writeTo(file0);
        Files.write(file, file0.toByteArray());
        return file;
    }

    /** Pixel data of undefined length with one (meaningless) fragment: enough to look compressed, for any compressed syntax. */
    private static void encapsulatedGarbage(ByteArrayOutputStream out) {
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + 8 + 4 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x7FE0).putShort((short) 0x0010).put("OB".getBytes(StandardCharsets.US_ASCII)).putShort((short) 0).putInt(-1);
        b.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(0); // empty offset table
        b.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(4).putInt(0x12345678);
        b.putShort((short) 0xFFFE).putShort((short) 0xE0DD).putInt(0);
        out.writeBytes(b.array());
    }

    private static void element(ByteArrayOutputStream out, boolean explicit, int group, int elem, String vr, byte[] value) {
        boolean longForm = vr.equals("OB") || vr.equals("OW");
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) group).putShort((short) elem);
        if (!explicit) {
            b.putInt(value.length);
        } else if (longForm) {
            b.put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) 0).putInt(value.length);
        } else {
            b.put(vr.getBytes(StandardCharsets.US_ASCII)).putShort((short) value.length);
        }
        out.write(b.array(), 0, b.position());
        out.writeBytes(value);
    }

    private static byte[] text(String s) {
        return pad(s, (byte) ' ');
    }

    private static byte[] uid(String s) {
        return pad(s, (byte) 0);
    }

    private static byte[] pad(String s, byte padding) {
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length % 2 == 0) return bytes;
        byte[] even = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, even, 0, bytes.length);
        even[bytes.length] = padding;
        return even;
    }

    private static byte[] u16(int v) {
        return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
    }

    private static String join(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            if (sb.length() > 0) sb.append('\\');
            sb.append(v);
        }
        return sb.toString();
    }
}
