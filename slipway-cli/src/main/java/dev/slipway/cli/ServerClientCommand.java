package dev.slipway.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every {@code slipway server ...} command shares: the server, the token, {@code --json}. */
abstract class ServerClientCommand implements Callable<Integer> {

    @Option(
            names = "--server",
            paramLabel = "URL",
            defaultValue = "${env:SLIPWAY_SERVER:-" + ServerClient.DEFAULT_URL + "}",
            description =
                    "The server (default: $SLIPWAY_SERVER, else " + ServerClient.DEFAULT_URL + ").")
    String server;

    @Option(
            names = "--token",
            paramLabel = "SECRET",
            description = "API token, when the server requires one (default: $SLIPWAY_TOKEN).")
    Optional<String> token = Optional.empty();

    @Option(names = "--json", description = "Print the server's answer as JSON, for scripts.")
    boolean json;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Spec CommandSpec spec;

    @Override
    public final Integer call() {
        try (ServerClient client = ServerClient.connect(server, token)) {
            return run(client);
        }
    }

    abstract int run(ServerClient client);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
