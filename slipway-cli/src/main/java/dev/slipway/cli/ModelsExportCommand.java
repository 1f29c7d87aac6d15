package dev.slipway.cli;

import dev.slipway.api.model.ModelRef;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.ModelVersion;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway models export REF DIR}. */
@Command(
        name = "export",
        description = {
            "Write a version's package into a folder: manifest.json and the model files, each",
            "checked against its sha256. 'slipway models register-package' reads it back."
        },
        footer = {
            "",
            "Example:",
            "  slipway models export adult-income@champion ./adult-income-pkg"
        })
final class ModelsExportCommand extends LayerCommand {

    @Parameters(index = "0", paramLabel = "REF", description = "NAME, NAME/VERSION or NAME@ALIAS.")
    String ref;

    @Parameters(
            index = "1",
            paramLabel = "DIR",
            description = "The folder to write (new or empty).")
    Path dir;

    @Override
    int run(Services services) {
        ModelVersion v = services.registry().resolve(ModelRef.parse(ref));
        ModelManifest m = services.registry().manifest(v);
        Path target = dir.toAbsolutePath().normalize();
        services.registry().exportPackage(v, target);
        if (json) {
            Output.json(
                    out(),
                    ModelViews.version(v)
                            .put("exported_to", target.toString())
                            .put("files", m.files().size() + 1));
            return ExitCode.OK;
        }
        out().printf("Exported %s to %s: manifest.json and%n", v, target);
        ModelViews.printFiles(out(), m.files());
        out().flush();
        return ExitCode.OK;
    }
}
