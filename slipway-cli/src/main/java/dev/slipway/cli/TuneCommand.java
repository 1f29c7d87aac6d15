package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.train.Algorithm;
import dev.slipway.train.Run;
import dev.slipway.train.SearchSpace;
import dev.slipway.train.TuneSpec;
import dev.slipway.train.TuningResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway tune --data NAME --target COL}. */
@Command(
        name = "tune",
        description = {
            "Search for good XGBoost parameters: each trial is scored by K-fold cross-validation",
            "on the training rows with early stopping; the best is trained on all of them,",
            "evaluated on the held-out rows and registered. Every trial is recorded as a run."
        },
        footer = {
            "",
            "Space: a preset (gbdt: a broad random search; quick: a 3x3 grid of eta and",
            "max_depth) or a JSON file, e.g. {\"eta\": {\"log\": [0.02, 0.3]}, \"max_depth\":",
            "{\"values\": [4, 6, 8]}, \"subsample\": {\"uniform\": [0.6, 1]}, \"max_bin\": {\"int\": [64, 256]}}.",
            "",
            "Examples:",
            "  slipway tune --data adult --target income --trials 20 --folds 5",
            "  slipway tune --data adult --target income --space quick --strategy grid --alias challenger"
        })
final class TuneCommand extends LayerCommand {

    @Mixin TrainArgs args;

    @Option(
            names = "--space",
            paramLabel = "FILE|PRESET",
            description = "The values to try (default: the gbdt preset).")
    String space = "gbdt";

    @Option(names = "--strategy", paramLabel = "S", description = "random (default) or grid.")
    String strategy = "random";

    @Option(
            names = "--trials",
            paramLabel = "N",
            description = "How many parameter sets to try (default: 20).")
    int trials = 20;

    @Option(
            names = "--folds",
            paramLabel = "K",
            description = "Cross-validation folds (default: 5).")
    int folds = 5;

    @Option(
            names = "--early-stopping",
            paramLabel = "N",
            description = "Stop a fold after N rounds without improvement (default: 30).")
    int earlyStopping = 30;

    @Option(
            names = "--max-rounds",
            paramLabel = "N",
            description = "The most boosting rounds a trial may use (default: 1000).")
    int maxRounds = 1000;

    @Option(
            names = "--alias",
            paramLabel = "ALIAS",
            description = "Point this alias of the model (e.g. challenger) at the new version.")
    Optional<String> alias = Optional.empty();

    @Override
    int run(Services services) {
        if (args.listParams) {
            return TrainCommand.ParamsList.print(out(), json, Algorithm.fromLabel(args.algo()));
        }
        TuneSpec spec =
                new TuneSpec(
                        args.spec(),
                        SearchSpace.resolve(space),
                        TuneSpec.Strategy.fromLabel(strategy),
                        trials,
                        folds,
                        earlyStopping,
                        maxRounds);
        TuningResult r;
        try (TrainingProgress progress = new TrainingProgress(err())) {
            r = services.training().tune(spec, progress);
        }
        alias.ifPresent(
                a -> services.registry().setAlias(r.model().name(), a, r.model().version()));
        if (json) {
            ObjectNode n = Output.object();
            n.put("model", r.model().toString());
            alias.ifPresent(a -> n.put("alias", r.model().name() + "@" + a));
            n.set("run", RunViews.run(r.run()));
            n.put("best_trial", r.best().id());
            ArrayNode t = n.putArray("trials");
            r.trials().forEach(x -> t.add(RunViews.run(x)));
            n.set("evaluation", RunViews.evaluation(r.evaluation()));
            Output.json(out(), n);
            return ExitCode.OK;
        }
        out().printf(
                        Locale.ROOT,
                        "Tuned %s over %d trials (run %s) in %s%n",
                        r.model(),
                        r.trials().size(),
                        r.run().id(),
                        RunViews.seconds(r.run()));
        List<List<String>> rows = new ArrayList<>();
        for (Run trial : r.trials()) {
            List<String> row = new ArrayList<>();
            row.add(trial.id().equals(r.best().id()) ? "best" : "");
            row.add(trial.id());
            trial.metrics().values().forEach(v -> row.add(RunViews.metric(v)));
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("", "TRIAL"));
        r.trials()
                .getFirst()
                .metrics()
                .keySet()
                .forEach(k -> header.add(k.toUpperCase(Locale.ROOT)));
        Output.table(out(), header, rows);
        out().println();
        out().println("Best parameters, on the held-out rows:");
        out().println("  " + RunViews.metricsLine(r.evaluation().summary()));
        out().printf("Next: slipway runs show %s%n", r.run().id());
        return ExitCode.OK;
    }
}
