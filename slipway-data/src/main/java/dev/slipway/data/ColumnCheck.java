package dev.slipway.data;

import dev.slipway.api.data.Category;
import dev.slipway.api.data.Domain;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * The checks of one batch column against the reference field of the same name, as SQL: each check
 * is a predicate over the value as text, counted in the validator's aggregate scan and used again
 * to find examples.
 */
final class ColumnCheck {

    /** How much the null rate may grow over the reference's before it is reported. */
    static final double NULL_RATE_TOLERANCE = 0.05;

    private static final int SHOWN_CATEGORIES = 10;

    /**
     * Something a check found.
     *
     * @param value the SQL expression of the column's value as text, over the batch relation
     * @param predicate the SQL condition, over a value expression, that an offending row meets;
     *     empty for findings about the column as a whole
     */
    record Finding(
            Severity severity,
            ProblemKind kind,
            String column,
            long count,
            String message,
            String value,
            Optional<UnaryOperator<String>> predicate) {

        Problem problem(List<String> examples) {
            return new Problem(severity, kind, column, count, examples, message);
        }
    }

    private final Field field;
    private final String value;
    private final double referenceNullRate;
    private final List<ProblemKind> kinds = new ArrayList<>();
    private final List<UnaryOperator<String>> predicates = new ArrayList<>();

    private ColumnCheck(Field field, String value, double referenceNullRate) {
        this.field = field;
        this.value = value;
        this.referenceNullRate = referenceNullRate;
    }

    /**
     * The checks of one column.
     *
     * @param timeFormat for a timestamp column written in a non-ISO layout, its strptime format
     */
    static ColumnCheck of(
            Field field,
            Source.SourceColumn column,
            double referenceNullRate,
            Optional<String> timeFormat) {
        String id = Sql.id(column.name());
        ColumnCheck c =
                new ColumnCheck(
                        field,
                        column.isText() ? id : "CAST(" + id + " AS VARCHAR)",
                        referenceNullRate);
        Optional<UnaryOperator<String>> fits =
                timeFormat.isPresent() && field.type() == LogicalType.TIMESTAMP
                        ? Optional.of(
                                v ->
                                        "TRY_STRPTIME(%s, %s) IS NOT NULL"
                                                .formatted(v, Sql.str(timeFormat.get())))
                        : fits(field.type());
        fits.ifPresent(
                f ->
                        c.add(
                                ProblemKind.TYPE_VIOLATION,
                                v ->
                                        v
                                                + " IS NOT NULL AND NOT coalesce("
                                                + f.apply(v)
                                                + ", false)"));
        switch (field.domain()) {
            case Domain.Categories cats -> c.add(ProblemKind.UNSEEN_CATEGORY, v -> unseen(v, cats));
            case Domain.Range r ->
                    c.add(
                            ProblemKind.OUT_OF_RANGE,
                            v ->
                                    "coalesce(%s, false) AND (TRY_CAST(%s AS DOUBLE) < %s OR TRY_CAST(%s AS DOUBLE) > %s)"
                                            .formatted(
                                                    fits.orElseThrow().apply(v),
                                                    v,
                                                    literal(r.min()),
                                                    v,
                                                    literal(r.max())));
            case Domain.TimeRange t -> {}
            case Domain.Flags f -> {}
            case Domain.Unbounded u -> {}
        }
        return c;
    }

    private void add(ProblemKind kind, UnaryOperator<String> predicate) {
        kinds.add(kind);
        predicates.add(predicate);
    }

    /** The aggregates this column adds to the scan: its non-null count, then one per check. */
    List<String> aggregates() {
        List<String> out = new ArrayList<>();
        out.add("count(" + value + ")");
        predicates.forEach(p -> out.add("count(*) FILTER (WHERE " + p.apply(value) + ")"));
        return out;
    }

