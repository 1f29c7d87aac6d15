package dev.slipway.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Reports a wrong command line: the problem, then where to find the usage. Exit code 2. */
final class UsageErrorReporter implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("error: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("See '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCode.USAGE;
    }
}
