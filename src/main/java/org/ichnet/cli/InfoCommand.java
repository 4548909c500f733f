package org.ichnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ichnet.data.CtDataset;
import org.ichnet.data.DatasetSummary;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.preprocess.ImageVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ichnet info}: what a data folder holds, and whether every image decodes. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Count patients, slices and classes of a data folder and check that every image decodes.")
public final class InfoCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--json", description = "Print one JSON object instead of a table")
    boolean json;

    @Option(names = "--quick", description = "Check image headers and end markers only (finds truncated files) instead of decoding every image")
    boolean quick;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CtDataset dataset = data.read();
        boolean showProgress = !json && System.console() != null && dataset.slices().size() >= 500;
        dataset = ImageVerifier.verify(dataset, quick ? ImageVerifier.Mode.QUICK : ImageVerifier.Mode.DECODE,
                data.strict, showProgress);
        DatasetSummary summary = DatasetSummary.of(dataset, data.priority);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
        } else {
            printTable(out, summary);
        }
        out.flush();
        data.warn(spec.commandLine().getErr(), dataset.problems());
        return 0;
    }

    private static void printTable(PrintWriter out, DatasetSummary s) {
        out.printf("data        %s (%s layout)%n", s.dataDir(), s.layout());
        out.printf("patients    %d%n", s.patients());
        out.printf("slices      %d (%d with more than one hemorrhage type)%n", s.slices(), s.multiLabelSlices());
        out.printf("%nclass       slices  patients   (label priority %s)%n", s.labelPriority());
        for (HemorrhageClass c : HemorrhageClass.values()) {
            out.printf("%-10s %7d %9d%n", c, s.classes().get(c), s.classPatients().get(c));
        }
        out.printf("%nhemorrhage types per slice (a slice may have several):%n");
        s.types().forEach((type, n) -> out.printf("  %-18s %5d%n", type, n));
        out.printf("fracture slices      %5d%n", s.fractureSlices());
        if (s.lesionBoxes() > 0) out.printf("lesion boxes         %5d%n", s.lesionBoxes());
        if (s.sources().size() > 1) printSources(out, s.sources());
        if (s.sources().stream().anyMatch(x -> x.layout().equals(CtDataset.LAYOUT_PHE_SICH))) {
            out.printf("%nPHE-SICH labels are weak: ICH = the slice carries a lesion box (every lesion intraparenchymal), "
                    + "so a slice at a hematoma's edge may count as NORMAL%n");
        }
        if (s.sources().stream().anyMatch(x -> x.layout().equals(CtDataset.LAYOUT_IMAGE_LABELS))) {
            out.printf("%nimage-list labels are 0/1 any hemorrhage: 1 is counted as ICH, its type unknown%n");
        }
        out.printf("%nproblems    %d%n", s.problems());
        s.warnings().stream().limit(DataOptions.PROBLEMS_SHOWN).forEach(w -> out.println("  " + w));
    }

    private static void printSources(PrintWriter out, List<DatasetSummary> sources) {
        out.printf("%nper source (patient ids namespaced as SOURCE:PATIENT):%n");
        out.printf("%-14s %8s %7s %7s %6s %6s %6s %6s %8s%n", "source", "patients", "slices", "NORMAL", "ICH", "SDH", "EDH",
                "boxes", "problems");
        for (DatasetSummary x : sources) {
            out.printf("%-14s %8d %7d %7d %6d %6d %6d %6d %8d%n", x.source(), x.patients(), x.slices(),
                    x.classes().get(HemorrhageClass.NORMAL), x.classes().get(HemorrhageClass.ICH),
                    x.classes().get(HemorrhageClass.SDH), x.classes().get(HemorrhageClass.EDH), x.lesionBoxes(), x.problems());
        }
        sources.forEach(x -> out.printf("  %-12s %s%n", x.source(), x.dataDir()));
    }
}
