package org.ichnet.clinical;

import org.ichnet.data.DataProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** {@link ScanInputs#find} on folder trees: raw DICOM exports, a CT-ICH release, folders of volumes ({@link FolderWalk}). */
class ScanInputsWalkTest {
    @TempDir
    Path dir;

    private static List<String> names(List<PendingScan> scans) {
        return scans.stream().map(PendingScan::name).toList();
    }

    private static List<DataProblem> problems(List<PendingScan> scans) {
        return scans.stream().flatMap(s -> s.problems().stream()).toList();
    }

    private static Path png(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
        return file;
    }

    private static Path dicom(Path file, String series, int instance) throws IOException {
        Files.createDirectories(file.getParent());
        return SyntheticDicom.inSeries(series, instance).write(file);
    }

    @Test
    void aNestedDicomExportGivesOneScanPerSeriesFolderNamedByItsPath() throws IOException {
        Path export = dir.resolve("export");
        Path study = export.resolve("CQ500CT0 CQ500CT0/Unknown Study");
        Path thin = study.resolve("CT 4cm"), plain = study.resolve("CT 10");
        for (int n = 1; n <= 3; n++) dicom(thin.resolve("CT00000" + (3 - n) + ".dcm"), "1.2.40", n);
        for (int n = 1; n <= 2; n++) dicom(plain.resolve("IM000" + n), "1.2.10", n); // no extension: found by the DICM marker
        dicom(export.resolve("DICOMDIR"), "1.2.99", 1); // readable as DICOM, yet the index of the export, not a slice
        Files.writeString(export.resolve(".DS_Store"), "Finder's");
        dicom(export.resolve(".git/objects/x.dcm"), "1.2.98", 1);
        Files.writeString(study.resolve("notes.txt"), "ignored");

        List<PendingScan> found = ScanInputs.find(List.of(export));
        assertEquals(List.of("CQ500CT0 CQ500CT0/Unknown Study/CT 4cm", "CQ500CT0 CQ500CT0/Unknown Study/CT 10"), names(found),
                "natural order (4 before 10); relative paths; no DICOMDIR, no hidden entries");
        assertEquals(List.of(thin, plain), found.stream().map(PendingScan::source).toList());
        assertEquals(List.of(3, 2), found.stream().map(PendingScan::sliceCount).toList());
        assertEquals(List.of(), problems(found));
        Scan first = found.get(0).read(false);
        assertEquals(List.of(thin.resolve("CT000002.dcm").toString(), thin.resolve("CT000001.dcm").toString(), thin.resolve("CT000000.dcm").toString()),
                first.slices().stream().map(ScanSlice::label).toList(), "each series in instance order");
        assertEquals(names(found), names(ScanInputs.find(List.of(export))), "the same walk every time");
    }

    @Test
    void aFolderOfCtIchPatientsGivesEachPatientAsItsOwnFolderWould() {
        Path patients = Path.of("sample/ct-ich-sample/Patients_CT");
        List<PendingScan> walked = ScanInputs.find(List.of(patients));
        assertEquals(List.of("062", "066", "068", "071", "076", "081", "085", "086", "112"), names(walked));
        try (var each = Files.list(patients)) {
            List<PendingScan> alone = ScanInputs.find(each.sorted(NaturalOrder.BY_FILE_NAME).toList());
            assertEquals(names(alone), names(walked));
            assertEquals(alone.stream().map(PendingScan::source).toList(), walked.stream().map(PendingScan::source).toList());
            assertEquals(alone.stream().map(PendingScan::sliceCount).toList(), walked.stream().map(PendingScan::sliceCount).toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Scan patient = walked.get(1).read(false);
        assertTrue(patient.slices().get(0).label().contains("066/brain/"), "brain/ slices, paired with bone/: " + patient.slices().get(0).label());
        assertNotNull(patient.slices().get(0).bone());
        List<PendingScan> release = ScanInputs.find(List.of(patients.getParent()));
        assertEquals(names(walked).stream().map(n -> "Patients_CT/" + n).toList(), names(release), "the release folder, CSVs beside Patients_CT/");
    }

    @Test
    void aFolderOfVolumesGivesEachVolumeAsAFileWould() throws IOException {
        Path volumes = Files.createDirectories(dir.resolve("volumes"));
        Path a = new SyntheticNifti(5, 4, 3).write(volumes.resolve("a.nii"));
        Path b = new SyntheticNifti(6, 5, 2).write(volumes.resolve("b.nii.gz"));
        List<PendingScan> walked = ScanInputs.find(List.of(volumes));
        List<PendingScan> given = ScanInputs.find(List.of(a, b));
        assertEquals(List.of("a", "b"), names(walked));
        assertEquals(names(given), names(walked));
        assertEquals(List.of(a, b), walked.stream().map(PendingScan::source).toList());
        assertEquals(List.of(3, 2), walked.stream().map(PendingScan::sliceCount).toList());
        for (int i = 0; i < 2; i++) {
            Scan w = walked.get(i).read(false), g = given.get(i).read(false);
            assertEquals(g.slices().stream().map(ScanSlice::label).toList(), w.slices().stream().map(ScanSlice::label).toList());
            assertArrayEquals(g.slices().get(1).brain().pixels(), w.slices().get(1).brain().pixels());
        }
        new SyntheticNifti(5, 4, 1).write(Files.createDirectories(volumes.resolve("more")).resolve("c.nii"));
        assertEquals(List.of("a", "b", "more/c"), names(ScanInputs.find(List.of(volumes))), "below the given folder, by relative path");
    }

    @Test
    void aFolderWithFilesAndSubfoldersIsAScanAndIsWalkedToo() throws IOException {
        Path study = dir.resolve("study");
        dicom(study.resolve("1.dcm"), "1.2.1", 1);
        dicom(study.resolve("2.dcm"), "1.2.1", 2);
        dicom(study.resolve("recon/1.dcm"), "1.2.2", 1);
        png(study.resolve("study/1.png")); // a subfolder named like the given folder
        List<PendingScan> found = ScanInputs.find(List.of(study));
        assertEquals(List.of("study", "recon", "study-2"), names(found), "the folder's own files first; a repeated name made unique");
        assertEquals(List.of(2, 1, 1), found.stream().map(PendingScan::sliceCount).toList());
    }

    @Test
    void symbolicLinksAreFollowedOnceAndNotRoundALoop() throws IOException {
        Path tree = dir.resolve("tree");
        dicom(tree.resolve("s1/1.dcm"), "1.2.1", 1);
        Files.createSymbolicLink(tree.resolve("s1/back"), tree); // a loop
        Files.createSymbolicLink(tree.resolve("a-link-to-s1"), tree.resolve("s1")); // s1 is walked as s1
        Path outside = dicom(dir.resolve("elsewhere/x/1.dcm"), "1.2.2", 1).getParent();
        Files.createSymbolicLink(tree.resolve("s2"), outside);
        Files.createSymbolicLink(tree.resolve("s3"), outside); // the same folder again
        Files.createSymbolicLink(outside.resolve("up"), outside.getParent()); // a loop outside the tree
        List<PendingScan> found = ScanInputs.find(List.of(tree));
        assertEquals(List.of("s1", "s2"), names(found));
        assertEquals(List.of(), problems(found));
    }

    @Test
    void aGivenFolderThatIsALinkIsWalked() throws IOException {
        Path patient = dicom(dir.resolve("real/p1/s/1.dcm"), "1.2.1", 1).getParent().getParent();
        Path links = Files.createDirectories(dir.resolve("links"));
        Path link = Files.createSymbolicLink(links.resolve("p1"), patient);
        assertEquals(List.of("s"), names(ScanInputs.find(List.of(link))), "the link itself, as given");
        assertEquals(List.of("p1/s"), names(ScanInputs.find(List.of(links))), "a folder of links to folders elsewhere");
        assertEquals(List.of(), problems(ScanInputs.find(List.of(link))));
    }

    @Test
    void aTreeWithNothingToPredictIsOneProblem() throws IOException {
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("a/b/empty"));
        Files.writeString(tree.resolve("a/readme.txt"), "no slices here");
        dicom(tree.resolve("a/.hidden/1.dcm"), "1.2.1", 1);
        dicom(tree.resolve("DICOMDIR"), "1.2.1", 1);
        List<PendingScan> found = ScanInputs.find(List.of(tree));
        assertEquals(1, found.size());
        assertEquals(List.of(new DataProblem(tree, "no JPG, PNG, DICOM or NIfTI files in folder or its subfolders (nor brain/ "
                + "and bone/ folders of a CT-ICH patient)")), found.get(0).problems());
        assertEquals(0, found.get(0).sliceCount());
    }

    @Test
    void anUnreadableFileIsItsOwnProblemAndTheRestIsPredicted() throws IOException {
        Path tree = dir.resolve("tree");
        for (int n = 1; n <= 2; n++) dicom(tree.resolve("p1/s/" + n + ".dcm"), "1.2.1", n);
        for (int n = 1; n <= 2; n++) dicom(tree.resolve("p2/s/" + n + ".dcm"), "1.2.2", n);
        Path broken = Files.writeString(tree.resolve("p2/s/3.dcm"), "not DICOM at all");
        List<PendingScan> found = ScanInputs.find(List.of(tree));
        assertEquals(List.of("p1/s", "p2/s"), names(found));
        assertEquals(List.of(broken), problems(found).stream().map(DataProblem::file).toList());
        List<Scan> read = found.stream().map(s -> s.read(false)).toList();
        assertEquals(List.of(2, 2), read.stream().map(s -> s.slices().size()).toList());
        assertEquals(List.of(broken), read.get(1).problems().stream().map(DataProblem::file).toList());
    }

    @Test
    void aFolderThatCannotBeListedIsAProblemNamingItAndTheOthersGoOn() throws IOException {
        Path tree = dir.resolve("tree");
        dicom(tree.resolve("a/1.dcm"), "1.2.1", 1);
        dicom(tree.resolve("b/1.dcm"), "1.2.2", 1);
        Path locked = tree.resolve("b");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked), "permissions are not enforced here (root)");
            List<PendingScan> found = ScanInputs.find(List.of(tree));
            assertEquals(List.of("a", "b"), names(found));
            assertEquals(List.of(new DataProblem(locked, "cannot list folder: permission denied")), problems(found));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aDicomdirGivenAloneSaysWhatItIs() throws IOException {
        Path dicomdir = dicom(dir.resolve("DICOMDIR"), "1.2.1", 1);
        DataProblem problem = ScanInputs.find(List.of(dicomdir)).get(0).problems().get(0);
        assertTrue(problem.problem().startsWith("a DICOMDIR"), problem.problem());
    }
}
