package dev.slipway.cli;

import dev.slipway.monitor.json.MonitorJson;
import dev.slipway.monitor.outlier.OutlierOptions;
import dev.slipway.monitor.outlier.OutlierRow;
import dev.slipway.monitor.outlier.OutlierSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway monitor outliers}: the rows least like the reference. */
@Command(
        name = "outliers",
        description = {
            "The rows least like the reference, with the inputs that were outside.",
            "Each row of the current data scores the share of its inputs outside the reference"
                    + " (numbers below its 1%% or above its 99%% quantile, categories it never"
                    + " had); the highest-scoring rows are listed."
        },
        footer = {
            "",
            "Examples:",
            "  slipway monitor outliers --model adult-income --from 2026-12-01 --top 10",
            "  slipway monitor outliers --reference train.csv --current today.csv",
            "",
            "Times: " + MonitorTimes.FORMS + ".",
            "Exit codes: 0 done, 2 usage, 3 invalid input (file, column, --top), 4 not found."
        })
final class MonitorOutliersCommand extends LayerCommand {

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
            names = "--top",
            paramLabel = "N",
            defaultValue = "20",
            description = "How many rows to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    int run(Services services) {
        OutlierSummary s =
                services.monitor()
                        .outliers(
                                model,
                                reference.reference(),
                                current.current(
                                        model,
                                        lastRows.map(OptionalLong::of)
                                                .orElse(OptionalLong.empty())),
                                OutlierOptions.defaults().withTop(top));
        if (json) {
            Output.json(out(), MonitorJson.outliers(s));
            return ExitCode.OK;
        }
        var out = out();
        out.printf(
                "%s of %s outside the reference on at least one input (share %s, mean score %s).%n",
                Output.num(s.outlierRows()),
                MonitorViews.rows(s.rows()),
                MonitorViews.decimal(s.outlierShare()),
                MonitorViews.decimal(s.meanScore()));
        out.println("Method: " + s.method());
        out.println();
        List<List<String>> features = new ArrayList<>();
        s.outsideByFeature().forEach((f, n) -> features.add(List.of(f, Output.num(n))));
        Output.table(out, List.of("INPUT", "ROWS OUTSIDE"), features);
        if (!s.top().isEmpty()) {
            out.println();
            // one line per row: the inputs outside can be many and long, so no table
            out.printf(
                    "Top %s by score (%s, then the inputs outside):%n",
                    MonitorViews.rows(s.top().size()),
                    String.join(" ", s.top().getFirst().key().keySet()));
            for (OutlierRow r : s.top()) {
                out.printf(
                        "  %s  score %s  %s%n",
                        String.join(" ", r.key().values()),
                        MonitorViews.decimal(r.score()),
                        join(r.values()));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String join(Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" ", parts);
    }
}
