package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.train.Run;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway runs show RUN}. */
@Command(
        name = "show",
        description =
                "Show a run: data, target, parameters, metrics, environment and model; for a tuning, its trials.",
        footer = {"", "Example:", "  slipway runs show 3f9a"})
final class RunsShowCommand extends LayerCommand {

    @Parameters(
            index = "0",
            paramLabel = "RUN",
            description = "The run id, or its first 4 or more digits.")
    String id;

    @Override
    int run(Services services) {
        Run r = services.runs().get(id);
        List<Run> trials = r.kind() == Run.Kind.TUNE ? services.runs().trials(r.id()) : List.of();
        if (json) {
            ObjectNode n = RunViews.run(r);
            if (r.kind() == Run.Kind.TUNE) {
                ArrayNode a = n.putArray("trials");
                trials.forEach(t -> a.add(RunViews.run(t)));
            }
            Output.json(out(), n);
            return ExitCode.OK;
        }
        RunViews.printRun(out(), r);
        if (!trials.isEmpty()) {
            out().println();
            List<List<String>> rows = new ArrayList<>();
            for (Run t : trials) {
                List<String> row = new ArrayList<>();
                row.add(t.id());
                t.metrics().values().forEach(v -> row.add(RunViews.metric(v)));
                row.add(String.join(" ", paramsDiff(t, r)));
                rows.add(row);
            }
            List<String> header = new ArrayList<>(List.of("TRIAL"));
            trials.getFirst()
                    .metrics()
                    .keySet()
                    .forEach(k -> header.add(k.toUpperCase(java.util.Locale.ROOT)));
            header.add("PARAMS");
            Output.table(out(), header, rows);
        }
        return ExitCode.OK;
    }

    /** The parameters a trial set, as k=v. */
    private static List<String> paramsDiff(Run trial, Run tune) {
        List<String> out = new ArrayList<>();
        new java.util.TreeMap<>(trial.params())
                .forEach(
                        (k, v) -> {
                            if (!k.equals("num_round")) {
                                out.add(k + "=" + v);
                            }
                        });
        return out;
    }
}
