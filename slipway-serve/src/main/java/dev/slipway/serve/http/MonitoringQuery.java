package dev.slipway.serve.http;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.monitor.ReferenceData;
import dev.slipway.monitor.alert.AlertHistory;
import dev.slipway.monitor.log.Range;
import dev.slipway.monitor.window.WindowSpec;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The query parameters of the monitoring routes, checked: each endpoint names the parameters it
 * takes, and an unknown or repeated one is refused (a misspelt {@code form=} would otherwise widen
 * the range to the whole log without a word).
 *
 * <p>Times are ISO-8601 instants ({@code 2024-05-01T12:00:00Z}, or with an offset) or dates ({@code
 * 2024-05-01}, midnight UTC). {@code to} is exclusive for an instant and inclusive for a date:
 * {@code from=2024-05-01&to=2024-05-31} is the whole of May.
 */
record MonitoringQuery(
        Range range,
        Optional<WindowSpec> window,
        ReferenceData reference,
        Optional<String> keyColumn,
        int top,
        Optional<Instant> since,
        int limit,
        List<String> columns) {

    /** The parameters every report endpoint takes. */
    static final Set<String> REPORT = Set.of("from", "to", "window", "reference", "model_version");

    /** Outliers also take {@code top}. */
    static final Set<String> OUTLIERS = Set.of("from", "to", "window", "reference", "top");

    /** Performance also takes {@code key_column}. */
    static final Set<String> PERFORMANCE =
            Set.of("from", "to", "window", "reference", "key_column");

    /**
     * Distributions of inputs also take {@code columns} (comma-separated), and a range of the log
     * as reference.
     */
    static final Set<String> DISTRIBUTIONS =
            Set.of("from", "to", "reference", "reference_from", "reference_to", "columns");

    /** Distributions of the predictions take a range of the log as reference. */
    static final Set<String> PREDICTIONS =
            Set.of("from", "to", "reference", "reference_from", "reference_to", "model_version");

    /** The alert history takes {@code since} and {@code limit}. */
    static final Set<String> ALERTS = Set.of("since", "limit");

    /** The most outlier rows one request lists. */
    static final int MAX_TOP = 1_000;

    static final int DEFAULT_TOP = 20;
    static final int DEFAULT_LIMIT = 50;

    /**
     * The parameters of {@code params}.
     *
     * @throws InvalidInputException naming the parameter that is unknown, repeated or malformed
     */
    static MonitoringQuery of(MultiMap params, Set<String> accepted) {
        QueryParams.check(params, accepted);
        Optional<Instant> from = text(params, "from").map(t -> instant("from", t));
        Optional<Instant> to = text(params, "to").map(t -> instant("to", t));
        Optional<WindowSpec> window = text(params, "window").map(WindowSpec::parse);
        ReferenceData reference = reference(params);
        int top = text(params, "top").map(t -> number("top", t, 0, MAX_TOP)).orElse(DEFAULT_TOP);
        Optional<Instant> since = text(params, "since").map(t -> instant("since", t));
        int limit =
                text(params, "limit")
                        .map(t -> number("limit", t, 1, AlertHistory.MAX_LIMIT))
                        .orElse(DEFAULT_LIMIT);
        return new MonitoringQuery(
                new Range(from, to, OptionalLong.empty()),
                window,
                reference,
                text(params, "key_column"),
                top,
                since,
                limit,
                text(params, "columns").map(MonitoringQuery::columns).orElse(List.of()));
    }

    /**
     * The training data by default; a dataset version ({@code reference=adult@3f2a}); or a range of
     * the model's own log ({@code reference_from}, {@code reference_to}), whose predictions can be
     * compared too.
     */
    private static ReferenceData reference(MultiMap params) {
        Optional<String> dataset = text(params, "reference");
        Optional<Instant> from =
                text(params, "reference_from").map(t -> instant("reference_from", t));
        Optional<Instant> to = text(params, "reference_to").map(t -> instant("reference_to", t));
        Optional<Integer> version =
                text(params, "model_version")
                        .map(t -> number("model_version", t, 1, Integer.MAX_VALUE));
        if (version.isPresent()) {
            if (dataset.isPresent() || from.isPresent() || to.isPresent()) {
                throw InvalidInputException.of(
                        "model_version",
                        "model_version chooses the training data (scored by that version) as reference; leave out reference and reference_from/reference_to, or model_version");
            }
            return new ReferenceData.Training(OptionalInt.of(version.get()));
        }
        if (from.isPresent() || to.isPresent()) {
            if (dataset.isPresent()) {
                throw InvalidInputException.of(
                        "reference",
                        "give either reference (a dataset version) or reference_from/reference_to (a range of the log), not both");
            }
            return new ReferenceData.Log(new Range(from, to, OptionalLong.empty()));
        }
        return dataset.<ReferenceData>map(t -> new ReferenceData.Dataset(dataset(t)))
                .orElseGet(ReferenceData.Training::new);
    }

    private static List<String> columns(String text) {
        List<String> names =
                Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(c -> !c.isEmpty())
                        .toList();
        if (names.isEmpty()) {
            throw InvalidInputException.of(
                    "columns",
                    "columns '%s' names no column; give column names separated by commas, e.g. columns=age,workclass"
                            .formatted(text));
        }
        return names;
    }

    private static Optional<String> text(MultiMap params, String name) {
        String v = params.get(name);
        return v == null ? Optional.empty() : Optional.of(v.strip());
    }

    /**
     * An instant: ISO with {@code Z} or an offset, a local date-time taken as UTC, or a date (its
     * midnight UTC), as {@code slipway monitor} reads times.
     */
    static Instant instant(String name, String text) {
        // A '+' of an offset that was not percent-encoded arrives as a space.
        String t = text.strip().replace(' ', '+');
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.endsWith("Z") || t.endsWith("z")) {
                return Instant.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.contains("T") && t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(
                    name,
                    "%s '%s' is not a time; give an ISO-8601 instant such as 2026-05-01T12:00:00Z (or with an offset, %%2B01:00) or a date such as 2026-05-01 (midnight UTC)"
                            .formatted(name, text));
        }
    }

    private static DatasetRef dataset(String text) {
        try {
            return DatasetRef.parse(text);
        } catch (InvalidInputException | IllegalArgumentException e) {
            throw InvalidInputException.of(
                    "reference",
                    "reference '%s' is not a dataset reference such as adult or adult@3f2a: %s"
                            .formatted(text, e.getMessage()));
        }
    }

    private static int number(String name, String text, int min, int max) {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidInputException.of(
                name,
                "%s '%s' is not a whole number from %d to %d".formatted(name, text, min, max));
    }
}
