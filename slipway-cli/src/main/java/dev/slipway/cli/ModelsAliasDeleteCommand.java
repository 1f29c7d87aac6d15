package dev.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway models alias delete NAME ALIAS}. */
@Command(
        name = "delete",
        description = "Delete ALIAS of model NAME; the version it pointed to stays.",
        footer = {
            "",
            "Examples:",
            "  slipway models alias delete adult-income staging",
            "  slipway models alias delete adult-income staging --server 10.0.0.5:8080"
        })
final class ModelsAliasDeleteCommand extends ServerOrHomeCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The model.")
    String name;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias.")
    String alias;

    @Override
    int run(Services services) {
        int was = services.registry().deleteAlias(name, alias);
        if (json) {
            Output.json(
                    out(),
                    Output.object()
                            .put("model", name)
                            .put("alias", alias)
                            .put("deleted", true)
                            .put("version", was));
            return ExitCode.OK;
        }
        out().printf("Deleted %s@%s (it pointed to %s/%d)%n", name, alias, name, was);
        out().flush();
        return ExitCode.OK;
    }

    @Override
    int run(ServerClient client) {
        String model = ServerCommand.modelPath(name);
        int was =
                client.delete(model + "/aliases/" + ServerClient.segment(alias))
                        .path("deleted_from_version")
                        .asInt();
        JsonNode served = client.get(model).path("served");
        if (json) {
            Output.json(
                    out(),
                    Output.object()
                            .put("model", name)
                            .put("alias", alias)
                            .put("deleted", true)
                            .put("version", was)
                            .set("served", served));
            return ExitCode.OK;
        }
        out().printf("Deleted %s@%s (it pointed to %s/%d)%n", name, alias, name, was);
        out().println(ServerCommand.servedLine(client, name, served));
        if (served.path("ref").asText().equals(name + "@" + alias)) {
            out().printf(
                            "Note: the server follows %s@%s, which no longer exists; it keeps serving the version it has. Make it follow another alias with 'slipway server load %s --ref %s@ALIAS --server %s'.%n",
                            name, alias, name, name, client.url());
        }
        out().flush();
        return ExitCode.OK;
    }
}
