package org.ichnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A one-line description of the machine a benchmark ran on: CPU model, cores, vector extensions, OS. */
public final class Machine {
    private static final List<String> FLAGS_OF_INTEREST = List.of("avx2", "avx512f", "avx512_bf16", "amx_bf16");

    private Machine() {
    }

    public static String describe() {
        String cpu = System.getProperty("os.arch");
        List<String> flags = new ArrayList<>();
        try {
            Path info = Path.of("/proc/cpuinfo");
            if (Files.isReadable(info)) {
                for (String line : Files.readAllLines(info)) {
                    if (line.startsWith("model name") && cpu.equals(System.getProperty("os.arch"))) {
                        cpu = line.substring(line.indexOf(':') + 1).trim();
                    } else if (line.startsWith("flags") && flags.isEmpty()) {
                        Set<String> present = Set.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                        FLAGS_OF_INTEREST.stream().filter(present::contains).forEach(flags::add);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // keep what we have: the description is informative only
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores"
                + (flags.isEmpty() ? "" : ", " + String.join(" ", flags))
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", Java " + Runtime.version().feature();
    }
}
