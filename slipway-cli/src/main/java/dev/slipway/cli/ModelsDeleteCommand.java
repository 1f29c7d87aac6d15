package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.ModelSummary;
import dev.slipway.registry.ModelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway models delete REF [--all] [--force]}. */
@Command(
        name = "delete",
        description = {
            "Delete a version (NAME/3, NAME@ALIAS), or with --all a whole model (NAME).",
            "A version an alias points to is kept unless --force is given, which deletes the alias",
            "too. Version numbers are never given again; the package files stay in the blob store."
        },
        footer = {
            "",
            "Examples:",
            "  slipway models delete adult-income/2",
            "  slipway models delete adult-income/3 --force",
            "  slipway models delete adult-income --all --force"
        })
final class ModelsDeleteCommand extends LayerCommand {

    @Parameters(
            index = "0",
            paramLabel = "REF",
            description = "NAME/VERSION, NAME@ALIAS, or NAME with --all.")
    String ref;

    @Option(names = "--all", description = "Delete the whole model named by a bare NAME.")
    boolean all;

    @Option(names = "--force", description = "Delete even when aliases point there; they go too.")
    boolean force;

    @Override
    int run(Services services) {
        ModelRegistry registry = services.registry();
        return switch (ModelRef.parse(ref)) {
            case ModelRef.Latest l -> deleteModel(registry, l.name());
            case ModelRef.Version v -> deleteVersion(registry, registry.resolve(v));
            case ModelRef.Alias a -> deleteVersion(registry, registry.resolve(a));
        };
    }

    private int deleteModel(ModelRegistry registry, String name) {
        ModelSummary model = registry.model(name);
        if (!all) {
            throw InvalidInputException.of(
                    ref,
                    "'%s' names the whole model (%s); to delete it add --all, to delete one version write %s/VERSION ('slipway models versions %s' lists them)"
                            .formatted(
                                    name, Output.count(model.versions(), "version"), name, name));
        }
        registry.deleteModel(name, force);
        if (json) {
            Output.json(
                    out(),
                    Output.object()
                            .put("deleted", name)
                            .put("kind", "model")
                            .put("versions", model.versions()));
            return ExitCode.OK;
        }
        out().printf(
                        "Deleted model %s with its %s%s%n",
                        name,
                        Output.count(model.versions(), "version"),
                        model.aliases().isEmpty()
                                ? ""
                                : " and aliases " + ModelViews.aliases(model.aliases()));
        out().flush();
        return ExitCode.OK;
    }

    private int deleteVersion(ModelRegistry registry, ModelVersion v) {
        if (all) {
            throw InvalidInputException.of(
                    "--all",
                    "--all deletes a whole model, but '%s' names one version; give the bare name %s to delete the model, or leave out --all"
                            .formatted(ref, v.name()));
        }
        registry.deleteVersion(v.name(), v.version(), force);
        if (json) {
            var n = Output.object().put("deleted", v.toString()).put("kind", "version");
            v.aliases().forEach(n.putArray("aliases_deleted")::add);
            Output.json(out(), n);
            return ExitCode.OK;
        }
        out().printf(
                        "Deleted %s%s%n",
                        v,
                        v.aliases().isEmpty()
                                ? ""
                                : " and its aliases " + String.join(", ", v.aliases()));
        out().flush();
        return ExitCode.OK;
    }
}
