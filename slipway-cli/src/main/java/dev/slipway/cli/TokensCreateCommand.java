package dev.slipway.cli;

import dev.slipway.serve.security.CreatedToken;
import dev.slipway.serve.security.Scope;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway tokens create --name NAME --scope SCOPE[,SCOPE]}. */
@Command(
        name = "create",
        description =
                "Create an API token and print its secret, once: Slipway keeps only a hash of it.",
        footer = {
            "",
            "Scopes: predict (ask for predictions), admin (manage the server; includes predict).",
            "",
            "Examples:",
            "  slipway tokens create --name ci-deploy --scope predict",
            "  slipway tokens create --name ops --scope admin --json"
        })
final class TokensCreateCommand extends LayerCommand {

    @Option(
            names = "--name",
            required = true,
            paramLabel = "NAME",
            description = "A unique name: 1 to 64 letters, digits, '-', '_' or '.'.")
    String name;

    @Option(
            names = "--scope",
            required = true,
            split = ",",
            paramLabel = "SCOPE",
            description = "What the token may do: predict, admin, or both as predict,admin.")
    List<String> scopes;

    @Override
    int run(Services services) {
        Set<Scope> parsed = EnumSet.noneOf(Scope.class);
        scopes.forEach(s -> parsed.add(Scope.parse(s)));
        CreatedToken created = TokensCommand.tokens(services).create(name, parsed);
        if (json) {
            Output.json(
                    out(),
                    TokensCommand.view(created.token())
                            .put("secret", created.secret())
                            .put(
                                    "note",
                                    "the secret cannot be shown again; send it as 'Authorization: Bearer <secret>'"));
            return ExitCode.OK;
        }
        out().printf(
                        "Created API token %s (id %s, scopes %s).%n%n  %s%n%n",
                        created.token().name(),
                        created.token().id(),
                        TokensCommand.scopes(created.token()),
                        created.secret());
        out().println(
                        "Store this secret now: it cannot be shown again (Slipway keeps only its hash).");
        out().println(
                        "Clients send it with every request as the header: Authorization: Bearer <secret>");
        out().flush();
        return ExitCode.OK;
    }
}
