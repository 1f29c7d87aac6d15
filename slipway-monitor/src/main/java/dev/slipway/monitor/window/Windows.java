package dev.slipway.monitor.window;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.MonitorSession;
import dev.slipway.monitor.log.PredictionTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cuts monitored data into windows (see {@link WindowSpec}), counting the rows of each. Rows
 * without a time belong to no time window. Stateless.
 */
public final class Windows {

    /** The column numbering the rows in row order, from 0, added for row windows. */
    public static final String ROW = "__row";

    /** The most windows one split may give, so that a tiny window over years fails early. */
    public static final int MAX_WINDOWS = 100_000;

    private Windows() {}

    /**
     * Cuts {@code data} into windows of {@code spec}.
     *
     * @throws InvalidInputException when the windows would be more than {@link #MAX_WINDOWS}
     * @throws StoreException when DuckDB cannot read the data
     */
    public static WindowSet split(MonitorSession session, PredictionTable data, WindowSpec spec) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(spec, "spec");
        try {
            return switch (spec) {
                case WindowSpec.Span s -> byTime(session, data, s, new SpanCut(s));
                case WindowSpec.Months m -> byTime(session, data, m, new MonthCut(m));
                case WindowSpec.Rows r -> byRows(session, data, r);
            };
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot cut the %s into windows of %s: %s"
                            .formatted(data.source(), spec.text(), DuckSql.reason(e)),
                    e);
        }
    }

    /** How time windows are numbered: in SQL for counting, in Java for their bounds. */
    private sealed interface Cut permits SpanCut, MonthCut {
        /** The SQL giving the index of the window of the instant {@code ts}, from the origin. */
        String indexSql(String ts);

        /** The index of the window holding {@code t}. */
        long index(Instant t);

        /** Where window {@code k} starts. */
        Instant start(long k);
    }

    /** Fixed lengths from UTC midnight of the first row's day. */
    private static final class SpanCut implements Cut {
        private final long lengthMicros;
        private Instant origin = Instant.EPOCH;

        SpanCut(WindowSpec.Span spec) {
            this.lengthMicros = spec.length().toMinutes() * 60_000_000L;
        }

        void origin(Instant first) {
            origin =
                    LocalDate.ofInstant(first, ZoneOffset.UTC)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
        }

        @Override
        public String indexSql(String ts) {
            return "(epoch_us(%s) - %d) // %d"
                    .formatted(ts, ChronoUnit.MICROS.between(Instant.EPOCH, origin), lengthMicros);
        }

        @Override
        public long index(Instant t) {
            return Math.floorDiv(ChronoUnit.MICROS.between(origin, t), lengthMicros);
        }

        @Override
        public Instant start(long k) {
            return origin.plus(k * lengthMicros, ChronoUnit.MICROS);
        }
    }

    /** Calendar months in UTC from the first row's month. */
    private static final class MonthCut implements Cut {
        private final int months;
        private YearMonth origin = YearMonth.of(1970, 1);

        MonthCut(WindowSpec.Months spec) {
            this.months = spec.count();
        }

        void origin(Instant first) {
            origin = YearMonth.from(first.atZone(ZoneOffset.UTC));
        }

        @Override
        public String indexSql(String ts) {
            String utc = "timezone('UTC', " + ts + ")";
            return "(year(%s) * 12 + month(%s) - 1 - %d) // %d"
                    .formatted(utc, utc, monthNumber(origin), months);
        }

        @Override
        public long index(Instant t) {
            return Math.floorDiv(
                    monthNumber(YearMonth.from(t.atZone(ZoneOffset.UTC))) - monthNumber(origin),
                    months);
        }

        @Override
        public Instant start(long k) {
            return origin.plusMonths(k * months).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        private static long monthNumber(YearMonth m) {
            return m.getYear() * 12L + m.getMonthValue() - 1;
        }
    }

    private static WindowSet byTime(
            MonitorSession session, PredictionTable data, WindowSpec spec, Cut cut)
            throws SQLException {
        String ts = DuckSql.id(data.timeColumn());
        Instant first;
        Instant last;
        try (Statement s = session.connection().createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT epoch_us(min(%s)), epoch_us(max(%s)) FROM %s"
                                        .formatted(ts, ts, data.relation()))) {
            rs.next();
            long min = rs.getLong(1);
            if (rs.wasNull()) {
                return new WindowSet(spec, data.relation(), List.of());
            }
            first = Instant.EPOCH.plus(min, ChronoUnit.MICROS);
            last = Instant.EPOCH.plus(rs.getLong(2), ChronoUnit.MICROS);
        }
        switch (cut) {
            case SpanCut c -> c.origin(first);
            case MonthCut c -> c.origin(first);
        }
        long firstIndex = cut.index(first);
        long lastIndex = cut.index(last);
        if (lastIndex - firstIndex >= MAX_WINDOWS) {
            throw InvalidInputException.of(
                    "window",
                    "windows of %s from %s to %s would be %d, more than %d: choose a longer window or a shorter range"
                            .formatted(
                                    spec.text(),
                                    first,
                                    last,
                                    lastIndex - firstIndex + 1,
                                    MAX_WINDOWS));
        }
        Map<Long, Long> counts = new HashMap<>();
        try (Statement s = session.connection().createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT %s AS k, count(*) FROM %s WHERE %s IS NOT NULL GROUP BY k"
                                        .formatted(cut.indexSql(ts), data.relation(), ts))) {
            while (rs.next()) {
                counts.put(rs.getLong(1), rs.getLong(2));
            }
        }
        List<Window> windows = new ArrayList<>();
        for (long k = firstIndex; k <= lastIndex; k++) {
            Instant start = cut.start(k);
            Instant end = cut.start(k + 1);
            String where =
                    "%s >= %s AND %s < %s"
                            .formatted(ts, DuckSql.timestamp(start), ts, DuckSql.timestamp(end));
            windows.add(
                    new Window(
                            (int) (k - firstIndex), start, end, counts.getOrDefault(k, 0L), where));
        }
        return new WindowSet(spec, data.relation(), windows);
    }

    private static WindowSet byRows(
            MonitorSession session, PredictionTable data, WindowSpec.Rows spec)
            throws SQLException {
        if (data.column(ROW).isPresent()) {
            throw InvalidInputException.of(
                    data.source(),
                    "the column name %s is reserved for row windows; rename that column"
                            .formatted(ROW));
        }
        String order = String.join(", ", data.orderColumns().stream().map(DuckSql::id).toList());
        String relation =
                "(SELECT *, row_number() OVER (ORDER BY %s) - 1 AS %s FROM %s)"
                        .formatted(order, DuckSql.id(ROW), data.relation());
        String ts = DuckSql.id(data.timeColumn());
        String row = DuckSql.id(ROW);
        long n = spec.count();
        List<Window> windows = new ArrayList<>();
        try (Statement s = session.connection().createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT %s // %d AS k, epoch_us(min(%s)), epoch_us(max(%s)), count(*) FROM %s GROUP BY k ORDER BY k"
                                        .formatted(row, n, ts, ts, relation))) {
            while (rs.next()) {
                long k = rs.getLong(1);
                if (k >= MAX_WINDOWS) {
                    throw InvalidInputException.of(
                            "window",
                            "windows of %d rows would be more than %d: choose more rows per window"
                                    .formatted(n, MAX_WINDOWS));
                }
                Instant start = Instant.EPOCH.plus(rs.getLong(2), ChronoUnit.MICROS);
                Instant end = Instant.EPOCH.plus(rs.getLong(3), ChronoUnit.MICROS);
                String where = "%s >= %d AND %s < %d".formatted(row, k * n, row, (k + 1) * n);
                windows.add(new Window((int) k, start, end, rs.getLong(4), where));
            }
        }
        return new WindowSet(spec, relation, windows);
    }
}
