package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Task;
import dev.slipway.monitor.json.MonitorJson;
import dev.slipway.monitor.perf.MetricComparison;
import dev.slipway.monitor.perf.PerformanceReport;
import dev.slipway.monitor.perf.PredictionColumns;
import dev.slipway.monitor.perf.WindowPerformance;
import dev.slipway.monitor.window.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway monitor performance --model M}: realized metrics from delayed labels. */
@Command(
        name = "performance",
        description = {
            "Realized performance from delayed labels, overall and per window.",
            "The model's predictions joined to their labels (see 'slipway monitor labels'),"
                    + " scored overall and per window, beside the metrics recorded at training."
                    + " Predictions come from the model's log, or from a file (--current): name"
                    + " its prediction columns as the log does (probabilities_<class>, label,"
                    + " prediction), or give --task with --proba-cols and --pred-col."
        },
        footer = {
            "",
            "Examples:",
            "  slipway monitor performance --model adult-income --from 2026-12-01 --window 1d",
            "  slipway monitor performance --model california --current analysis.csv \\",
            "      --time-column timestamp --key-col id --task binary --proba-cols y_pred_proba \\",
            "      --pred-col y_pred --window 1mo",
            "",
            "Times: " + MonitorTimes.FORMS + ".",
            "Exit codes: 0 done, 2 usage, 3 invalid input (file, column, window), 4 not found."
        })
final class MonitorPerformanceCommand extends LayerCommand {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL",
            description = "The model whose labels to use (and whose log, without --current).")
    String model;

    @Mixin MonitorCurrentOptions current;

    @Option(
            names = "--window",
            paramLabel = "SPAN",
            defaultValue = "1d",
            description =
                    "The windows of the series (default: ${DEFAULT-VALUE}): "
                            + WindowSpec.FORMS
                            + ".")
    String window;

    @Option(
            names = "--key-col",
            paramLabel = "COL",
            defaultValue = "request_id",
            description = "The column the labels are keyed by (default: ${DEFAULT-VALUE}).")
    String keyColumn;

    @Option(
            names = "--task",
            paramLabel = "TASK",
            description =
                    "binary, multiclass or regression: read the predictions from --proba-cols and --pred-col.")
    Optional<String> task = Optional.empty();

    @Option(
            names = "--proba-cols",
            paramLabel = "COL",
            split = ",",
            description =
                    "With --task: the positive class's probability (binary), or one column per class (multiclass).")
    List<String> probabilities = new ArrayList<>();

    @Option(
            names = "--pred-col",
            paramLabel = "COL",
            description = "With --task: the predicted class, or the predicted value (regression).")
    Optional<String> prediction = Optional.empty();

    @Option(
            names = "--classes",
            paramLabel = "C",
            split = ",",
            description = "With --task: the class names in order (default for binary: 0,1).")
    List<String> classes = new ArrayList<>();

    @Override
    int run(Services services) {
        WindowSpec spec = WindowSpec.parse(window);
        PerformanceReport r =
                services.monitor()
                        .performance(
                                model,
                                current.current(Optional.of(model), OptionalLong.empty()),
                                spec,
                                keyColumn,
                                columns());
        if (json) {
            Output.json(out(), MonitorJson.performance(r));
        } else {
            print(r);
        }
        return ExitCode.OK;
    }

    private Optional<PredictionColumns> columns() {
        if (task.isEmpty()) {
            if (!probabilities.isEmpty() || prediction.isPresent() || !classes.isEmpty()) {
                throw InvalidInputException.of(
                        "--task",
                        "--proba-cols, --pred-col and --classes need --task binary, multiclass or regression");
            }
            return Optional.empty();
        }
        Task t =
                switch (task.get().strip().toLowerCase(Locale.ROOT)) {
                    case "binary" -> Task.BINARY;
                    case "multiclass" -> Task.MULTICLASS;
                    case "regression" -> Task.REGRESSION;
                    default ->
                            throw InvalidInputException.of(
                                    "--task",
                                    "--task '%s' is not a task; write binary, multiclass or regression"
                                            .formatted(task.get()));
                };
        return Optional.of(
                switch (t) {
                    case BINARY -> {
                        if (probabilities.size() > 1) {
                            throw InvalidInputException.of(
                                    "--proba-cols",
                                    "a binary model has one probability column, the positive class's; got "
                                            + probabilities);
                        }
                        yield new PredictionColumns.Binary(
                                classes.isEmpty() ? List.of("0", "1") : classes,
                                probabilities.stream().findFirst(),
                                prediction,
                                0.5);
                    }
                    case MULTICLASS ->
                            new PredictionColumns.Multiclass(classes, probabilities, prediction);
                    case REGRESSION ->
                            new PredictionColumns.Regression(
                                    prediction.orElseThrow(
                                            () ->
                                                    InvalidInputException.of(
                                                            "--pred-col",
                                                            "a regression needs --pred-col, the column of the predicted value")));
                });
    }

    private void print(PerformanceReport r) {
        var out = out();
        out.printf(
                "Realized performance of %s (%s) over the %s, labels joined on %s: %s%n",
                r.model(),
                r.task().toString().toLowerCase(Locale.ROOT),
                r.source(),
                r.keyColumn(),
                Output.num(r.labelled()) + " labelled row" + (r.labelled() == 1 ? "" : "s"));
        if (r.labelled() == 0) {
            out.println(
                    "No prediction has a label yet: store them with 'slipway monitor labels FILE --model "
                            + r.model()
                            + "'.");
            out.flush();
            return;
        }
        out.println();
        List<List<String>> rows = new ArrayList<>();
        boolean compared = !r.comparison().isEmpty();
        r.metrics()
                .forEach(
                        (metric, value) -> {
                            Optional<MetricComparison> c = r.comparison(metric);
                            List<String> row = new ArrayList<>();
                            row.add(metric);
                            row.add(MonitorViews.decimal(value));
                            if (compared) {
                                row.add(c.map(x -> MonitorViews.decimal(x.training())).orElse("-"));
                                row.add(c.map(x -> signed(x.change())).orElse("-"));
                                row.add(
                                        c.map(x -> x.worse() ? "✗ worse" : "✓ as good or better")
                                                .orElse(""));
                            }
                            rows.add(row);
                        });
        Output.table(
                out,
                compared
                        ? List.of("METRIC", "REALIZED", "TRAINING", "CHANGE", "")
                        : List.of("METRIC", "REALIZED"),
                rows);
        r.baseline().ifPresent(b -> out.println("Training metrics of " + b + "."));
        out.println();
        out.println("Per window (" + r.window().text() + "):");
        List<String> names = new ArrayList<>(r.metrics().keySet());
        List<String> header = new ArrayList<>(List.of("WINDOW", "ROWS", "LABELLED"));
        names.forEach(n -> header.add(n.toUpperCase(Locale.ROOT)));
        List<List<String>> series = new ArrayList<>();
        for (WindowPerformance w : r.windows()) {
            List<String> row = new ArrayList<>();
            row.add(MonitorViews.time(w.window().start()));
            row.add(Output.num(w.window().rows()));
            row.add(Output.num(w.labelled()));
            for (String n : names) {
                Double v = w.metrics().get(n);
                row.add(v == null ? "-" : MonitorViews.decimal(v));
            }
            series.add(row);
        }
        Output.table(out, header, series);
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : "") + MonitorViews.decimal(v);
    }
}
