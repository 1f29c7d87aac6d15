package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slipway.serve.security.ApiToken;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code slipway tokens list}. */
@Command(
        name = "list",
        description =
                "List the API tokens with their ids, scopes and creation times (never secrets).",
        footer = {"", "Examples:", "  slipway tokens list", "  slipway tokens list --json"})
final class TokensListCommand extends LayerCommand {

    @Override
    int run(Services services) {
        List<ApiToken> all = TokensCommand.tokens(services).list();
        if (json) {
            ArrayNode a = Output.array();
            all.forEach(t -> a.add(TokensCommand.view(t)));
            Output.json(out(), a);
            return ExitCode.OK;
        }
        if (all.isEmpty()) {
            out().println(
                            "No API tokens yet. Create one with: slipway tokens create --name NAME --scope predict");
            out().flush();
            return ExitCode.OK;
        }
        Output.table(
                out(),
                List.of("NAME", "ID", "SCOPES", "CREATED"),
                all.stream()
                        .map(
                                t ->
                                        List.of(
                                                t.name(),
                                                t.id(),
                                                TokensCommand.scopes(t),
                                                t.createdAt().toString()))
                        .toList());
        return ExitCode.OK;
    }
}
