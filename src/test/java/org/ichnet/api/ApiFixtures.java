package org.ichnet.api;

import org.ichnet.clinical.SyntheticNifti;
import org.ichnet.predict.UntrainedEnsemble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Inputs of every kind and a small untrained model folder (no training time) for the API tests. */
final class ApiFixtures {
    static final Path DICOM = Path.of("sample/ct-ich-dicom/071_14.dcm");
    static final Path PATIENT = Path.of("sample/ct-ich-sample/Patients_CT/071");
    static final Path JPG = PATIENT.resolve("brain/14.jpg");

    private ApiFixtures() {
    }

    static Path brainModel(Path dir) {
        return UntrainedEnsemble.write(dir.resolve("model"), 64, 1, new double[]{0.2, 0.5, 0.3});
    }

    /** The first {@code count} brain-window JPGs of the sample patient. */
    static Path jpgFolder(Path dir, int count) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("jpgs"));
        try (Stream<Path> files = Files.list(PATIENT.resolve("brain"))) {
            for (Path f : files.filter(f -> f.toString().matches(".*/\\d+\\.jpg")).sorted().limit(count).toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        return folder;
    }

    static Path nifti(Path file) throws IOException {
        return new SyntheticNifti(40, 40, 3).write(file);
    }
}
