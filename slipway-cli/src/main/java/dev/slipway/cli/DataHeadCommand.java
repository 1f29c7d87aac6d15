package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.data.Datasets;
import dev.slipway.data.Preview;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway data head NAME[@VER]}. */
@Command(
        name = "head",
        description = "Print the first rows of a dataset version.",
        footer = {"", "Example:", "  slipway data head adult -n 5"})
final class DataHeadCommand extends DataSubcommand {

    @Parameters(index = "0", paramLabel = "NAME[@VER]", description = "The dataset version.")
    String ref;

    @Option(
            names = {"-n", "--rows"},
            paramLabel = "N",
            description = "How many rows (default: ${DEFAULT-VALUE}).")
    int rows = 10;

    @Override
    int run(Datasets datasets) {
        Preview p = datasets.head(DatasetRef.parse(ref), rows);
        if (json) {
            ArrayNode a = Output.array();
            for (List<String> r : p.rows()) {
                ObjectNode o = a.addObject();
                for (int i = 0; i < p.columns().size(); i++) {
                    o.put(p.columns().get(i), r.get(i));
                }
            }
            Output.json(out(), a);
            return ExitCode.OK;
        }
        Output.table(out(), p.columns(), p.rows());
        return ExitCode.OK;
    }
}
