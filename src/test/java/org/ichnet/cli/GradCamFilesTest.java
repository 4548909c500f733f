package org.ichnet.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Grad-CAM PNG names: after the scan and slice, safe for a file system, short enough, unique within the run. */
class GradCamFilesTest {
    private final GradCamFiles files = new GradCamFiles(Path.of("out"), 64);

    @Test
    void aFileIsNamedAfterItsScanAndSlice() {
        assertEquals("066_19.png", files.fileName("066_19", 1, "sample/ct-ich-dicom/066_19.dcm"));
        assertEquals("071_14.png", files.fileName("071", 34, "Patients_CT/071/brain/14.jpg"));
        assertEquals("head_head_2.png", files.fileName("head", 3, "vols/head.nii.gz#2"));
    }

    @Test
    void aScanFoundBelowAGivenFolderHasItsPathMadeSafe() {
        assertEquals("CQ500CT0_CQ500CT0_Unknown_Study_CT_4cm_CT000000.png",
                files.fileName("CQ500CT0 CQ500CT0/Unknown Study/CT 4cm", 2, "x/CQ500CT0 CQ500CT0/Unknown Study/CT 4cm/CT000000.dcm"));
        assertEquals("a_b_1.png", files.fileName("a/b", 2, "t/a/b/1.dcm"));
        assertEquals("a_b_1-2.png", files.fileName("a_b", 2, "t/a_b/1.dcm"), "a/b and a_b meet: the second gets -2");
    }

    @Test
    void aLongNameKeepsItsStartAndStaysUnique() {
        String deep = "p".repeat(120) + "/study/" + "1.2.840.113619.2.55.3.604688119.868.1234567890.123456";
        String first = files.fileName(deep, 2, "IM0001"), second = files.fileName(deep + "9", 2, "IM0001");
        assertTrue(first.length() <= GradCamFiles.MAX_BASE + 4, first);
        assertTrue(first.startsWith("p".repeat(120) + "_study_1.2.840"), first);
        assertNotEquals(first, second, "two long names that share their start differ by their hash");
        assertEquals(first.replace(".png", "-2.png"), files.fileName(deep, 2, "IM0001"), "the same again gets -2");
    }
}
