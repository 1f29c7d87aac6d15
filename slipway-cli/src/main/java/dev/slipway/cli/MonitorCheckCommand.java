package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.data.DataLimits;
import dev.slipway.monitor.Observe;
import dev.slipway.monitor.alert.AlertEvent;
import dev.slipway.monitor.alert.AlertRules;
import dev.slipway.monitor.alert.AlertWindow;
import dev.slipway.monitor.alert.Alerts;
import dev.slipway.monitor.alert.CheckResult;
import dev.slipway.monitor.alert.Observations;
import dev.slipway.monitor.alert.RuleResult;
import dev.slipway.monitor.json.MonitorJson;
import dev.slipway.monitor.log.MonitorSession;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.PredictionTable;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.window.Window;
import dev.slipway.monitor.window.WindowSpec;
import dev.slipway.monitor.window.Windows;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway monitor check --rules FILE --model M}: evaluates alert rules once. */
@Command(
        name = "check",
        description = {
            "Evaluate alert rules on one window of the log, and notify.",
            "Prints each rule's outcome and sends the notifications that follow (a rule starting"
                    + " to fire, still firing in a new window, or resolved), as 'slipway serve'"
                    + " does on its schedule.",
            "The window: with --window, the latest complete window of the log, that is the newest"
                    + " window of that length (cut as 'monitor drift --window' cuts: from UTC"
                    + " midnight, months from the 1st) that has ended and holds rows; when none"
                    + " has ended yet, the current one. With --from and --to, exactly that span.",
            "Observed: drift of the inputs against the reference (scores are effect sizes),"
                    + " realized metrics of labelled rows, null rates and p99 latency. The error"
                    + " rate is known only to the server, so error_rate rules say 'no data' here."
        },
        footer = {
            "",
            "Examples:",
            "  slipway monitor check --rules alerts.yaml --model adult-income --window 1d",
            "  slipway monitor check --rules alerts.yaml --model adult-income \\",
            "      --from 2026-12-01 --to 2026-12-02 --reference adult@3f2a",
            "",
            "Times: " + MonitorTimes.FORMS + ".",
            "Exit codes: 0 no rule fires, 1 a rule fires (for cron and CI), 2 usage,",
            "3 invalid input (rules file, window, time, reference), 4 not found (model,",
            "its log, dataset)."
        })
final class MonitorCheckCommand extends LayerCommand {

    @Option(
            names = "--rules",
            required = true,
            paramLabel = "FILE",
            description = "The alert rules (YAML or JSON, version 1).")
    Path rulesFile;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL",
            description = "The model to check.")
    String model;

    @Option(
            names = "--window",
            paramLabel = "SPAN",
            description = "Check the latest complete window of this length: 1h, 1d, 7d, 1mo...")
    Optional<String> window = Optional.empty();

    @Option(
            names = "--from",
            paramLabel = "TIME",
            description = "Check from this time (with --to): " + MonitorTimes.FORMS + ".")
    Optional<String> from = Optional.empty();

    @Option(names = "--to", paramLabel = "TIME", description = "Check until this time (excluded).")
    Optional<String> to = Optional.empty();

    @Mixin MonitorReferenceOptions reference;

    @Override
    int run(Services services) {
        AlertRules rules = AlertRules.load(rulesFile);
        Clock clock = Clock.systemUTC();
        Chosen chosen = window(services, clock);
        Observations o =
                Observe.observe(
                        services.monitor(),
                        model,
                        chosen.window(),
                        reference.reference(),
                        OptionalDouble.empty());
        CheckResult r;
        try (Alerts alerts = new Alerts(services.home().metadata(), rules, clock)) {
            r = alerts.check(o);
        }
        if (json) {
            Output.json(out(), MonitorJson.check(r));
        } else {
            print(r, chosen);
        }
        return r.anyFiring() ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    /** The window checked, and how it was chosen, in words. */
    private record Chosen(AlertWindow window, String how) {}

    private Chosen window(Services services, Clock clock) {
        if (from.isPresent() || to.isPresent()) {
            if (window.isPresent() || from.isEmpty() || to.isEmpty()) {
                throw InvalidInputException.of(
                        "--window", "give either --window SPAN, or both --from and --to");
            }
            Instant start = MonitorTimes.parse("--from", from.get());
            Instant end = MonitorTimes.parse("--to", to.get());
            if (!end.isAfter(start)) {
                throw InvalidInputException.of(
                        "--to",
                        "--to %s is not after --from %s; give a span that ends after it starts"
                                .formatted(end, start));
            }
            return new Chosen(new AlertWindow(start, end), "as given");
        }
        WindowSpec spec =
                WindowSpec.parse(
                        window.orElseThrow(
                                () ->
                                        InvalidInputException.of(
                                                "--window",
                                                "say which window to check: --window SPAN (e.g. 1d) or --from and --to")));
        if (spec instanceof WindowSpec.Rows) {
            throw InvalidInputException.of(
                    "--window",
                    "alert rules are checked on a span of time, not of rows; give e.g. 1h, 1d or 1mo, not "
                            + spec.text());
        }
        List<Window> windows;
        try (MonitorSession s = MonitorSession.open(services.home(), DataLimits.defaults())) {
            PredictionTable log =
                    PredictionLogs.read(
                            s,
                            PredictionLogs.directory(services.home()),
                            model,
                            Range.all(),
                            PredictionLogs.signatures(services.registry(), model));
            windows = Windows.split(s, log, spec).windows();
        }
        Instant now = clock.instant();
        Optional<Window> complete =
                windows.stream()
                        .filter(w -> w.rows() > 0 && !w.end().isAfter(now))
                        .reduce((a, b) -> b);
        if (complete.isPresent()) {
            Window w = complete.get();
            return new Chosen(
                    new AlertWindow(w.start(), w.end()),
                    "the latest complete %s window, %s"
                            .formatted(spec.text(), MonitorViews.rows(w.rows())));
        }
        Window w = windows.getLast();
        return new Chosen(
                new AlertWindow(w.start(), w.end()),
                "the current %s window, not complete yet, %s so far"
                        .formatted(spec.text(), MonitorViews.rows(w.rows())));
    }

    private void print(CheckResult r, Chosen chosen) {
        var out = out();
        out.printf(
                "Model %s, window %s (%s):%n",
                model, MonitorViews.window(chosen.window()), chosen.how());
        if (r.results().isEmpty()) {
            out.printf("No rule in %s watches model %s.%n", rulesFile, model);
        }
        for (RuleResult x : r.results()) {
            String mark =
                    switch (x.outcome()) {
                        case FIRING -> "✗";
                        case OK -> "✓";
                        case NO_DATA -> "?";
                    };
            out.println(mark + " " + x.message());
        }
        if (!r.notifications().isEmpty()) {
            out.println();
            out.println("Notified:");
            for (AlertEvent e : r.notifications()) {
                out.printf("  %s #%d %s%n", e.rule(), e.sequence(), e.state().label());
            }
        }
        out.println();
        out.println(
                r.anyFiring()
                        ? Output.count(r.firing().size(), "rule") + " firing."
                        : "No rule fires.");
        out.flush();
    }
}
