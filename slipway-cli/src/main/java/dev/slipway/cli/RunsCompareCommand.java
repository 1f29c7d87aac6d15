package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.train.Comparison;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway runs compare RUN RUN...}. */
@Command(
        name = "compare",
        description =
                "Compare runs side by side: data, parameters and metrics; lines that differ are marked with *.",
        footer = {"", "Example:", "  slipway runs compare 3f9a 7c21"})
final class RunsCompareCommand extends LayerCommand {

    @Parameters(arity = "2..*", paramLabel = "RUN", description = "Two or more run ids.")
    List<String> ids = new ArrayList<>();

    @Override
    int run(Services services) {
        Comparison c = services.runs().compare(ids);
        if (json) {
            ObjectNode n = Output.object();
            ArrayNode runs = n.putArray("runs");
            c.runs().forEach(r -> runs.add(r.id()));
            ArrayNode lines = n.putArray("lines");
            for (Comparison.Line l : c.lines()) {
                ObjectNode o = lines.addObject();
                o.put("section", l.section());
                o.put("name", l.name());
                ArrayNode values = o.putArray("values");
                l.values().forEach(values::add);
                o.put("differs", l.differs());
            }
            Output.json(out(), n);
            return ExitCode.OK;
        }
        List<String> header = new ArrayList<>(List.of("", ""));
        c.runs().forEach(r -> header.add(r.id()));
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Line l : c.lines()) {
            List<String> row = new ArrayList<>();
            row.add(l.differs() ? "*" : "");
            row.add(l.section().equals("run") ? l.name() : l.section() + " " + l.name());
            row.addAll(l.values());
            rows.add(row);
        }
        Output.table(out(), header, rows);
        return ExitCode.OK;
    }
}
