package dev.slipway.cli;

import picocli.CommandLine;

/** Entry point of the {@code slipway} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (see {@link ExitCode}). */
    public static int run(String... args) {
        // The server's log lines: one line each, time first.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty(
                    "java.util.logging.SimpleFormatter.format",
                    "%1$tFT%1$tT %4$s %3$s: %5$s%6$s%n");
        }
        CommandLine cli = new CommandLine(new SlipwayCommand());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler(new UsageErrorReporter());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }
}
