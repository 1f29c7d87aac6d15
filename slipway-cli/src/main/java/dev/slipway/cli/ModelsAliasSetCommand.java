package dev.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.UnavailableException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.registry.ModelVersion;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway models alias set NAME ALIAS VERSION}. */
@Command(
        name = "set",
        description =
                "Point ALIAS of model NAME at VERSION, creating the alias or moving it in one step.",
        footer = {
            "",
            "Examples:",
            "  slipway models alias set adult-income champion 3",
            "  slipway models alias set adult-income champion 3 --server 10.0.0.5:8080",
            "",
            "With --server the server moves the alias and switches to the version before it",
            "answers; the command then prints what the server serves."
        })
final class ModelsAliasSetCommand extends ServerOrHomeCommand {

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

    @Override
    int run(ServerClient client) {
        ModelRef.Version target = parseVersion(name, version);
        String model = ServerCommand.modelPath(name);
        Optional<Integer> before =
                Optional.of(client.get(model).path("aliases").path(alias))
                        .filter(JsonNode::isInt)
                        .map(JsonNode::asInt);
        JsonNode moved =
                client.put(
                        model + "/aliases/" + ServerClient.segment(alias),
                        Output.object().put("version", target.version()));
        JsonNode served = moved.path("served");
        boolean follows = served.path("ref").asText().equals(name + "@" + alias);
        boolean switched = served.path("version").asInt(-1) == target.version();
        if (json) {
            Output.json(out(), moved);
        } else {
            out().printf(
                            "%s@%s -> %s/%d%s%n",
                            name,
                            alias,
                            name,
                            target.version(),
                            before.map(b -> " (was " + name + "/" + b + ")").orElse(""));
            out().println(ServerCommand.servedLine(client, name, served));
            out().flush();
        }
        if (follows && !switched) {
            throw new UnavailableException(
                    "the alias moved, but the server at %s still serves %s: version %d did not load (%s); fix it and run 'slipway server load %s --ref %s@%s'"
                            .formatted(
                                    client.url(),
                                    ServerCommand.describe(served),
                                    target.version(),
                                    served.path("last_error").asText("no reason given"),
                                    name,
                                    name,
                                    alias),
                    Duration.ofSeconds(1));
        }
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
