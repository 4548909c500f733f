package org.ichnet.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Walks the inputs (any Hadoop file system) on the driver and finds the scans in them, as {@code predict} would
 * read each: a folder of JPG/PNG slices is one scan, a CT-ICH patient folder ({@code brain/}, {@code bone/}) is
 * one scan, a NIfTI volume is one scan, a lone image is one scan. DICOM files are only collected here: their
 * series are known after reading their headers, which the executors do ({@link DicomSeriesGrouping}).
 */
final class ScanDiscovery {

    /** What the walk found: scans ready to predict, and DICOM files (by name or without extension) to group. */
    record Found(List<ScanUnit> scans, List<String> dicomCandidates) {
    }

    private final Configuration conf;
    private final List<ScanUnit> scans = new ArrayList<>();
    private final List<String> dicom = new ArrayList<>();

    private ScanDiscovery(Configuration conf) {
        this.conf = conf;
    }

    /** @throws BadInputException when an input does not exist */
    static Found discover(List<String> inputs, Configuration conf) throws IOException {
        ScanDiscovery walk = new ScanDiscovery(conf);
        for (String input : inputs) walk.input(input);
        // inputs that overlap (a folder and a folder inside it, a path listed twice) name each scan and file once
        return new Found(walk.scans.stream().distinct().toList(), walk.dicom.stream().distinct().toList());
    }

    private void input(String input) throws IOException {
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(conf);
        Path qualified = fs.makeQualified(path);
        if (!fs.exists(qualified)) throw new BadInputException(input + ": no such file or folder");
        FileStatus status = fs.getFileStatus(qualified);
        if (status.isDirectory()) folder(fs, qualified);
        else file(qualified, true);
    }

    private void folder(FileSystem fs, Path folder) throws IOException {
        FileStatus[] children = fs.listStatus(folder);
        Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
        List<FileStatus> files = Arrays.stream(children).filter(FileStatus::isFile).filter(s -> visible(s.getPath())).toList();
        List<FileStatus> folders = Arrays.stream(children).filter(FileStatus::isDirectory).filter(s -> visible(s.getPath())).toList();
        boolean images = files.stream().anyMatch(s -> isImage(s.getPath()));
        boolean ctIchPatient = folders.stream().anyMatch(s -> s.getPath().getName().equals("brain"));
        if (images || ctIchPatient) {
            scans.add(ScanUnit.path(Paths.display(folder)));
            return;
        }
        for (FileStatus f : files) file(f.getPath(), false);
        for (FileStatus d : folders) folder(fs, d.getPath());
    }

    /** @param given named by the user: anything is tried (the API says what is wrong); in a walk, only known kinds */
    private void file(Path file, boolean given) {
        String name = file.getName().toLowerCase(Locale.ROOT);
        String shown = Paths.display(file);
        if (name.endsWith(".dcm") || !name.contains(".")) dicom.add(shown);
        else if (given || isImage(file) || name.endsWith(".nii") || name.endsWith(".nii.gz")) scans.add(ScanUnit.path(shown));
    }

    static boolean isImage(Path file) {
        String name = file.getName().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
    }

    /** Hidden files and Hadoop's own ({@code _SUCCESS}, {@code _temporary}) are not inputs. */
    private static boolean visible(Path path) {
        return !path.getName().startsWith(".") && !path.getName().startsWith("_");
    }
}
