package dev.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway server load NAME [--ref REF]}. */
@Command(
        name = "load",
        description =
                "Serve model NAME following REF: the server loads the version REF points to, and switches when the alias moves. A model already served switches to REF.",
        footer = {
            "",
            "Examples:",
            "  slipway server load adult-income",
            "  slipway server load adult-income --ref adult-income@challenger",
            "  slipway server load adult-income --ref adult-income/3   (pin a version)"
        })
final class ServerLoadCommand extends ServerClientCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    String name;

    @Option(
            names = "--ref",
            paramLabel = "REF",
            description =
                    "What to follow: NAME@ALIAS or NAME/VERSION (default: NAME@champion, else its first alias).")
    Optional<String> ref = Optional.empty();

    @Override
    int run(ServerClient client) {
        ObjectNode body = Output.object();
        ref.ifPresent(r -> body.put("ref", r.strip()));
        JsonNode served = client.post(ServerCommand.modelPath(name) + "/load", body);
        if (json) {
            Output.json(out(), served);
            return ExitCode.OK;
        }
        out().printf(
                        Locale.ROOT,
                        "Serving %s as %s, loaded in %d ms%n",
                        name,
                        ServerCommand.describe(served),
                        served.path("load_ms").asLong());
        out().flush();
        return ExitCode.OK;
    }
}
