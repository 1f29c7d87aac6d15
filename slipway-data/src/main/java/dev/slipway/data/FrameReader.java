package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.LogicalType;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.duckdb.DuckDBConnection;

/**
 * Reads columns of a snapshot into memory as a {@link Frame}, in file order: numeric columns as
 * FP64, integers and timestamps (microseconds since the epoch, UTC) as INT64, booleans as BOOL,
 * categories and text as STRING.
 */
final class FrameReader {

    /** From this many rows on, a read uses two threads. */
    private static final int PARALLEL_ROWS = 100_000;

    private FrameReader() {}

    static Frame read(DuckSession duck, Path snapshot, DatasetVersion v, List<String> names) {
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(
                    v.schema()
                            .find(name)
                            .orElseThrow(
                                    () ->
                                            InvalidInputException.of(
                                                    name,
                                                    "dataset %s has no column '%s'; its columns are %s"
                                                            .formatted(
                                                                    v.ref(),
                                                                    name,
                                                                    v.schema().names()))));
        }
        if (v.rows() > Integer.MAX_VALUE) {
            throw InvalidInputException.of(
                    v.ref().toString(),
                    "%s has %d rows, more than one in-memory batch can hold (%d); split it first"
                            .formatted(v.ref(), v.rows(), Integer.MAX_VALUE));
        }
        int rows = (int) v.rows();
        List<Builder> builders = fields.stream().map(f -> new Builder(f, rows)).toList();
        // JDBC costs more per value than DuckDB's scan: a large read splits the columns between
        // two connections to the same engine, read on two threads.
        if (rows < PARALLEL_ROWS || builders.size() < 2) {
            scanOrFail(duck.connection(), snapshot, v, rows, builders);
        } else {
            List<Builder> first = new ArrayList<>();
            List<Builder> second = new ArrayList<>();
            for (int i = 0; i < builders.size(); i++) {
                (i % 2 == 0 ? first : second).add(builders.get(i));
            }
            Connection other;
            try {
                other = duck.connection().unwrap(DuckDBConnection.class).duplicate();
            } catch (SQLException e) {
                throw readFailed(v, e);
            }
            CompletableFuture<Void> done;
            try (other) {
                done =
                        CompletableFuture.runAsync(
                                () -> scanOrFail(other, snapshot, v, rows, second),
                                task -> Thread.ofPlatform().name("slipway-read").start(task));
                scanOrFail(duck.connection(), snapshot, v, rows, first);
                try {
                    done.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw e;
                }
            } catch (SQLException e) {
                throw readFailed(v, e);
            }
        }
        return new Frame(rows, builders.stream().map(Builder::build).toList());
    }

    private static void scanOrFail(
            Connection connection,
            Path snapshot,
            DatasetVersion v,
            int rows,
            List<Builder> builders) {
        try {
            scan(connection, snapshot, v, rows, builders);
        } catch (SQLException e) {
            throw readFailed(v, e);
        }
    }

    /** Reads the columns of {@code builders} from the snapshot, in file order. */
    private static void scan(
            Connection connection,
            Path snapshot,
            DatasetVersion v,
            int rows,
            List<Builder> builders)
            throws SQLException {
        String select =
                builders.stream()
                        .map(b -> expression(b.field))
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("1");
        String sql =
                "SELECT " + select + " FROM read_parquet(" + Sql.str(snapshot.toString()) + ")";
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int r = 0;
            while (rs.next()) {
                if (r >= rows) {
                    throw new StoreException(
                            "the snapshot of %s holds more rows than its %d recorded"
                                    .formatted(v.ref(), rows));
                }
                for (int i = 0; i < builders.size(); i++) {
                    builders.get(i).read(rs, i + 1, r);
                }
                r++;
            }
            if (r != rows) {
                throw new StoreException(
                        "the snapshot of %s holds %d rows, not the %d recorded"
                                .formatted(v.ref(), r, rows));
            }
        }
    }

    private static StoreException readFailed(DatasetVersion v, SQLException e) {
        return new StoreException(
                "cannot read the snapshot of " + v.ref() + ": " + e.getMessage(), e);
    }

    private static String expression(Field f) {
        String id = Sql.id(f.name());
        return switch (f.type()) {
            case TIMESTAMP -> "epoch_us(" + id + ")";
            case NUMERIC -> "CAST(" + id + " AS DOUBLE)";
            case INTEGER -> "CAST(" + id + " AS BIGINT)";
            case CATEGORICAL, TEXT -> "CAST(" + id + " AS VARCHAR)";
            case BOOLEAN -> id;
        };
    }

    /** Collects one column's values. */
    private static final class Builder {
        private final Field field;
        private final BitSet nulls = new BitSet();
        private double[] doubles;
        private long[] longs;
        private boolean[] flags;
        private String[] strings;

        Builder(Field field, int rows) {
            this.field = field;
            switch (kind(field.type())) {
                case FP64 -> doubles = new double[rows];
                case INT64 -> longs = new long[rows];
                case BOOL -> flags = new boolean[rows];
                case STRING -> strings = new String[rows];
                case FP32 -> throw new IllegalStateException("no FP32 columns in snapshots");
            }
        }

        static dev.slipway.api.model.DType kind(LogicalType t) {
            return switch (t) {
                case NUMERIC -> dev.slipway.api.model.DType.FP64;
                case INTEGER, TIMESTAMP -> dev.slipway.api.model.DType.INT64;
                case BOOLEAN -> dev.slipway.api.model.DType.BOOL;
                case CATEGORICAL, TEXT -> dev.slipway.api.model.DType.STRING;
            };
        }

        void read(ResultSet rs, int index, int row) throws SQLException {
            if (doubles != null) {
                doubles[row] = rs.getDouble(index);
            } else if (longs != null) {
                longs[row] = rs.getLong(index);
            } else if (flags != null) {
                flags[row] = rs.getBoolean(index);
            } else {
                String s = rs.getString(index);
                strings[row] = s == null ? "" : s;
            }
            if (rs.wasNull()) {
                nulls.set(row);
                if (doubles != null) {
                    doubles[row] = Double.NaN;
                }
            }
        }

        Column build() {
            String name = field.name();
            if (doubles != null) {
                return new DoubleColumn(name, 1, doubles, nulls);
            } else if (longs != null) {
                return new LongColumn(name, 1, longs, nulls);
            } else if (flags != null) {
                return new BoolColumn(name, 1, flags, nulls);
            }
            return new StringColumn(name, 1, strings, nulls);
        }
    }
}
