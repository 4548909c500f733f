package org.ichnet.cli;

import org.ichnet.serve.LoadBenchmark;
import org.ichnet.serve.ModelRegistry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ichnet.bench.Bench;
import org.ichnet.bench.BenchResult;
import org.ichnet.bench.BenchSettings;
import org.ichnet.bench.BenchTable;
import org.ichnet.model.PaperModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ichnet bench}: how fast this machine trains and runs the three CNNs, against its matmul roof. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the fp32 matmul roof, each model's training and inference speed on synthetic images, "
                + "the ensemble's throughput and a 30-slice scan's latency, JPEG decode speed on CT slices, and "
                + "peak memory. Run it on an otherwise idle machine.")
public final class BenchCommand implements Callable<Integer> {

    /** The full CT-ICH release next to the working folder, as the project's machines lay it out. */
    static final Path SHARED_CT_ICH = Path.of("..", "shared", "data", "ct-ich");

    @Option(names = "--json", description = "Print one JSON object instead of a table")
    boolean json;

    @Option(names = "--quick", description = "64x64, a 1024 matmul, fewer repeats: seconds instead of minutes (tests, CI)")
    boolean quick;

    @Option(names = "--size", paramLabel = "N", description = "Image side in pixels (default: 256, or 64 with --quick)")
    Integer size;

    @Option(names = "--batch", paramLabel = "N", description = "Training batch (default: 16, as training uses)")
    Integer batch;

    @Option(names = "--data", paramLabel = "DIR",
            description = "CT slices to decode (default: ../shared/data/ct-ich when present, else the bundled sample)")
    Path data;

    @Option(names = "--fp32", description = "Plain fp32 instead of bf16 mixed precision (what training uses by default)")
    boolean fp32;

    @Option(names = "--variant", defaultValue = "paper", description = "paper (default) or improved")
    String variant;

    @Option(names = "--serve", description = "Instead: load-test ichnet serve in this JVM on a bundled DICOM slice (docs/SERVE.md)")
    boolean serve;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "64", description = "With --serve: concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "With --serve: seconds of load (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--no-progress", negatable = false, description = "No progress lines on stderr")
    boolean noProgress;

    @Option(names = "--verbose", description = "Stack traces on errors")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (serve) return serveLoad();
        PaperModels.Variant v = switch (variant.toLowerCase(Locale.ROOT)) {
            case "paper" -> PaperModels.Variant.PAPER;
            case "improved" -> PaperModels.Variant.IMPROVED;
            default -> throw new ParameterException(spec.commandLine(), "--variant must be paper or improved, not '" + variant + "'");
        };
        if (size != null && (size < 8 || size % 8 != 0)) {
            throw new ParameterException(spec.commandLine(), "--size must be a multiple of 8, got " + size);
        }
        if (batch != null && batch < 1) {
            throw new ParameterException(spec.commandLine(), "--batch must be at least 1, got " + batch);
        }
        BenchSettings settings = BenchSettings.of(quick, size, batch, v, !fp32, dataDir());
        PrintWriter err = spec.commandLine().getErr();
        BenchResult result = Bench.run(settings, noProgress ? null : err);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
        } else {
            BenchTable.print(out, result);
        }
        out.flush();
        return 0;
    }

    private int serveLoad() throws Exception {
        int workers = Runtime.getRuntime().availableProcessors();
        try (ModelRegistry registry = ModelRegistry.load(org.ichnet.predict.ShippedModels.installed())) {
            Path dicom = BundledSample.locateDicom();
            new LoadBenchmark(registry, dicom, workers, spec.commandLine().getOut()).run(clients, seconds);
        }
        return 0;
    }

    private Path dataDir() {
        if (data != null) return data;
        return Files.isDirectory(SHARED_CT_ICH) ? SHARED_CT_ICH.toAbsolutePath().normalize() : BundledSample.locate();
    }
}
