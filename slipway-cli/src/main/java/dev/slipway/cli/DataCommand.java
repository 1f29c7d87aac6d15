package dev.slipway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slipway data}: the data layer's commands. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description =
                "Import, inspect, validate and split datasets (immutable, versioned Parquet).",
        subcommands = {
            DataImportCommand.class,
            DataListCommand.class,
            DataShowCommand.class,
            DataHeadCommand.class,
            DataHistoryCommand.class,
            DataExportCommand.class,
            DataProfileCommand.class,
            DataValidateCommand.class,
            DataSplitCommand.class
        },
        footer = {
            "",
            "Example:",
            "  slipway data import adult.csv --name adult && slipway data profile adult"
        })
final class DataCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
