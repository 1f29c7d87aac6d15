package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.data.Datasets;
import dev.slipway.data.Problem;
import dev.slipway.data.ProblemJson;
import dev.slipway.data.ValidationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code slipway data validate NAME[@VER] FILE}. */
@Command(
        name = "validate",
        description = {
            "Check a new batch of data against a dataset version's schema.",
            "Reports missing or extra columns, type violations, unseen categories, null rates and",
            "values outside the range seen; exits 1 when there are errors (warnings alone exit 0)."
        },
        footer = {"", "Example:", "  slipway data validate adult adult_test.csv"})
final class DataValidateCommand extends DataSubcommand {

    @Parameters(index = "0", paramLabel = "NAME[@VER]", description = "The reference version.")
    String ref;

    @Parameters(index = "1", paramLabel = "FILE", description = "The batch to check.")
    Path file;

    @Override
    int run(Datasets datasets) {
        ValidationReport r = datasets.validate(DatasetRef.parse(ref), file);
        if (json) {
            ObjectNode n = Output.object();
            n.put("against", r.against());
            n.put("file", r.file());
            n.put("rows", r.rows());
            n.put("passed", r.passed());
            n.put("errors", r.errors());
            n.put("warnings", r.warnings());
            n.set("problems", ProblemJson.of(r.problems()));
            Output.json(out(), n);
        } else {
            out().printf(
                            "%s: %s rows checked against %s: %s (%s, %s)%n",
                            r.file(),
                            Output.num(r.rows()),
                            r.against(),
                            r.passed() ? "passed" : "FAILED",
                            Output.count(r.errors(), "error"),
                            Output.count(r.warnings(), "warning"));
            if (!r.problems().isEmpty()) {
                out().println();
                List<List<String>> rows = new ArrayList<>();
                for (Problem p : r.problems()) {
                    rows.add(
                            List.of(
                                    p.severity().name(),
                                    p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                                    p.column(),
                                    Output.num(p.count()),
                                    String.join(", ", p.examples())));
                }
                Output.table(
                        out(), List.of("SEVERITY", "PROBLEM", "COLUMN", "ROWS", "EXAMPLES"), rows);
                out().println();
                r.problems().forEach(p -> out().println("- " + p.message()));
            }
        }
        return r.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
