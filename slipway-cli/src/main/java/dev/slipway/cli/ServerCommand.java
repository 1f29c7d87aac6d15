package dev.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slipway server}: a running model server, through its management API. */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description =
                "Ask a running model server (slipway serve) what it serves, load and unload models.",
        subcommands = {
            ServerInfoCommand.class,
            ServerModelsCommand.class,
            ServerLoadCommand.class,
            ServerUnloadCommand.class
        },
        footer = {
            "",
            "Examples:",
            "  slipway server info",
            "  slipway server models --server https://models.example.com --token $SECRET",
            "  slipway server load adult-income --ref adult-income@challenger",
            "  slipway models alias set adult-income champion 3 --server URL",
            "",
            "Every command takes --server URL (default: $SLIPWAY_SERVER, else",
            ServerClient.DEFAULT_URL + "), --token SECRET (default: $SLIPWAY_TOKEN) and --json.",
            "When the server requires tokens, reading needs the predict scope, changes admin."
        })
final class ServerCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code /api/v1/models/NAME}. */
    static String modelPath(String name) {
        return "/api/v1/models/" + ServerClient.segment(name);
    }

    /** A served model for people: {@code adult-income@champion, version 3 (xgboost, ready)}. */
    static String describe(JsonNode served) {
        String version =
                served.path("version").isInt()
                        ? "version " + served.path("version").asInt()
                        : "no version loaded";
        String format = served.path("format").asText("");
        String state = served.path("state").asText("unknown");
        return "%s, %s (%s%s)"
                .formatted(
                        served.path("ref").asText(),
                        version,
                        format.isEmpty() ? "" : format + ", ",
                        state);
    }

    /** What {@code name} is served as, or why not, for a line after a change. */
    static String servedLine(ServerClient client, String name, JsonNode served) {
        if (served == null || served.isNull() || served.isMissingNode()) {
            return "Server %s does not serve %s (serve it with 'slipway server load %s --ref %s@champion')"
                    .formatted(client.url(), name, name, name);
        }
        return "Server %s serves %s".formatted(client.url(), describe(served));
    }

    /** The served models as a table. */
    static List<List<String>> rows(JsonNode models) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode m : models) {
            rows.add(
                    List.of(
                            m.path("name").asText(),
                            m.path("ref").asText(),
                            m.path("version").isInt()
                                    ? String.valueOf(m.path("version").asInt())
                                    : "-",
                            m.path("state").asText(),
                            text(m.path("format")),
                            text(m.path("loaded_at")),
                            String.format(Locale.ROOT, "%d", m.path("queued_rows").asLong()),
                            text(m.path("last_error"))));
        }
        return rows;
    }

    static final List<String> HEADER =
            List.of("MODEL", "REF", "VERSION", "STATE", "FORMAT", "LOADED", "QUEUED", "LAST ERROR");

    private static String text(JsonNode n) {
        return n.isNull() || n.isMissingNode() || n.asText().isEmpty() ? "-" : n.asText();
    }
}
