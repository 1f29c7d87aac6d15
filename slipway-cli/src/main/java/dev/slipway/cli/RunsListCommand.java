package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slipway.train.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway runs list}. */
@Command(
        name = "list",
        description = "List runs, newest first (tuning trials only with --trials).",
        footer = {
            "",
            "Examples:",
            "  slipway runs list",
            "  slipway runs list --data adult --json"
        })
final class RunsListCommand extends LayerCommand {

    @Option(names = "--data", paramLabel = "NAME", description = "Only runs on this dataset.")
    Optional<String> data = Optional.empty();

    @Option(names = "--trials", description = "Also list the trials of tunings.")
    boolean trials;

    @Override
    int run(Services services) {
        List<Run> runs =
                services.runs().list(data).stream()
                        .filter(r -> trials || r.kind() != Run.Kind.TRIAL)
                        .toList();
        if (json) {
            ArrayNode a = Output.array();
            runs.forEach(r -> a.add(RunViews.run(r)));
            Output.json(out(), a);
            return ExitCode.OK;
        }
        if (runs.isEmpty()) {
            out().println("No runs yet. Train a model: slipway train --data NAME --target COL");
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Run r : runs) {
            rows.add(
                    List.of(
                            r.id(),
                            r.kind().label(),
                            r.createdAt().toString(),
                            r.dataset() + "@" + r.datasetVersion(),
                            r.target(),
                            r.algorithm().label(),
                            RunViews.headline(r),
                            r.model().map(Object::toString).orElse("-")));
        }
        Output.table(
                out(),
                List.of("RUN", "KIND", "CREATED", "DATA", "TARGET", "ALGO", "METRIC", "MODEL"),
                rows);
        return ExitCode.OK;
    }
}
