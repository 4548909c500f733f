package org.ichnet.testing;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds small data sets in the CT-ICH release layout with real (tiny) JPG files. */
public final class TinyCtIch {

    public static final String HEADER = "PatientNumber,SliceNumber,Intraventricular,Intraparenchymal,Subarachnoid,"
            + "Epidural,Subdural,No_Hemorrhage,Fracture_Yes_No";

    private final Path root;
    private final List<String> rows = new ArrayList<>();

    private TinyCtIch(Path root) {
        this.root = root;
    }

    public static TinyCtIch at(Path root) {
        return new TinyCtIch(root);
    }

    /** Adds a labelled slice with brain and bone images; {@code types} is "IV,IP,SA,EP,SD" as 0/1 digits, e.g. "00001". */
    public TinyCtIch slice(String folder, int slice, String types) {
        labelOnly(Integer.toString(Integer.parseInt(folder)), slice, types);
        writeJpg(root.resolve("Patients_CT").resolve(folder).resolve("brain").resolve(slice + ".jpg"), 16, 40 + slice);
        writeJpg(root.resolve("Patients_CT").resolve(folder).resolve("bone").resolve(slice + ".jpg"), 16, 200);
        return this;
    }

    /** Adds a CSV row without any image. */
    public TinyCtIch labelOnly(String patient, int slice, String types) {
        StringBuilder row = new StringBuilder(patient + "," + slice);
        boolean any = false;
        for (char c : types.toCharArray()) {
            row.append(',').append(c);
            any |= c == '1';
        }
        row.append(',').append(any ? 0 : 1).append(",0");
        rows.add(row.toString());
        return this;
    }

    /** Writes the CSV like the release: BOM, CRLF, no newline after the last row. */
    public Path write() {
        String csv = "\uFEFF" + HEADER + "\r\n" + String.join("\r\n", rows);
        try {
            Files.createDirectories(root.resolve("Patients_CT"));
            Files.writeString(root.resolve("hemorrhage_diagnosis.csv"), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return root;
    }

    public static void writeJpg(Path file, int size, int gray) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.getRaster().setSample(x, y, 0, (gray + 7 * x + 3 * y) % 256);
            }
        }
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, file.toString().endsWith(".png") ? "png" : "jpg", file.toFile())) {
                throw new AssertionError("no image writer for " + file);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Cuts a file to half its length, as an interrupted copy would. */
    public static void truncate(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The bundled sample, relative to the project folder (the tests' working directory). */
    public static Path sample() {
        return Path.of("sample", "ct-ich-sample").toAbsolutePath();
    }

    /** The full CT-ICH release, {@link SharedData#data}{@code ("ct-ich")}; null when absent. */
    public static Path fullDataset() {
        Path p = SharedData.data("ct-ich");
        return Files.isRegularFile(p.resolve("hemorrhage_diagnosis.csv")) ? p : null;
    }
}
