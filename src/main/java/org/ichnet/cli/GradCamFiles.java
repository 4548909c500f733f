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
            Path png = folder.resolve(fileName(scan.name(), scan.slices().size(), scan.slices().get(i).label()));
            GradCamOverlay.write(png, scan.gradCam(i, panel));
            written.add(png);
        }
        return written;
    }

    /**
     * {@code <scan>.png} for a one-slice scan named like its file, else {@code <scan>_<slice>.png}, made
     * safe for file systems (a scan found below a given folder is named by its path: {@code /} becomes {@code _}),
     * at most {@link #MAX_BASE} characters before {@code .png} (a longer name keeps its start and a hash of the
     * whole), and unique within the run.
     */
    String fileName(String scanName, int sliceCount, String label) {
        int hash = label.lastIndexOf('#');
        String sliceName = hash >= 0 ? baseName(label.substring(0, hash)) + "_" + label.substring(hash + 1) : baseName(label);
        String base = sliceCount == 1 && sliceName.equals(scanName) ? scanName : scanName + "_" + sliceName;
        base = shortened(base.replaceAll("[^A-Za-z0-9._-]", "_"));
        String name = base;
        for (int k = 2; !usedNames.add(name); k++) name = base + "-" + k;
        return name + ".png";
    }

    /** Characters of a PNG's name before {@code .png}: room for {@code -k} within the usual 255-byte limit. */
    static final int MAX_BASE = 200;

    private static String shortened(String base) {
        if (base.length() <= MAX_BASE) return base;
        String whole = String.format("%08x", base.hashCode());
        return base.substring(0, MAX_BASE - whole.length() - 1) + "~" + whole;
    }

    private static String baseName(String path) {
        String name = Path.of(path).getFileName().toString();
        int dot = name.toLowerCase().endsWith(".nii.gz") ? name.length() - 7 : name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
