package dev.slipway.monitor.drift;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Drift between two relations read by DuckDB: per column, one {@code GROUP BY} query counts each
 * distinct value on both sides, so memory grows with distinct values, not rows.
 *
 * <p>A relation is SQL text that DuckDB can read after {@code FROM}: a table or view name, a table
 * function call such as {@code read_parquet('data.parquet')} or {@code read_csv('data.csv')}, or a
 * query ({@code SELECT ...}, {@code WITH ...}, {@code FROM ...}), which is parenthesised here. The
 * text is run as given: build it from trusted parts, with paths quoted as SQL literals.
 *
 * <p>Missing values (null; NaN and ±infinity in number columns) are left out. Stateless; each call
 * uses the given connection on the calling thread only, and does not close it.
 */
public final class DuckDbDrift {

    private DuckDbDrift() {}

    /**
     * The drift of {@code columns} between two relations, and the dataset verdict.
     *
     * @param duckdb an open DuckDB connection; its owner closes it
     * @param reference the reference relation
     * @param current the current relation
     * @throws NotFoundException when a column is missing from either relation
     * @throws InvalidInputException when a relation cannot be read, a column's type does not fit
     *     its kind, a column has no values on one side, or as {@link Drift#column(ColumnCounts,
     *     DriftOptions)}
     */
    public static DatasetDrift dataset(
            Connection duckdb,
            String reference,
            String current,
            List<DriftColumn> columns,
            DriftOptions options) {
        DuckRelation ref = DuckRelation.describe(duckdb, "reference", reference);
        DuckRelation cur = DuckRelation.describe(duckdb, "current", current);
        List<ColumnDrift> out = new ArrayList<>(columns.size());
        for (DriftColumn c : columns) {
            out.add(Drift.column(counts(duckdb, ref, cur, c), options));
        }
        return DatasetDrift.of(out, options.driftShare());
    }

    /**
     * One column's counts in two relations.
     *
     * @throws NotFoundException when the column is missing from either relation
     * @throws InvalidInputException when a relation cannot be read or the column's type does not
     *     fit its kind
     */
    public static ColumnCounts counts(
            Connection duckdb, String reference, String current, DriftColumn column) {
        return counts(
                duckdb,
                DuckRelation.describe(duckdb, "reference", reference),
                DuckRelation.describe(duckdb, "current", current),
                column);
    }

    /**
     * Every column of the reference that the current relation also has and whose types drift can
     * compare (numbers, text, booleans, enums), in the reference's order, with the kind inferred
     * from the types. Columns of other types (dates, lists...) are left out.
     *
     * @throws InvalidInputException when a relation cannot be read
     */
    public static List<DriftColumn> columns(Connection duckdb, String reference, String current) {
        DuckRelation ref = DuckRelation.describe(duckdb, "reference", reference);
        DuckRelation cur = DuckRelation.describe(duckdb, "current", current);
        List<DriftColumn> out = new ArrayList<>();
        for (String name : ref.names()) {
            DuckRelation.Column c = cur.columns().get(name);
            if (c == null) {
                continue;
            }
            DuckType r = ref.columns().get(name).duckType();
            DuckType k = c.duckType();
            if (r.isNumber() && k.isNumber()) {
                out.add(DriftColumn.of(name, ColumnKind.NUMERIC));
            } else if (r == DuckType.LABEL && k == DuckType.LABEL) {
                out.add(DriftColumn.of(name, ColumnKind.CATEGORICAL));
            }
        }
        return out;
    }

    static ColumnCounts counts(
            Connection duckdb, DuckRelation ref, DuckRelation cur, DriftColumn column) {
        String name = column.name();
        DuckRelation.Column rc = ref.column(name);
        DuckRelation.Column cc = cur.column(name);
        ColumnKind kind = column.kind().orElseGet(() -> inferKind(name, rc, cc));
        return switch (kind) {
            case NUMERIC -> numeric(duckdb, ref, cur, name, rc, cc);
            case CATEGORICAL -> categorical(duckdb, ref, cur, name, rc, cc);
        };
    }

    private static ColumnKind inferKind(
            String name, DuckRelation.Column ref, DuckRelation.Column cur) {
        DuckType r = ref.duckType();
        DuckType c = cur.duckType();
        requireComparable(name, "reference", ref);
        requireComparable(name, "current", cur);
        if (r.isNumber() && c.isNumber()) {
            return ColumnKind.NUMERIC;
        }
        if (r == DuckType.LABEL && c == DuckType.LABEL) {
            return ColumnKind.CATEGORICAL;
        }
        throw InvalidInputException.at(
                "current",
                0,
                Optional.of(name),
                ("column '%s' is %s in the reference data but %s in the current data; declare its"
                                + " kind (categorical compares both as text), or cast one side in"
                                + " the SQL")
                        .formatted(name, ref.type(), cur.type()),
                null);
    }

