package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.serve.security.ApiToken;
import dev.slipway.serve.security.Scope;
import dev.slipway.serve.security.Tokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slipway tokens}: the API tokens of the model server. */
@Command(
        name = "tokens",
        mixinStandardHelpOptions = true,
        description =
                "Create, list and revoke the API tokens the model server accepts (scopes: predict, admin).",
        subcommands = {
            TokensCreateCommand.class,
            TokensListCommand.class,
            TokensRevokeCommand.class
        },
        footer = {
            "",
            "Examples:",
            "  slipway tokens create --name ci-deploy --scope predict",
            "  slipway tokens list",
            "  slipway tokens revoke ci-deploy",
            "",
            "Clients send a token as the header 'Authorization: Bearer <secret>'."
        })
final class TokensCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The tokens of the home the command opened. */
    static Tokens tokens(Services services) {
        return new Tokens(services.home(), Clock.systemUTC(), new SecureRandom());
    }

    /** A token as JSON, without any secret. */
    static ObjectNode view(ApiToken t) {
        ObjectNode n = Output.object();
        n.put("id", t.id());
        n.put("name", t.name());
        ArrayNode scopes = n.putArray("scopes");
        t.scopes().forEach(s -> scopes.add(s.label()));
        n.put("created_at", t.createdAt().toString());
        return n;
    }

    /** The scopes for people: {@code predict,admin}. */
    static String scopes(ApiToken t) {
        return t.scopes().stream().map(Scope::label).collect(Collectors.joining(","));
    }
}
