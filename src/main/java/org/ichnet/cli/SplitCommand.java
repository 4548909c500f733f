package org.ichnet.cli;

import org.ichnet.data.CtDataset;
import org.ichnet.data.CtSlice;
import org.ichnet.data.DataSource;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.split.Role;
import org.ichnet.split.Split;
import org.ichnet.split.SplitCsv;
import org.ichnet.split.Splits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code ichnet split}: writes a train/val/test assignment of every slice to a CSV file. */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Split a data folder into train, val and test and write patient,slice,role to a CSV file.")
public final class SplitCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--protocol", defaultValue = "patient", paramLabel = "patient|slice",
            description = "patient: all slices of a patient in one role, stratified by the patient's rarest class (default); "
                    + "slice: the paper's random slice split (leaky: neighbouring slices land in train and test)")
    String protocol;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Split file to write")
    Path out;

    @Option(names = "--val", defaultValue = "0.15", description = "Validation fraction (default: ${DEFAULT-VALUE})")
    double val;

    @Option(names = "--test", defaultValue = "0.2", description = "Test fraction (default: ${DEFAULT-VALUE})")
    double test;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!(val >= 0 && test >= 0 && val + test < 1)) {
            throw new ParameterException(spec.commandLine(), "--val and --test must be >= 0 with a sum below 1");
        }
        CtDataset dataset = data.read();
        Split split = switch (protocol) {
            case "patient" -> Splits.byPatient(dataset, val, test, seed);
            case "slice" -> Splits.bySlice(dataset, val, test, seed);
            default -> throw new ParameterException(spec.commandLine(), "--protocol must be patient or slice, got '" + protocol + "'");
        };
        SplitCsv.write(out, split, dataset);
        PrintWriter w = spec.commandLine().getOut();
        printCounts(w, split, dataset);
        w.printf("wrote %s%n", out);
        w.flush();
        data.warn(spec.commandLine().getErr(), dataset.problems());
        return 0;
    }

    private static void printCounts(PrintWriter out, Split split, CtDataset dataset) {
        out.printf("split by %s, seed %d%s%n", split.protocol(), split.seed(),
                split.leaky() ? " (leaky: one patient's slices may be in several roles)" : "");
        out.printf("%-6s %7s %9s %8s %6s %6s %6s%n", "role", "slices", "patients", "NORMAL", "ICH", "SDH", "EDH");
        for (Role role : split.rolesInUse()) {
            List<CtSlice> slices = split.select(dataset.slices(), role);
            Map<HemorrhageClass, Integer> perClass = new HashMap<>();
            slices.forEach(s -> perClass.merge(s.label(), 1, Integer::sum));
            Set<String> patients = split.patients(dataset.slices(), role);
            out.printf("%-6s %7d %9d %8d %6d %6d %6d%n", role.csvName(), slices.size(), patients.size(),
                    perClass.getOrDefault(HemorrhageClass.NORMAL, 0), perClass.getOrDefault(HemorrhageClass.ICH, 0),
                    perClass.getOrDefault(HemorrhageClass.SDH, 0), perClass.getOrDefault(HemorrhageClass.EDH, 0));
        }
        if (dataset.sources().size() > 1) printPatientsPerSource(out, split, dataset);
    }

    private static void printPatientsPerSource(PrintWriter out, Split split, CtDataset dataset) {
        out.printf("%npatients per source:%n");
        for (DataSource source : dataset.sources()) {
            StringBuilder line = new StringBuilder(String.format("%-14s", source.name()));
            for (Role role : split.rolesInUse()) {
                long n = split.patients(dataset.slices(), role).stream()
                        .filter(p -> dataset.sourceOf(p).equals(source.name())).count();
                line.append(String.format(" %s %d", role.csvName(), n));
            }
            out.println(line);
        }
    }
}