    private static void requireComparable(String name, String side, DuckRelation.Column c) {
        if (c.duckType() == DuckType.OTHER) {
            throw InvalidInputException.at(
                    side,
                    0,
                    Optional.of(name),
                    ("column '%s' has type %s in the %s data; drift compares numbers, text and"
                                    + " booleans: leave the column out, declare it categorical to"
                                    + " compare its values as text, or cast it in the SQL")
                            .formatted(name, c.type(), side),
                    null);
        }
    }

    private static NumericCounts numeric(
            Connection duckdb,
            DuckRelation ref,
            DuckRelation cur,
            String name,
            DuckRelation.Column rc,
            DuckRelation.Column cc) {
        requireNumber(name, "reference", rc);
        requireNumber(name, "current", cc);
        String sql =
                countsQuery(
                        "CAST(#%d AS DOUBLE)".formatted(rc.position()),
                        ref.sql(),
                        "",
                        "CAST(#%d AS DOUBLE)".formatted(cc.position()),
                        cur.sql(),
                        "",
                        "v IS NOT NULL AND isfinite(v)");
        Growing g = new Growing();
        try (Statement s = duckdb.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                g.add(rs.getDouble(1), null, rs.getLong(2), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw unreadable(name, e);
        }
        boolean integral = rc.duckType() == DuckType.INTEGER && cc.duckType() == DuckType.INTEGER;
        return NumericCounts.ofCounts(
                name,
                Arrays.copyOf(g.values, g.size),
                Arrays.copyOf(g.ref, g.size),
                Arrays.copyOf(g.cur, g.size),
                integral);
    }

    private static CategoricalCounts categorical(
            Connection duckdb,
            DuckRelation ref,
            DuckRelation cur,
            String name,
            DuckRelation.Column rc,
            DuckRelation.Column cc) {
        // Numbers of different types (BIGINT and DOUBLE, say) become text through DOUBLE, so
        // that 1 and 1.0 are one label; NaN and infinities are missing values, as in numbers.
        boolean viaDouble =
                rc.duckType().isNumber()
                        && cc.duckType().isNumber()
                        && !rc.type().equals(cc.type());
        String sql =
                countsQuery(
                        label(rc, viaDouble),
                        ref.sql(),
                        finiteFilter(rc),
                        label(cc, viaDouble),
                        cur.sql(),
                        finiteFilter(cc),
                        "v IS NOT NULL");
        Growing g = new Growing();
        try (Statement s = duckdb.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                g.add(0, rs.getString(1), rs.getLong(2), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw unreadable(name, e);
        }
        return CategoricalCounts.ofCounts(
                name, g.labels, Arrays.copyOf(g.ref, g.size), Arrays.copyOf(g.cur, g.size));
    }

    private static String label(DuckRelation.Column c, boolean viaDouble) {
        return viaDouble
                ? "CAST(CAST(#%d AS DOUBLE) AS VARCHAR)".formatted(c.position())
                : "CAST(#%d AS VARCHAR)".formatted(c.position());
    }

    private static String finiteFilter(DuckRelation.Column c) {
        return c.duckType().isNumber()
                ? " WHERE isfinite(CAST(#%d AS DOUBLE))".formatted(c.position())
                : "";
    }

    private static String countsQuery(
            String refValue,
            String refFrom,
            String refWhere,
            String curValue,
            String curFrom,
            String curWhere,
            String keep) {
        return ("SELECT v, count(*) FILTER (WHERE s = 0), count(*) FILTER (WHERE s = 1) FROM ("
                        + "SELECT %s AS v, 0 AS s FROM %s%s UNION ALL SELECT %s, 1 FROM %s%s)"
                        + " WHERE %s GROUP BY v ORDER BY v")
                .formatted(refValue, refFrom, refWhere, curValue, curFrom, curWhere, keep);
    }

    private static void requireNumber(String name, String side, DuckRelation.Column c) {
        if (!c.duckType().isNumber()) {
            throw InvalidInputException.at(
                    side,
                    0,
                    Optional.of(name),
                    ("column '%s' is %s in the %s data, so it cannot be compared as numeric;"
                                    + " compare it as categorical, or cast it to a number in the"
                                    + " SQL")
                            .formatted(name, c.type(), side),
                    null);
        }
    }

    private static InvalidInputException unreadable(String name, SQLException e) {
        return InvalidInputException.at(
                "drift",
                0,
                Optional.of(name),
                "column '%s': its values cannot be counted: %s"
                        .formatted(name, DuckRelation.reason(e)),
                e);
    }

    /** Rows of a counts query, collected in arrays that grow as needed. */
    private static final class Growing {
        double[] values = new double[64];
        final List<String> labels = new ArrayList<>();
        long[] ref = new long[64];
        long[] cur = new long[64];
        int size;

        void add(double value, String label, long r, long c) {
            if (size == ref.length) {
                values = Arrays.copyOf(values, size * 2);
                ref = Arrays.copyOf(ref, size * 2);
                cur = Arrays.copyOf(cur, size * 2);
            }
            values[size] = value;
            if (label != null) {
                labels.add(label);
            }
            ref[size] = r;
            cur[size] = c;
            size++;
        }
    }
}
