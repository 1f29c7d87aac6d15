package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.registry.ModelVersion;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway models alias set NAME ALIAS VERSION}. */
@Command(
        name = "set",
        description =
                "Point ALIAS of model NAME at VERSION, creating the alias or moving it in one step.",
        footer = {"", "Example:", "  slipway models alias set adult-income champion 3"})
final class ModelsAliasSetCommand extends LayerCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    String name;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias, e.g. champion.")
    String alias;

    @Parameters(index = "2", paramLabel = "VERSION", description = "The version number.")
    String version;

    @Override
    int run(Services services) {
        ModelRef.Version target = parseVersion(name, version);
        Optional<Integer> before =
                Optional.ofNullable(services.registry().model(name).aliases().get(alias));
        ModelVersion v = services.registry().setAlias(name, alias, target.version());
        if (json) {
            Output.json(out(), ModelViews.version(v).put("alias", alias));
            return ExitCode.OK;
        }
        out().printf(
                        "%s@%s -> %s%s%n",
                        name,
                        alias,
                        v,
                        before.map(b -> " (was " + name + "/" + b + ")").orElse(""));
        out().flush();
        return ExitCode.OK;
    }

    /** {@code VERSION} as a number; an alias is refused with the fix. */
    static ModelRef.Version parseVersion(String name, String version) {
        try {
            return new ModelRef.Version(name, Integer.parseInt(version.strip()));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(
                    "VERSION",
                    "'%s' is not a version number; give the number, e.g. 'slipway models alias set %s ALIAS 3' ('slipway models versions %s' lists them)"
                            .formatted(version, name, name));
        }
    }
}
