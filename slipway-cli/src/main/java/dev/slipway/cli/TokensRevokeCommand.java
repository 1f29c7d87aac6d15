package dev.slipway.cli;

import dev.slipway.api.NotFoundException;
import dev.slipway.serve.security.ApiToken;
import dev.slipway.serve.security.Tokens;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway tokens revoke NAME|ID}. */
@Command(
        name = "revoke",
        description =
                "Revoke an API token: running servers stop accepting it within a few seconds.",
        footer = {
            "",
            "Examples:",
            "  slipway tokens revoke ci-deploy",
            "  slipway tokens revoke 3f9c0a1b2d4e --json"
        })
final class TokensRevokeCommand extends LayerCommand {

    @Parameters(index = "0", paramLabel = "NAME|ID", description = "The token's name or id.")
    String nameOrId;

    @Override
    int run(Services services) {
        Tokens tokens = TokensCommand.tokens(services);
        Optional<ApiToken> found = tokens.find(nameOrId);
        if (found.isEmpty() || !tokens.revoke(nameOrId)) {
            throw notFound(tokens.list());
        }
        ApiToken token = found.get();
        if (json) {
            Output.json(out(), TokensCommand.view(token).put("revoked", true));
            return ExitCode.OK;
        }
        out().printf(
                        "Revoked API token %s (id %s). Running servers refuse it within a few seconds.%n",
                        token.name(), token.id());
        out().flush();
        return ExitCode.OK;
    }

    private NotFoundException notFound(List<ApiToken> all) {
        String existing =
                all.isEmpty()
                        ? "there are no API tokens"
                        : "the tokens are "
                                + String.join(
                                        ", ",
                                        all.stream()
                                                .map(t -> t.name() + " (" + t.id() + ")")
                                                .toList());
        return new NotFoundException(
                "API token",
                nameOrId,
                "no API token is named '%s' or has that id: %s. 'slipway tokens list' shows them"
                        .formatted(nameOrId, existing));
    }
}
