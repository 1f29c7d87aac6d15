package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.monitor.DriftReport;
import dev.slipway.monitor.DriftRequest;
import dev.slipway.monitor.WindowDrift;
import dev.slipway.monitor.drift.ColumnKind;
import dev.slipway.monitor.drift.DriftMethod;
import dev.slipway.monitor.drift.DriftOptions;
import dev.slipway.monitor.json.MonitorJson;
import dev.slipway.monitor.window.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway monitor drift}: how far the current data moved from the reference. */
@Command(
        name = "drift",
        description = {
            "How far each input moved from the reference, and whether the data drifted.",
            "Per column: a test or distance, its threshold and a verdict; then the dataset verdict"
                    + " (and the predictions', when the reference has them). Current data: the"
                    + " model's prediction log (--model, with --from/--to/--last-rows), or a file"
                    + " (--current). Reference: the model's training data, --reference FILE or"
                    + " DATASET[@VER], or a range of the log (--reference-from/--reference-to). Two"
                    + " plain files need no model.",
            "Methods (Evidently's names and default choices): ks, chisquare, z, wasserstein,"
                    + " jensenshannon, psi, kl, hellinger."
        },
        footer = {
            "",
            "Examples:",
            "  slipway monitor drift --model adult-income --from 2026-12-01 --window 1d",
            "  slipway monitor drift --reference ref.csv --current cur.csv \\",
            "      --time-column timestamp --method numeric=psi --threshold numeric=0.2 \\",
            "      --fail-on-drift",
            "",
            "Times: " + MonitorTimes.FORMS + ".",
            "Exit codes: 0 done (drift or not), 1 the data drifted with --fail-on-drift,",
            "2 usage, 3 invalid input (file, column, method, threshold, window, time),",
            "4 not found (model, log, dataset)."
        })
