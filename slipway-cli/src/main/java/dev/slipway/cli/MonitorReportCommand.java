package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.monitor.alert.AlertEvent;
import dev.slipway.monitor.alert.AlertHistory;
import dev.slipway.monitor.alert.AlertRecord;
import dev.slipway.monitor.drift.ColumnDrift;
import dev.slipway.monitor.drift.DatasetDrift;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.perf.MetricComparison;
import dev.slipway.monitor.perf.PerformanceReport;
import dev.slipway.monitor.report.MonitoringReport;
import dev.slipway.monitor.report.ReportHtml;
import dev.slipway.monitor.report.ReportJson;
import dev.slipway.monitor.report.ReportRequest;
import dev.slipway.monitor.report.Reports;
import dev.slipway.monitor.report.ValueCounts;
import dev.slipway.monitor.window.WindowSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway monitor report}: a model's monitoring report as one HTML file (or JSON). */
@Command(
        name = "report",
        description = {
            "A model's monitoring report, as one HTML file or as JSON.",
            "Over a range of the model's prediction log: the drift of each input against the"
                    + " reference, overall and per window, with the distributions of both;"
                    + " realized performance from its labels against training; outliers; data"
                    + " quality; latency; and its alerts. The HTML file is self-contained: it"
                    + " opens offline, without a server, and can be mailed or attached to a"
                    + " ticket. --json prints the same report as a versioned JSON document."
        },
        footer = {
            "",
            "Examples:",
            "  slipway monitor report --model adult-income --out report.html",
            "  slipway monitor report --model adult-income --from 2026-12-01 \\",
            "      --to 2026-12-08 --reference adult@3f2a --out week.html",
            "  slipway monitor report --model adult-income --json > report.json",
            "",
            "Times: " + MonitorTimes.FORMS + ".",
            "Exit codes: 0 written, 2 usage, 3 invalid input (a time, window, reference or",
            "the --out file), 4 not found (the model, its log or its training data)."
        })
final class MonitorReportCommand extends LayerCommand {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL",
            description = "The model whose prediction log to report on.")
    String model;

    @Mixin MonitorReferenceOptions reference;

    @Option(
            names = "--from",
            paramLabel = "TIME",
            description = "Only rows at or after this time (default: the first row).")
    Optional<String> from = Optional.empty();

    @Option(
            names = "--to",
            paramLabel = "TIME",
            description = "Only rows before this time (default: up to the last row).")
    Optional<String> to = Optional.empty();

    @Option(
            names = "--window",
            paramLabel = "SPAN",
            defaultValue = ReportRequest.DEFAULT_WINDOW,
            description =
                    "The windows of the series over time (default: ${DEFAULT-VALUE}): "
                            + WindowSpec.FORMS
                            + ".")
    String window;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "The HTML file to write (replaced if it exists). Needed without --json.")
    Optional<Path> outFile = Optional.empty();

    @Override
    int run(Services services) {
        if (outFile.isEmpty() && !json) {
            throw InvalidInputException.of(
                    "--out",
                    "say where the report goes: --out report.html for the HTML file, or --json to print it as JSON");
        }
        ReportRequest request =
                ReportRequest.of(model)
                        .withReference(reference.reference())
                        .withRange(
                                new Range(
                                        MonitorTimes.parse("--from", from),
                                        MonitorTimes.parse("--to", to),
                                        OptionalLong.empty()))
                        .withWindow(WindowSpec.parse(window));
        MonitoringReport r =
                Reports.build(
                        services.monitor(),
                        ValueCounts.of(services.monitor()),
                        new AlertHistory(services.home().metadata()),
                        request,
                        Clock.systemUTC());
        Optional<Path> written = outFile.map(f -> write(f, ReportHtml.render(r)));
        if (json) {
            Output.json(out(), ReportJson.of(r));
        } else {
            out().printf("Wrote the monitoring report of %s to %s%n", model, written.orElseThrow());
            out().println(summary(r));
            out().flush();
        }
        return ExitCode.OK;
    }

    /** Writes {@code html} to a temporary file beside {@code target}, then moves it in place. */
    static Path write(Path target, String html) {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            shareable(tmp);
            try {
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw InvalidInputException.of(
                    "--out",
                    "cannot write the report to %s: %s; give a file in a folder you can write to"
                            .formatted(file, e.getMessage()),
                    e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the temporary file is left beside the target; nothing else to do
                }
            }
        }
    }

    /** The report in one paragraph: drift, performance, outliers, alerts, notes. */
    static String summary(MonitoringReport r) {
        List<String> s = new ArrayList<>();
        DatasetDrift d = r.drift().data();
        List<String> drifted =
                d.columns().stream().filter(ColumnDrift::drifted).map(ColumnDrift::column).toList();
        s.add(
                "%s: %s rows in %s of %s, compared with %s."
                        .formatted(
                                r.drift().current(),
                                Output.num(r.drift().currentRows()),
                                Output.count(r.drift().windows().size(), "window"),
                                r.window().text(),
                                r.drift().reference()));
        s.add(
                "%s: %d of %d input columns drifted%s."
                        .formatted(
                                d.drifted() ? "DATASET DRIFT" : "No dataset drift",
                                d.driftedColumns(),
                                d.columns().size(),
                                drifted.isEmpty() ? "" : " (" + String.join(", ", drifted) + ")"));
        r.drift()
                .prediction()
                .ifPresent(
                        p ->
                                s.add(
                                        "Predictions: %s."
                                                .formatted(p.drifted() ? "DRIFTED" : "no drift")));
        if (r.performance().isPresent() && r.performance().get().labelled() > 0) {
            PerformanceReport p = r.performance().get();
            List<String> m = new ArrayList<>();
            for (MetricComparison c : p.comparison()) {
                m.add(
                        "%s %s (%s at training%s)"
                                .formatted(
                                        c.metric(),
                                        Output.num(c.realized()),
                                        Output.num(c.training()),
                                        c.worse() ? ", worse" : ""));
            }
            if (m.isEmpty()) {
                p.metrics().forEach((k, v) -> m.add(k + " " + Output.num(v)));
            }
            s.add(
                    "Realized over %s: %s."
                            .formatted(
                                    Output.count(p.labelled(), "labelled row"),
                                    String.join(", ", m)));
        } else {
            s.add("Realized performance: unknown (see the report's notes).");
        }
        r.outliers()
                .ifPresent(
                        o ->
                                s.add(
                                        "Outliers: %s of rows."
                                                .formatted(
                                                        String.format(
                                                                Locale.ROOT,
                                                                "%.1f%%",
                                                                o.outlierShare() * 100))));
        Set<String> firing = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (AlertRecord a : r.alerts()) {
            if (seen.add(a.event().rule()) && a.event().state() == AlertEvent.State.FIRING) {
                firing.add(a.event().rule());
            }
        }
        s.add(
                "Alerts: %s%s."
                        .formatted(
                                Output.count(r.alerts().size(), "notification"),
                                firing.isEmpty() ? "" : ", firing: " + String.join(", ", firing)));
        if (!r.notes().isEmpty()) {
            s.add(Output.count(r.notes().size(), "note") + " in the report.");
        }
        return String.join(" ", s);
    }

    /**
     * A report is for reading by others: readable by all like any file the user writes, not
     * owner-only as a temporary file starts (where the file system has POSIX permissions).
     */
    private static void shareable(Path p) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(
                    p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
