package dev.slipway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slipway models alias}: names that point at a version, such as {@code champion}. */
@Command(
        name = "alias",
        mixinStandardHelpOptions = true,
        description = "Point an alias (e.g. champion) at a version, or delete it.",
        subcommands = {ModelsAliasSetCommand.class, ModelsAliasDeleteCommand.class},
        footer = {
            "",
            "Example:",
            "  slipway models alias set adult-income champion 3 && slipway models show adult-income@champion"
        })
final class ModelsAliasCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