final class MonitorDriftCommand extends LayerCommand {

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            description = "The model whose log (and training data) to use.")
    Optional<String> model = Optional.empty();

    @Mixin MonitorReferenceOptions reference;

    @Mixin MonitorCurrentOptions current;

    @Option(
            names = "--last-rows",
            paramLabel = "N",
            description = "Only the last N rows of the current data (after --from/--to).")
    Optional<Long> lastRows = Optional.empty();

    @Option(
            names = "--columns",
            paramLabel = "COL",
            split = ",",
            description = "Only these columns (default: every input both sides have).")
    List<String> columns = new ArrayList<>();

    @Option(
            names = "--method",
            paramLabel = "[COL=|numeric=|categorical=]NAME",
            description =
                    "The drift method for every column, for a kind (numeric=, categorical=) or for"
                            + " one column (COL=); repeatable. A column's beats its kind's, which"
                            + " beats the one for all.")
    List<String> methods = new ArrayList<>();

    @Option(
            names = "--threshold",
            paramLabel = "[COL=|numeric=|categorical=]X",
            description =
                    "The threshold for every column, a kind or one column; repeatable. Default:"
                            + " the method's (0.05 for p-value tests, 0.1 for distances).")
    List<String> thresholds = new ArrayList<>();

    @Option(
            names = "--drift-share",
            paramLabel = "X",
            defaultValue = "0.5",
            description =
                    "The share of drifted columns at or above which the data drifts (default: ${DEFAULT-VALUE}).")
    double driftShare;

    @Option(
            names = "--window",
            paramLabel = "SPAN",
            description = "Also compute drift per window of the current data: " + WindowSpec.FORMS)
    Optional<String> window = Optional.empty();

    @Option(
            names = "--fail-on-drift",
            description = "Exit 1 when the data drifted (for pipelines and CI).")
    boolean failOnDrift;

    @Override
    int run(Services services) {
        DriftOptions options = options();
        Optional<WindowSpec> spec = window.map(WindowSpec::parse);
        DriftReport r =
                services.monitor()
                        .drift(
                                new DriftRequest(
                                        model,
                                        reference.reference(),
                                        current.current(
                                                model,
                                                lastRows.map(OptionalLong::of)
                                                        .orElse(OptionalLong.empty())),
                                        columns,
                                        options,
                                        spec));
        requireCompared(r);
        if (json) {
            Output.json(out(), MonitorJson.drift(r));
        } else {
            print(r);
        }
        return failOnDrift && r.data().drifted() ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    private DriftOptions options() {
        DriftOptions.Builder b = DriftOptions.builder().driftShare(driftShare);
        for (String m : methods) {
            Target t = Target.of("--method", m);
            DriftMethod method = DriftMethod.parse(t.value(), "--method");
            if (t.kind().isPresent()) {
                b.method(t.kind().get(), method);
            } else if (t.column().isPresent()) {
                b.method(t.column().get(), method);
            } else {
                b.method(method);
            }
        }
        for (String x : thresholds) {
            Target t = Target.of("--threshold", x);
            double v = number(t.value());
            if (t.kind().isPresent()) {
                b.threshold(t.kind().get(), v);
            } else if (t.column().isPresent()) {
                b.threshold(t.column().get(), v);
            } else {
                b.threshold(v);
            }
        }
        return b.build();
    }

    /** A column named in --method or --threshold must be one that was compared. */
    private void requireCompared(DriftReport r) {
        List<String> compared = new ArrayList<>();
        r.data().columns().forEach(c -> compared.add(c.column()));
        r.prediction().ifPresent(p -> p.columns().forEach(c -> compared.add(c.column())));
        List<String> named = new ArrayList<>();
        for (String m : methods) {
            Target.of("--method", m).column().ifPresent(named::add);
        }
        for (String x : thresholds) {
            Target.of("--threshold", x).column().ifPresent(named::add);
        }
        for (String c : named) {
            if (!compared.contains(c)) {
                throw InvalidInputException.of(
                        c,
                        "column '%s' of --method/--threshold was not compared; the compared columns are %s"
                                .formatted(c, String.join(", ", compared)));
            }
        }
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(
                    "--threshold",
                    "--threshold '%s' is not a number; write e.g. 0.1, numeric=0.2 or age=0.05"
                            .formatted(text));
        }
    }

    /** What a {@code --method} or {@code --threshold} value is for: all, a kind, or a column. */
    private record Target(Optional<ColumnKind> kind, Optional<String> column, String value) {
        static Target of(String option, String text) {
            int eq = text.lastIndexOf('=');
            if (eq < 0) {
                return new Target(Optional.empty(), Optional.empty(), text);
            }
            String key = text.substring(0, eq).strip();
            String value = text.substring(eq + 1);
            if (key.isEmpty() || value.isBlank()) {
                throw InvalidInputException.of(
                        option,
                        "%s '%s' is not VALUE, KIND=VALUE or COLUMN=VALUE".formatted(option, text));
            }
            Optional<ColumnKind> kind = ColumnKind.fromLabel(key);
            return kind.isPresent()
                    ? new Target(kind, Optional.empty(), value)
                    : new Target(Optional.empty(), Optional.of(key), value);
        }
    }

    private void print(DriftReport r) {
        var out = out();
        out.printf("Current:   %s, %s%n", r.current(), MonitorViews.rows(r.currentRows()));
        out.printf("Reference: %s, %s%n", r.reference(), MonitorViews.rows(r.referenceRows()));
        out.println();
        MonitorViews.columns(out, r.data());
        out.println();
        out.println("Data drift: " + MonitorViews.dataset(r.data()));
        if (r.prediction().isPresent()) {
            out.println();
            MonitorViews.columns(out, r.prediction().get());
            out.println();
            out.println("Prediction drift: " + MonitorViews.dataset(r.prediction().get()));
        }
        r.referencePredictions()
                .ifPresent(p -> out.println("Reference predictions: " + p.describe()));
        r.predictionNote().ifPresent(n -> out.println("Note: " + n));
        if (!r.windows().isEmpty()) {
            out.println();
            out.println("Per window (" + window.orElse("") + "):");
            List<List<String>> rows = new ArrayList<>();
            for (WindowDrift w : r.windows()) {
                List<String> row = new ArrayList<>();
                row.add(MonitorViews.time(w.window().start()));
                row.add(Output.num(w.window().rows()));
                if (w.data().isPresent()) {
                    var d = w.data().get();
                    row.add(MonitorViews.verdict(d.drifted()));
                    row.add(d.driftedColumns() + "/" + d.columns().size());
                    row.add(MonitorViews.decimal(d.share()));
                    row.add(w.prediction().map(p -> MonitorViews.verdict(p.drifted())).orElse("-"));
                    row.add(MonitorViews.drifted(d));
                } else {
                    row.addAll(List.of("-", "-", "-", "-", w.note().orElse("")));
                }
                rows.add(row);
            }
            Output.table(
                    out,
                    List.of(
                            "WINDOW",
                            "ROWS",
                            "DATA",
                            "DRIFTED",
                            "SHARE",
                            "PREDICTION",
                            "DRIFTED COLUMNS"),
                    rows);
        }
        out.flush();
    }
}
