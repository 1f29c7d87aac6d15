package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slipway.data.DatasetSummary;
import dev.slipway.data.Datasets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code slipway data list}. */
@Command(
        name = "list",
        description = "List the datasets with their latest version.",
        footer = {"", "Example:", "  slipway data list --json"})
final class DataListCommand extends DataSubcommand {

    @Override
    int run(Datasets datasets) {
        List<DatasetSummary> all = datasets.list();
        if (json) {
            ArrayNode a = Output.array();
            for (DatasetSummary s : all) {
                a.add(Views.version(s.latest()).put("versions", s.versions()));
            }
            Output.json(out(), a);
            return ExitCode.OK;
        }
        if (all.isEmpty()) {
            out().println("No datasets yet. Import one: slipway data import FILE --name NAME");
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (DatasetSummary s : all) {
            var v = s.latest();
            rows.add(
                    List.of(
                            s.name(),
                            v.id(),
                            String.valueOf(s.versions()),
                            Output.num(v.rows()),
                            String.valueOf(v.schema().size()),
                            v.createdAt().toString()));
        }
        Output.table(
                out(),
                List.of("DATASET", "LATEST", "VERSIONS", "ROWS", "COLUMNS", "CREATED"),
                rows);
        return ExitCode.OK;
    }
}
