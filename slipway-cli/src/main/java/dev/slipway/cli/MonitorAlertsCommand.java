package dev.slipway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slipway.api.InvalidInputException;
import dev.slipway.monitor.alert.AlertEvent;
import dev.slipway.monitor.alert.AlertHistory;
import dev.slipway.monitor.alert.AlertRecord;
import dev.slipway.monitor.json.MonitorJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway monitor alerts}: the notifications sent, newest first. */
@Command(
        name = "alerts",
        description = {
            "The alert notifications sent, newest first.",
            "Notifications of 'slipway serve' and 'slipway monitor check', with each webhook"
                    + " delivery's outcome."
        },
        footer = {
            "",
            "Examples:",
            "  slipway monitor alerts",
            "  slipway monitor alerts --model adult-income --since 2026-12-01 --limit 10 --json",
            "",
            "Times: " + MonitorTimes.FORMS + ".",
            "Exit codes: 0 done, 2 usage, 3 invalid input (time, limit)."
        })
final class MonitorAlertsCommand extends LayerCommand {

    @Option(names = "--model", paramLabel = "MODEL", description = "Only this model's alerts.")
    Optional<String> model = Optional.empty();

    @Option(
            names = "--since",
            paramLabel = "TIME",
            description = "Only notifications at or after this time: " + MonitorTimes.FORMS + ".")
    Optional<String> since = Optional.empty();

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "50",
            description = "At most this many, the newest (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    int run(Services services) {
        if (limit < 1 || limit > AlertHistory.MAX_LIMIT) {
            throw InvalidInputException.of(
                    "--limit", "--limit %d: give 1 to %d".formatted(limit, AlertHistory.MAX_LIMIT));
        }
        Optional<Instant> from = MonitorTimes.parse("--since", since);
        List<AlertRecord> records =
                new AlertHistory(services.home().metadata()).query(model, from, limit);
        if (json) {
            ArrayNode a = Output.array();
            records.forEach(r -> a.add(MonitorJson.alert(r)));
            Output.json(out(), a);
            return ExitCode.OK;
        }
        if (records.isEmpty()) {
            out().println(
                            "No alert notifications"
                                    + model.map(m -> " for model " + m).orElse("")
                                    + ".");
            out().flush();
            return ExitCode.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (AlertRecord r : records) {
            AlertEvent e = r.event();
            rows.add(
                    List.of(
                            e.time().toString(),
                            e.rule() + " #" + e.sequence(),
                            e.model(),
                            (e.state() == AlertEvent.State.FIRING ? "✗ " : "✓ ")
                                    + e.state().label(),
                            e.severity().label(),
                            e.condition(),
                            MonitorViews.decimal(e.observed()),
                            MonitorViews.window(e.window()),
                            r.delivery().status().toString().toLowerCase(Locale.ROOT)));
        }
        Output.table(
                out(),
                List.of(
                        "TIME",
                        "RULE",
                        "MODEL",
                        "STATE",
                        "SEVERITY",
                        "CONDITION",
                        "OBSERVED",
                        "WINDOW",
                        "DELIVERY"),
                rows);
        return ExitCode.OK;
    }
}
