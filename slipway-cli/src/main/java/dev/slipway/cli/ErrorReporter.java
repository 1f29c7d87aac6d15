package dev.slipway.cli;

import dev.slipway.api.AccessDeniedException;
import dev.slipway.api.ConflictException;
import dev.slipway.api.CorruptDataException;
import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.SlipwayException;
import dev.slipway.api.StoreException;
import dev.slipway.api.UnavailableException;
import picocli.CommandLine;

/**
 * Maps every error to a message on stderr and an exit code: the one place where errors meet the
 * command line. A user sees one line saying what was wrong and how to fix it, never a stack trace
 * (set SLIPWAY_DEBUG=1 to see one).
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(
            Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        if (System.getenv("SLIPWAY_DEBUG") != null) {
            ex.printStackTrace(cli.getErr());
        }
        if (ex instanceof SlipwayException se) {
            cli.getErr().println("error: " + se.getMessage());
            return exitCode(se);
        }
        cli.getErr()
                .println(
                        "internal error: "
                                + ex
                                + "\nThis is a bug in Slipway; please report it with the command you ran (run with SLIPWAY_DEBUG=1 for details).");
        return ExitCode.INTERNAL;
    }

    static int exitCode(SlipwayException e) {
        return switch (e) {
            case InvalidInputException x -> ExitCode.INVALID_INPUT;
            case NotFoundException x -> ExitCode.NOT_FOUND;
            case ConflictException x -> ExitCode.CONFLICT;
            case CorruptDataException x -> ExitCode.CORRUPT;
            case IncompatibleFormatException x -> ExitCode.CORRUPT;
            case StoreException x -> ExitCode.STORE;
            case UnavailableException x -> ExitCode.UNAVAILABLE;
            case AccessDeniedException x -> ExitCode.ACCESS_DENIED;
        };
    }
}
