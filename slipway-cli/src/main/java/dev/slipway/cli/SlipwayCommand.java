package dev.slipway.cli;

import picocli.CommandLine.Command;

/** The {@code slipway} command: its subcommands are the layers a user works with. */
@Command(
        name = "slipway",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Slipway: from data to a monitored production model API, in one tool.",
        subcommands = {
            DataCommand.class,
            TrainCommand.class,
            PredictCommand.class,
            TuneCommand.class,
            RunsCommand.class,
            ModelsCommand.class,
            ServeCommand.class,
            MonitorCommand.class,
            ServerCommand.class,
            TokensCommand.class,
            QuickstartCommand.class
        },
        footer = {
            "",
            "Examples:",
            "  slipway quickstart",
            "  slipway data import adult.csv --name adult",
            "  slipway data profile adult",
            "  slipway train --data adult --target income --alias champion",
            "  slipway models show adult@champion",
            "  slipway serve",
            "  slipway monitor drift --model adult --from 2026-12-01 --window 1d",
            "",
            "Every command takes --home DIR (default: $SLIPWAY_HOME or ~/.slipway) and --help.",
            "Exit codes: 0 ok, 1 check failed, 2 usage, 3 invalid input, 4 not found,",
            "5 conflict, 6 corrupt or newer data, 7 store unavailable, 8 server unavailable,",
            "9 access denied, 70 internal error."
        })
final class SlipwayCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
