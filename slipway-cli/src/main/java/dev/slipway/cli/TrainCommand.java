package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.train.Algorithm;
import dev.slipway.train.TrainSpec;
import dev.slipway.train.Training;
import dev.slipway.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway train --data NAME --target COL}. */
@Command(
        name = "train",
        description = {
            "Train a model on a dataset version with XGBoost, evaluate it on held-out rows,",
            "and register it with its feature pipeline, metrics and provenance. The task",
            "(binary, multiclass, regression) follows from the target unless --task says.",
            "Same data, parameters and seed give the same model file, byte for byte."
        },
        footer = {
            "",
            "Examples:",
            "  slipway train --data adult --target income",
            "  slipway train --data adult --target income --test adult-test --alias champion",
            "  slipway train --data housing --target median_house_value --param max_depth=8 --seed 7",
            "  slipway train --algo rf --list-params"
        })
final class TrainCommand extends LayerCommand {

    @Mixin TrainArgs args;

    @Option(
            names = "--alias",
            paramLabel = "ALIAS",
            description = "Point this alias of the model (e.g. champion) at the new version.")
    Optional<String> alias = Optional.empty();

    @Override
    int run(Services services) {
        if (args.listParams) {
            return ParamsList.print(out(), json, Algorithm.fromLabel(args.algo()));
        }
        TrainSpec spec = args.spec();
        TrainingResult r;
        try (TrainingProgress progress = new TrainingProgress(err())) {
            r = services.training().train(spec, progress);
        }
        alias.ifPresent(
                a -> services.registry().setAlias(r.model().name(), a, r.model().version()));
        if (json) {
            ObjectNode n = Output.object();
            n.put("model", r.model().toString());
            alias.ifPresent(a -> n.put("alias", r.model().name() + "@" + a));
            n.set("run", RunViews.run(r.run()));
            n.set("evaluation", RunViews.evaluation(r.evaluation()));
            var warnings = n.putArray("warnings");
            r.warnings().forEach(warnings::add);
            Output.json(out(), n);
            return ExitCode.OK;
        }
        out().printf(
                        Locale.ROOT,
                        "Trained %s (run %s) in %s%n",
                        r.model(),
                        r.run().id(),
                        RunViews.seconds(r.run()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("data", r.run().dataset() + "@" + r.run().datasetVersion()));
        rows.add(List.of("target", r.run().target() + " (" + r.run().task().label() + ")"));
        rows.add(List.of("evaluated on", r.run().holdout()));
        alias.ifPresent(a -> rows.add(List.of("alias", r.model().name() + "@" + a)));
        Output.table(out(), List.of("", ""), rows.stream().toList());
        out().println();
        out().println("  " + RunViews.metricsLine(r.evaluation().summary()));
        out().println();
        out().printf("Next: slipway models show %s%n", r.model());
        return ExitCode.OK;
    }

    /** Lists the parameters of an algorithm. */
    static final class ParamsList {
        private ParamsList() {}

        static int print(java.io.PrintWriter out, boolean json, Algorithm algorithm) {
            var params = Training.parameters(algorithm);
            if (json) {
                ObjectNode n = Output.object();
                params.forEach(n::put);
                Output.json(out, n);
            } else {
                List<List<String>> rows = new ArrayList<>();
                params.forEach((k, v) -> rows.add(List.of(k, v)));
                Output.table(out, List.of("PARAM (" + algorithm.label() + ")", "VALUES"), rows);
            }
            return ExitCode.OK;
        }
    }
}
