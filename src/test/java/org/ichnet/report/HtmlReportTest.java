package org.ichnet.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {

    @Test
    void writesDecodableFiguresAndASelfContainedReport(@TempDir Path dir) throws Exception {
        RunSummary run = SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "weights <b>searched</b> & fixed");
        Path report = HtmlReport.write(dir, run);

        for (String png : List.of("fig4-accuracy.png", "fig5-precision.png", "roc.png", "scores-by-level.png", "confusion-model1.png",
                "confusion-weightedAverage.png", "training-model1.png")) {
            BufferedImage image = ImageIO.read(dir.resolve(png).toFile());
            assertNotNull(image, png + " is not a readable PNG");
            assertTrue(image.getWidth() > 100 && image.getHeight() > 100, png);
        }
        String html = Files.readString(report);
        assertEquals(4 + 5 + 1, count(html, "src=\"data:image/png;base64,iVBORw0KGgo"), "ten embedded PNGs");
        assertFalse(html.contains("src=\"fig"), "no links to external files");
        assertTrue(html.contains("cf. paper Table 2"));
        assertTrue(html.contains("Table 4 but the table is missing"));
        assertTrue(html.contains("<td class=paper>86.67</td>"), "paper's model 1 ICH precision beside ours");
        assertTrue(html.contains("<td class=paper>1441</td>"), "paper's Table 1 count");
        assertTrue(html.contains("How to cite / paste"));
        assertTrue(html.contains("weights &lt;b&gt;searched&lt;/b&gt; &amp; fixed"), "notes are escaped");
        assertTrue(html.contains("test machine &lt;cpu&gt;"));
        assertFalse(html.contains("class=leaky"));
        assertTrue(html.contains("Split by patient"));
        String summary = html.substring(html.indexOf("<h2>Summary</h2>"), html.indexOf("<h2>Per-class results</h2>"));
        int headers = count(summary, "<th");
        for (String row : summary.split("<tr>")) {
            if (row.contains("<td")) assertEquals(headers, count(row, "<td"), "one cell per column: " + row);
        }
    }

    @Test
    void sliceProtocolShowsTheLeakyBanner(@TempDir Path dir) throws Exception {
        String html = Files.readString(HtmlReport.write(dir, SyntheticRun.build(RunSummary.SLICE_PROTOCOL, "n")));
        assertTrue(html.contains("<div class=leaky>LEAKY: slices of one patient in both train and test"));
        assertFalse(html.contains("Split by patient"));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void anEnsembleWithEqualWeightsIsNotSaidToBeSearched(@TempDir Path dir) throws Exception {
        RunSummary run = SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "note");
        EnsembleSummary searched = run.ensemble();
        org.ichnet.ensemble.SearchResult equal = new org.ichnet.ensemble.SearchResult(new double[]{1, 1, 1},
                new double[]{1.0 / 3, 1.0 / 3, 1.0 / 3}, 0.5, 1, org.ichnet.ensemble.Combiner.WEIGHTED_AVERAGE,
                searched.criterion());
        RunSummary equalRun = new RunSummary(run.title(), run.date(), run.machine(), run.protocol(), run.leaky(),
                run.dataset(), run.splits(), run.settings(), run.models(), new EnsembleSummary(searched.criterion(),
                org.ichnet.ensemble.WeightGrid.EQUAL, equal, equal, searched.paperWeightsAverage(), searched.paperWeightsSum()), run.trainingSeconds(),
                run.trainingHistory(), run.calibration(), run.notes());
        String html = Files.readString(HtmlReport.write(dir, equalRun));
        assertTrue(html.contains("averaged with equal weights: nothing was searched"), "equal weights said so");
        assertTrue(html.contains("weightedAverage, equal weights"));
        assertFalse(html.contains("grid-searched"), "no search claimed");
        assertTrue(MetricsJson.toJson(equalRun).path("ensemble").path("selectedOn").asText().startsWith("not searched"));
        assertTrue(Files.readString(HtmlReport.write(dir.resolve("s"), run)).contains("grid-searched over"));
    }
}
