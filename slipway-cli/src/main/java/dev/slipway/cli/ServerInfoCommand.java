package dev.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code slipway server info}. */
@Command(
        name = "info",
        description =
                "Show the server: its version, ports, whether it needs tokens, batching, and the models it serves.",
        footer = {
            "",
            "Examples:",
            "  slipway server info",
            "  slipway server info --server http://10.0.0.5:8080 --token $SLIPWAY_TOKEN --json"
        })
final class ServerInfoCommand extends ServerClientCommand {

    @Override
    int run(ServerClient client) {
        JsonNode info = client.get("/api/v1/server");
        if (json) {
            Output.json(out(), info);
            return ExitCode.OK;
        }
        JsonNode b = info.path("batching");
        JsonNode grpc = info.path("grpc_port");
        JsonNode models = info.path("models");
        out().printf(
                        Locale.ROOT,
                        "Server    %s (%s %s, started %s)%n",
                        client.url(),
                        info.path("name").asText("slipway"),
                        info.path("version").asText("?"),
                        info.path("started").asText("?"));
        out().printf(Locale.ROOT, "Home      %s%n", info.path("home").asText("?"));
        out().printf(Locale.ROOT, "Ready     %s%n", info.path("ready").asBoolean() ? "yes" : "no");
        out().printf(Locale.ROOT, "gRPC      %s%n", grpc.isInt() ? "port " + grpc.asInt() : "off");
        out().printf(Locale.ROOT, "TLS       %s%n", info.path("tls").asBoolean() ? "on" : "off");
        out().printf(
                        Locale.ROOT,
                        "Tokens    %s%n",
                        info.path("tokens_required").asBoolean() ? "required" : "off");
        out().printf(
                        Locale.ROOT,
                        "Batching  up to %d rows, delay %d ms, queue %d rows, timeout %d ms, %d workers per model%n",
                        b.path("max_batch_rows").asLong(),
                        b.path("max_delay_ms").asLong(),
                        b.path("queue_capacity_rows").asLong(),
                        b.path("timeout_ms").asLong(),
                        b.path("workers").asLong());
        out().printf(Locale.ROOT, "Models    %s served%n", models.size());
        for (JsonNode m : models) {
            out().printf(
                            Locale.ROOT,
                            "  %s: %s%n",
                            m.path("name").asText(),
                            ServerCommand.describe(m));
        }
        out().flush();
        return ExitCode.OK;
    }
}
