package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Datasets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway data history NAME}. */
@Command(
        name = "history",
        description = "List the versions of a dataset, oldest first, with where each came from.",
        footer = {"", "Example:", "  slipway data history adult"})
final class DataHistoryCommand extends DataSubcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The dataset.")
    String name;

    @Override
    int run(Datasets datasets) {
        List<DatasetVersion> versions = datasets.history(name);
        if (json) {
            ArrayNode a = Output.array();
            versions.forEach(v -> a.add(Views.version(v)));
            Output.json(out(), a);
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (DatasetVersion v : versions) {
            String origin =
                    v.lineage()
                            .map(
                                    l ->
                                            l.operation()
                                                    + " of "
                                                    + l.parentDataset()
                                                    + "@"
                                                    + l.parentVersion())
                            .orElse(v.source());
            rows.add(
                    List.of(
                            String.valueOf(v.number()),
                            v.id(),
                            v.createdAt().toString(),
                            Output.num(v.rows()),
                            String.valueOf(v.schema().size()),
                            origin));
        }
        Output.table(out(), List.of("#", "VERSION", "CREATED", "ROWS", "COLUMNS", "FROM"), rows);
        return ExitCode.OK;
    }
}
