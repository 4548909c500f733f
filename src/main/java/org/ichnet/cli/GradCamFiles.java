package org.ichnet.cli;

import org.ichnet.api.ScanResult;
import org.ichnet.predict.GradCamOverlay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code ichnet predict --gradcam DIR}: one Grad-CAM PNG per slice, named after its scan and slice, unique within the run. */
final class GradCamFiles {
    private final Path folder;
    private final int panel;
    private final Set<String> usedNames = new HashSet<>();

    GradCamFiles(Path folder, int panel) {
        this.folder = folder;
        this.panel = panel;
    }

    /** Writes every slice's PNG; returns their paths in slice order. */
    List<Path> write(ScanResult scan) {
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < scan.slices().size(); i++) {
            Path png = folder.resolve(fileName(scan, scan.slices().get(i).label()));
            GradCamOverlay.write(png, scan.gradCam(i, panel));
            written.add(png);
        }
        return written;
    }

    /**
     * {@code <scan>.png} for a one-slice scan named like its file, else {@code <scan>_<slice>.png}, made
     * safe for file systems and unique within the run.
     */
    String fileName(ScanResult scan, String label) {
        int hash = label.lastIndexOf('#');
        String sliceName = hash >= 0 ? baseName(label.substring(0, hash)) + "_" + label.substring(hash + 1) : baseName(label);
        String base = scan.slices().size() == 1 && sliceName.equals(scan.name()) ? scan.name() : scan.name() + "_" + sliceName;
        base = base.replaceAll("[^A-Za-z0-9._-]", "_");
        String name = base;
        for (int k = 2; !usedNames.add(name); k++) name = base + "-" + k;
        return name + ".png";
    }

    private static String baseName(String path) {
        String name = Path.of(path).getFileName().toString();
        int dot = name.toLowerCase().endsWith(".nii.gz") ? name.length() - 7 : name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
