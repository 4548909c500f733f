package org.ichnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Peak resident memory of this process: {@code VmHWM} of {@code /proc/self/status} (Linux), which
 * includes the JVM itself and its heap as far as it was touched, plus TensorFlow's native memory.
 */
public final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {
    }

    /** Peak resident set in MiB, or empty where {@code /proc/self/status} does not exist. */
    public static OptionalDouble residentMb() {
        try {
            return Files.isReadable(STATUS) ? parse(Files.readString(STATUS)) : OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
    }

    /** The {@code VmHWM:  123456 kB} line of a status file, in MiB. */
    static OptionalDouble parse(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equals("kB")) return OptionalDouble.of(Long.parseLong(parts[0]) / 1024.0);
            }
        }
        return OptionalDouble.empty();
    }
}
