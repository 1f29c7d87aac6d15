package dev.slipway.cli;

import dev.slipway.data.DataLimits;
import dev.slipway.data.Datasets;
import dev.slipway.store.SlipwayHome;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every {@code slipway data ...} command shares: the home, {@code --json}, the streams. */
abstract class DataSubcommand implements Callable<Integer> {

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
            return run(new Datasets(home, Clock.systemUTC(), DataLimits.defaults()));
        }
    }

    abstract int run(Datasets datasets);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
