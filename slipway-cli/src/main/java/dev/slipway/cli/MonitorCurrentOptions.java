package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.monitor.CurrentData;
import dev.slipway.monitor.log.FileLayout;
import dev.slipway.monitor.log.Range;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/**
 * The data being monitored: a range of the model's prediction log, or a file ({@code --current}).
 */
final class MonitorCurrentOptions {

    @Option(
            names = "--current",
            paramLabel = "FILE",
            description =
                    "Monitor a CSV, Parquet or JSON-lines file instead of the model's prediction"
                            + " log; it needs a time column (--time-column).")
    Optional<Path> file = Optional.empty();

    @Option(
            names = "--time-column",
            paramLabel = "COL",
            defaultValue = "ts",
            description = "The --current file's time column (default: ${DEFAULT-VALUE}).")
    String timeColumn;

    @Option(
            names = "--output-cols",
            paramLabel = "COL",
            split = ",",
            description =
                    "The --current file's prediction columns, e.g. y_pred_proba,y_pred (default: none; every other column is an input).")
    List<String> outputs = new ArrayList<>();

    @Option(
            names = "--ignore-cols",
            paramLabel = "COL",
            split = ",",
            description =
                    "Columns of the --current file that are neither inputs nor predictions, e.g. id,target.")
    List<String> ignored = new ArrayList<>();

    @Option(
            names = "--from",
            paramLabel = "TIME",
            description = "Only rows at or after this time: " + MonitorTimes.FORMS + ".")
    Optional<String> from = Optional.empty();

    @Option(
            names = "--to",
            paramLabel = "TIME",
            description = "Only rows before this time (same forms as --from).")
    Optional<String> to = Optional.empty();

    /** The rows these options select, with {@code lastRows} when given. */
    Range range(OptionalLong lastRows) {
        return new Range(
                MonitorTimes.parse("--from", from), MonitorTimes.parse("--to", to), lastRows);
    }

    /**
     * The data: the {@code --current} file, else the log of {@code model}.
     *
     * @throws InvalidInputException when neither a file nor a model is given
     */
    CurrentData current(Optional<String> model, OptionalLong lastRows) {
        Range range = range(lastRows);
        if (file.isPresent()) {
            return new CurrentData.File(
                    file.get(), new FileLayout(timeColumn, outputs, ignored), range);
        }
        return new CurrentData.Log(
                model.orElseThrow(
                        () ->
                                InvalidInputException.of(
                                        "--current",
                                        "say what to monitor: --model M (its prediction log) or --current FILE")),
                range);
    }
}
