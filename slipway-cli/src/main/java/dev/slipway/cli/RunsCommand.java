package dev.slipway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slipway runs}: the recorded trainings and tunings. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "List, show and compare training runs.",
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsCompareCommand.class},
        footer = {"", "Example:", "  slipway runs list && slipway runs compare 3f9a 7c21"})
final class RunsCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
