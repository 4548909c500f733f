package org.ichnet.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** Every command's --help renders without picocli warnings (an unescaped % in a description makes one). */
class HelpTextTest {

    @Test
    void noCommandsHelpWarns() {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream(), help = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine main = new CommandLine(new Main());
            PrintStream helpOut = new PrintStream(help, true, StandardCharsets.UTF_8);
            main.usage(helpOut);
            main.getSubcommands().values().forEach(sub -> sub.usage(helpOut));
        } finally {
            System.setErr(oldErr);
        }
        String warnings = err.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("WARN"), warnings);
        assertTrue(help.toString(StandardCharsets.UTF_8).contains("with 95% CIs"), "compare's % is shown as written");
    }

    @Test
    void theTopLevelHelpIsQuietToo() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        assertFalse(run.err().contains("WARN"), run.err());
        assertTrue(run.out().contains("compare"), run.out());
    }
}
