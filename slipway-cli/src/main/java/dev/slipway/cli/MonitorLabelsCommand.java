package dev.slipway.cli;

import dev.slipway.monitor.json.MonitorJson;
import dev.slipway.monitor.perf.IngestResult;
import dev.slipway.monitor.perf.LabelOptions;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway monitor labels FILE --model M}: stores the true outcomes of predictions. */
@Command(
        name = "labels",
        description = {
            "Store delayed labels: the true outcomes of a model's predictions.",
            "From a CSV, Parquet or JSON-lines file, keyed by request id (as in the prediction"
                    + " log) or by another column of the predictions. A key labelled again gets"
                    + " the new label; labels may arrive before their predictions are logged."
        },
        footer = {
            "",
            "Examples:",
            "  slipway monitor labels labels.csv --model adult-income",
            "  slipway monitor labels targets.csv --model churn --id-col id --label-col churned",
            "",
            "Exit codes: 0 stored, 2 usage, 3 invalid input (file, column, a label the",
            "model cannot have), 4 not found."
        })
final class MonitorLabelsCommand extends LayerCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The labels.")
    Path file;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL",
            description = "The model the labels are for.")
    String model;

    @Option(
            names = "--id-col",
            paramLabel = "COL",
            defaultValue = LabelOptions.REQUEST_ID,
            description = "The key column (default: ${DEFAULT-VALUE}).")
    String idColumn;

    @Option(
            names = "--label-col",
            paramLabel = "COL",
            defaultValue = LabelOptions.LABEL,
            description = "The label column (default: ${DEFAULT-VALUE}).")
    String labelColumn;

    @Override
    int run(Services services) {
        IngestResult r =
                services.monitor()
                        .labels(
                                model,
                                file,
                                LabelOptions.defaults()
                                        .withKeyColumn(idColumn)
                                        .withLabelColumn(labelColumn));
        if (json) {
            Output.json(out(), MonitorJson.labels(r));
            return ExitCode.OK;
        }
        out().printf(
                        "Stored %s for model %s keyed by %s: %s read, %s replaced.%n",
                        Output.num(r.stored()) + (r.stored() == 1 ? " label" : " labels"),
                        r.model(),
                        r.keyColumn(),
                        Output.num(r.received()),
                        Output.num(r.replaced()));
        out().printf(
                        "The model has %s in all; %s not (yet) matched to a logged prediction.%n",
                        Output.num(r.total()) + (r.total() == 1 ? " label" : " labels"),
                        Output.num(r.unmatched()));
        out().flush();
        return ExitCode.OK;
    }
}