    /** What the counts of {@link #aggregates()} reveal, in the order checks were added. */
    List<Finding> findings(long[] counts, long rows, String against) {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            long n = counts[i + 1];
            if (n > 0) {
                ProblemKind kind = kinds.get(i);
                Severity severity =
                        kind == ProblemKind.OUT_OF_RANGE ? Severity.WARNING : Severity.ERROR;
                out.add(
                        new Finding(
                                severity,
                                kind,
                                field.name(),
                                n,
                                message(kind, n, against),
                                value,
                                Optional.of(predicates.get(i))));
            }
        }
        if (rows > 0) {
            long nulls = rows - counts[0];
            double rate = (double) nulls / rows;
            if (rate - referenceNullRate > NULL_RATE_TOLERANCE) {
                out.add(
                        new Finding(
                                Severity.WARNING,
                                ProblemKind.NULL_RATE,
                                field.name(),
                                nulls,
                                "column '%s' is missing in %s of the rows, against %s in %s; check what feeds this column (a broken join or a renamed source field often shows up this way)"
                                        .formatted(
                                                field.name(),
                                                percent(rate),
                                                percent(referenceNullRate),
                                                against),
                                value,
                                Optional.empty()));
            }
        }
        return out;
    }

    private String message(ProblemKind kind, long n, String against) {
        String values = n == 1 ? "1 value" : n + " values";
        String them = n == 1 ? "it" : "them";
        return switch (kind) {
            case TYPE_VIOLATION ->
                    "column '%s' of %s holds %s, but %s in the batch %s not; fix %s or leave %s empty to mark %s missing"
                            .formatted(
                                    field.name(),
                                    against,
                                    expected(field.type()),
                                    values,
                                    n == 1 ? "does" : "do",
                                    them,
                                    them,
                                    them);
            case UNSEEN_CATEGORY ->
                    "column '%s' has %s that %s never saw (%s); map %s to a known category, or import a version that includes %s and retrain"
                            .formatted(field.name(), values, against, known(), them, them);
            case OUT_OF_RANGE -> {
                Domain.Range r = (Domain.Range) field.domain();
                yield "column '%s' has %s outside [%s, %s], the range seen in %s; a model extrapolates there: check for entry or unit errors"
                        .formatted(field.name(), values, number(r.min()), number(r.max()), against);
            }
            case MISSING_COLUMN, EXTRA_COLUMN, NULL_RATE ->
                    throw new IllegalArgumentException("not a per-value check: " + kind);
        };
    }

    private String known() {
        List<Category> cats = ((Domain.Categories) field.domain()).values();
        StringJoiner j = new StringJoiner(", ");
        cats.stream().limit(SHOWN_CATEGORIES).forEach(c -> j.add(c.value()));
        String more = cats.size() > SHOWN_CATEGORIES ? ", ..." : "";
        return "it knows %d categories: %s%s".formatted(cats.size(), j, more);
    }

    /**
     * The condition, over a text value, that it parses as {@code type}; empty when any text fits.
     */
    private static Optional<UnaryOperator<String>> fits(LogicalType type) {
        return switch (type) {
            case INTEGER ->
                    Optional.of(
                            v ->
                                    "TRY_CAST(%1$s AS BIGINT) IS NOT NULL AND TRY_CAST(%1$s AS DOUBLE) = TRY_CAST(%1$s AS BIGINT)"
                                            .formatted(v));
            case NUMERIC -> Optional.of(v -> "TRY_CAST(" + v + " AS DOUBLE) IS NOT NULL");
            case BOOLEAN -> Optional.of(v -> "lower(" + v + ") IN ('true', 'false')");
            case TIMESTAMP -> Optional.of(v -> "TRY_CAST(" + v + " AS TIMESTAMP) IS NOT NULL");
            case CATEGORICAL, TEXT -> Optional.empty();
        };
    }

    private static String expected(LogicalType type) {
        return switch (type) {
            case INTEGER -> "whole numbers (integer)";
            case NUMERIC -> "numbers (numeric)";
            case BOOLEAN -> "true or false (boolean)";
            case TIMESTAMP ->
                    "dates or date-times like 2024-01-31 or 2024-01-31 13:45:00 (timestamp)";
            case CATEGORICAL, TEXT -> "text";
        };
    }

    private static String unseen(String v, Domain.Categories cats) {
        if (cats.values().isEmpty()) {
            return v + " IS NOT NULL";
        }
        StringJoiner in = new StringJoiner(", ", "(", ")");
        cats.values().forEach(c -> in.add(Sql.str(c.value())));
        return v + " IS NOT NULL AND " + v + " NOT IN " + in;
    }

    private static String literal(double x) {
        return "CAST(" + Sql.str(Double.toString(x)) + " AS DOUBLE)";
    }

    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }
}
