package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.Schema;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Datasets;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway data show NAME[@VER]}. */
@Command(
        name = "show",
        description = "Show a dataset version: its origin, schema and the domain seen per column.",
        footer = {
            "",
            "Examples:",
            "  slipway data show adult",
            "  slipway data show adult@1 --json"
        })
final class DataShowCommand extends DataSubcommand {

    @Parameters(index = "0", paramLabel = "NAME[@VER]", description = "The dataset version.")
    String ref;

    @Override
    int run(Datasets datasets) {
        DatasetVersion v = datasets.resolve(DatasetRef.parse(ref));
        if (json) {
            ObjectNode n = Views.version(v);
            n.set("schema", Views.schema(v.schema()));
            Output.json(out(), n);
            return ExitCode.OK;
        }
        PrintWriter o = out();
        o.printf("%s@%s (version %d)%n", v.dataset(), v.id(), v.number());
        o.printf("  rows:     %s%n", Output.num(v.rows()));
        o.printf("  created:  %s%n", v.createdAt());
        o.printf("  source:   %s%n", v.source());
        o.printf("  snapshot: %s%n", v.snapshot());
        v.lineage()
                .ifPresent(
                        l ->
                                o.printf(
                                        "  lineage:  %s of %s@%s %s%n",
                                        l.operation(),
                                        l.parentDataset(),
                                        l.parentVersion(),
                                        l.params()));
        o.println();
        printSchema(o, v.schema());
        return ExitCode.OK;
    }

    static void printSchema(PrintWriter o, Schema schema) {
        List<List<String>> rows = new ArrayList<>();
        for (Field f : schema.fields()) {
            rows.add(
                    List.of(
                            f.name(),
                            f.type().label(),
                            f.nullable() ? "yes" : "no",
                            Views.domain(f.domain())));
        }
        Output.table(o, List.of("COLUMN", "TYPE", "NULLS", "SEEN"), rows);
    }
}
