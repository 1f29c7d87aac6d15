package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.store.SlipwayHome;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A registry command that acts on the home, or with {@code --server URL} on a running server
 * through its management API (the server's home then; no local home is opened).
 */
abstract class ServerOrHomeCommand implements Callable<Integer> {

    @Mixin HomeOptions homeOptions;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description =
                    "Act on the running server at URL (e.g. http://127.0.0.1:8080) instead of on the home.")
    Optional<String> server = Optional.empty();

    @Option(
            names = "--token",
            paramLabel = "SECRET",
            description = "API token for --server, when it requires one (default: $SLIPWAY_TOKEN).")
    Optional<String> token = Optional.empty();

    @Option(names = "--json", description = "Print the result as JSON, for scripts.")
    boolean json;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Spec CommandSpec spec;

    @Override
    public final Integer call() {
        if (server.isEmpty()) {
            if (token.isPresent()) {
                throw InvalidInputException.of(
                        "--token",
                        "--token is sent to a server: give it with --server URL, or leave it out to act on the home");
            }
            try (SlipwayHome home = homeOptions.open()) {
                return run(Services.open(home));
            }
        }
        if (homeOptions.home.isPresent() || homeOptions.db.isPresent()) {
            throw InvalidInputException.of(
                    homeOptions.home.isPresent() ? "--home" : "--db",
                    "--server acts on the server's own home: give --server URL or --home/--db, not both");
        }
        try (ServerClient client = ServerClient.connect(server.get(), token)) {
            return run(client);
        }
    }

    /** Acts on the home. */
    abstract int run(Services services);

    /** Acts on the server. */
    abstract int run(ServerClient client);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
