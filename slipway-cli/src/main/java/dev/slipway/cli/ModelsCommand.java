package dev.slipway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slipway models}: the model registry's commands. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description =
                "List, show, import, alias, tag, describe, export and delete registered models.",
        subcommands = {
            ModelsListCommand.class,
            ModelsShowCommand.class,
            ModelsVersionsCommand.class,
            ModelsImportCommand.class,
            ModelsAliasCommand.class,
            ModelsTagCommand.class,
            ModelsDescribeCommand.class,
            ModelsDeleteCommand.class,
            ModelsExportCommand.class,
            ModelsRegisterPackageCommand.class
        },
        footer = {
            "",
            "Examples:",
            "  slipway models import rf_iris.onnx --name iris",
            "  slipway models alias set iris champion 1 && slipway models show iris@champion"
        })
final class ModelsCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
