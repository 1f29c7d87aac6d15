package dev.slipway.cli;

import dev.slipway.api.model.ModelRef;
import dev.slipway.registry.ModelManifest;
import dev.slipway.registry.ModelVersion;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway models register-package DIR --name NAME}. */
@Command(
        name = "register-package",
        description = {
            "Register a package folder written by 'slipway models export' (possibly from another",
            "home) as a new version, after checking every file against the manifest's sha256."
        },
        footer = {
            "",
            "Example:",
            "  slipway models register-package ./adult-income-pkg --name adult-income"
        })
final class ModelsRegisterPackageCommand extends LayerCommand {

    @Parameters(index = "0", paramLabel = "DIR", description = "The package folder.")
    Path dir;

    @Option(
            names = "--name",
            required = true,
            paramLabel = "NAME",
            description = "The model's name.")
    String name;

    @Option(
            names = "--description",
            paramLabel = "TEXT",
            description = "The version's description.")
    String description = "";

    @Option(
            names = "--tag",
            paramLabel = "KEY=VALUE",
            description = "A tag of the version. Repeatable.")
    Map<String, String> tags = new LinkedHashMap<>();

    @Override
    int run(Services services) {
        ModelRef.requireValidName(name);
        ModelVersion v = services.registry().registerPackage(dir, name, description.strip(), tags);
        ModelManifest m = services.registry().manifest(v);
        if (json) {
            Output.json(out(), ModelViews.version(v).set("manifest", ModelViews.manifest(m)));
            return ExitCode.OK;
        }
        out().printf("Registered %s as %s%n", dir, v);
        out().printf("  format:    %s, runtime %s%n", m.modelFormat(), m.runtime());
        out().printf("  signature: %s%n", ModelViews.signatureLine(m.signature()));
        out().printf("  from:      %s%n", ModelViews.origin(v.lineage()));
        out().flush();
        return ExitCode.OK;
    }
}
