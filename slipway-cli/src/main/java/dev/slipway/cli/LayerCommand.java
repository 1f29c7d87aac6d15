package dev.slipway.cli;

import dev.slipway.store.SlipwayHome;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the training, run and model commands share: the home with every layer on it, {@code --json},
 * the streams.
 */
abstract class LayerCommand implements Callable<Integer> {

    @Mixin HomeOptions homeOptions;

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
        try (SlipwayHome home = homeOptions.open()) {
            return run(Services.open(home));
        }
    }

    abstract int run(Services services);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
