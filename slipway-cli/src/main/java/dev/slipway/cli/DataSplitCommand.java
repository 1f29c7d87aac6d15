package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Datasets;
import dev.slipway.data.SplitResult;
import dev.slipway.data.SplitSpec;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway data split NAME[@VER] --test 0.2 --seed 42}. */
@Command(
        name = "split",
        description = {
            "Split a dataset version into a train and a test version, with lineage to the parent.",
            "The same version, fraction and seed always give the same split."
        },
        footer = {
            "",
            "Examples:",
            "  slipway data split adult --test 0.2 --seed 42 --stratify income",
            "  slipway data split bikes --test 0.25 --time dteday"
        })
final class DataSplitCommand extends DataSubcommand {

    @Parameters(index = "0", paramLabel = "NAME[@VER]", description = "The version to split.")
    String ref;

    @Option(
            names = "--test",
            paramLabel = "FRACTION",
            description =
                    "Share of rows in the test part, between 0 and 1 (default: ${DEFAULT-VALUE}).")
    double test = 0.2;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of the random assignment (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    static final class By {
        @Option(
                names = "--stratify",
                paramLabel = "COL",
                description = "Keep this column's class proportions in both parts.")
        Optional<String> stratify = Optional.empty();

        @Option(
                names = "--time",
                paramLabel = "COL",
                description =
                        "Put the latest rows by this column in the test part (no randomness).")
        Optional<String> time = Optional.empty();
    }

    @ArgGroup(exclusive = true)
    By by = new By();

    @Option(names = "--train-name", paramLabel = "NAME", description = "Default: NAME-train.")
    Optional<String> trainName = Optional.empty();

    @Option(names = "--test-name", paramLabel = "NAME", description = "Default: NAME-test.")
    Optional<String> testName = Optional.empty();

    @Override
    int run(Datasets datasets) {
        DatasetRef r = DatasetRef.parse(ref);
        SplitSpec spec =
                new SplitSpec(
                        test,
                        seed,
                        by.stratify,
                        by.time,
                        trainName.orElse(r.name() + "-train"),
                        testName.orElse(r.name() + "-test"));
        SplitResult s = datasets.split(r, spec);
        if (json) {
            ObjectNode n = Output.object();
            n.set("train", Views.version(s.train()));
            n.set("test", Views.version(s.test()));
            Output.json(out(), n);
            return ExitCode.OK;
        }
        print("train", s.train());
        print("test", s.test());
        return ExitCode.OK;
    }

    private void print(String part, DatasetVersion v) {
        out().printf(
                        "%-5s %s@%s (version %d): %s rows%n",
                        part, v.dataset(), v.id(), v.number(), Output.num(v.rows()));
    }
}
