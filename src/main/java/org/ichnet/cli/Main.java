package org.ichnet.cli;

import org.ichnet.api.IchnetException;
import org.ichnet.data.DataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ichnet} command line. */
@Command(name = "ichnet", mixinStandardHelpOptions = true, version = "ichnet 0.1.0",
        description = "Intracranial hemorrhage classification on head CT with a weighted-average ensemble of three 2D CNNs.",
        subcommands = {
                CommandLine.HelpCommand.class,
                InfoCommand.class,
                SplitCommand.class,
                ReproduceCommand.class,
                TrainCommand.class,
                EnsembleCommand.class,
                EvaluateCommand.class,
                CvCommand.class,
                BenchCommand.class,
                PredictCommand.class,
                ExportCommand.class,
                CompareCommand.class,
                TestCommand.class,
                ServeCommand.class,
        })
public final class Main implements Runnable {

    /** Exit code for bad input (a missing or corrupt file, a bad header, a strict-mode problem): {@code DataException} or {@code IchnetException}. */
    public static final int EXIT_BAD_INPUT = 2;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handleFailure);
        return cli.execute(args);
    }


    private static int handleFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.originalArgs().contains("--verbose");
        if (verbose) {
            e.printStackTrace(cmd.getErr());
        }
        if (e instanceof DataException || e instanceof IchnetException) {
            cmd.getErr().println("ichnet: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        cmd.getErr().println("ichnet: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        return 1;
    }
}
