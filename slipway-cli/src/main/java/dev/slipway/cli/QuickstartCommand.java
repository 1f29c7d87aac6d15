package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.StoreException;
import dev.slipway.data.DataLimits;
import dev.slipway.data.Datasets;
import dev.slipway.data.ImportOptions;
import dev.slipway.data.ImportResult;
import dev.slipway.data.ProgressListener;
import dev.slipway.data.ValidationReport;
import dev.slipway.store.SlipwayHome;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway quickstart}: the main job on bundled data. Today it covers the data layer: import
 * the Adult census data, profile it, and validate the test split against it.
 */
@Command(
        name = "quickstart",
        mixinStandardHelpOptions = true,
        description = {
            "Run Slipway end to end on the bundled UCI Adult census data.",
            "Imports the training data, profiles it, and validates the test data against it;",
            "running it again reuses what exists."
        },
        footer = {
            "",
            "Examples:",
            "  slipway quickstart",
            "  slipway quickstart --home /tmp/slipway-demo"
        })
final class QuickstartCommand implements Callable<Integer> {

    private static final String RESOURCES = "/dev/slipway/cli/quickstart/";

    @Mixin HomeOptions homeOptions;

    @Option(names = "--json", description = "Print the result as JSON, for scripts.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SlipwayHome home = homeOptions.open()) {
            Datasets datasets = new Datasets(home, Clock.systemUTC(), DataLimits.defaults());
            step(
                    out,
                    1,
                    "Unpacking the bundled Adult census data into "
                            + home.root().resolve("examples"));
            Path dir = home.root().resolve("examples").resolve("adult");
            Path train = unpack(dir, "adult_train.csv");
            Path test = unpack(dir, "adult_test.csv");
            unpack(dir, "SOURCES.md");
            step(out, 2, "Importing " + train.getFileName() + " as dataset 'adult'");
            ImportResult imported =
                    datasets.importFile(
                            train, "adult", ImportOptions.defaults(), ProgressListener.NONE);
            var v = imported.version();
            detail(
                    out,
                    "%s@%s: %s rows, %d columns%s"
                            .formatted(
                                    v.dataset(),
                                    v.id(),
                                    Output.num(v.rows()),
                                    v.schema().size(),
                                    imported.created() ? "" : " (already imported)"));
            step(out, 3, "Profiling: stored with the version");
            var profile = datasets.profile(v.ref());
            profile.column("age")
                    .flatMap(c -> c.numeric())
                    .ifPresent(
                            n ->
                                    detail(
                                            out,
                                            "age: mean %.2f, std %.2f, min %s, max %s"
                                                    .formatted(
                                                            n.mean(),
                                                            n.std(),
                                                            Output.num(n.min()),
                                                            Output.num(n.max()))));
            step(out, 4, "Validating " + test.getFileName() + " against adult@" + v.id());
            ValidationReport report = datasets.validate(v.ref(), test);
            detail(
                    out,
                    "%s: %s, %s"
                            .formatted(
                                    report.passed() ? "passed" : "FAILED",
                                    Output.count(report.errors(), "error"),
                                    Output.count(report.warnings(), "warning")));
            if (json) {
                ObjectNode n = Output.object();
                n.put("home", home.root().toString());
                n.set("dataset", Views.version(v));
                n.put("validation_passed", report.passed());
                n.put("validation_errors", report.errors());
                n.put("validation_warnings", report.warnings());
                Output.json(out, n);
            } else {
                out.println();
                out.println("Next:");
                out.println("  slipway data show adult          # schema and the values seen");
                out.println("  slipway data profile adult       # statistics per column");
                out.println("  slipway data validate adult " + test + "");
                out.println("  slipway data split adult --test 0.2 --seed 42 --stratify income");
            }
            return report.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
    }

    private void step(PrintWriter out, int n, String what) {
        PrintWriter w = json ? spec.commandLine().getErr() : out;
        w.printf(Locale.ROOT, "[%d/4] %s%n", n, what);
        w.flush();
    }

    private void detail(PrintWriter out, String what) {
        PrintWriter w = json ? spec.commandLine().getErr() : out;
        w.println("      " + what);
        w.flush();
    }

    private static Path unpack(Path dir, String name) {
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try (InputStream in = QuickstartCommand.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new StoreException(
                        "the bundled file " + name + " is missing from this build");
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new StoreException(
                    "cannot unpack " + name + " into " + dir + ": " + e.getMessage(), e);
        }
    }
}
