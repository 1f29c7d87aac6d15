package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads a whole CSV, Parquet or JSON-lines file into memory as a {@link Frame}, with the types
 * DuckDB detects: fractional numbers as FP64, whole numbers as INT64, booleans as BOOL, everything
 * else (text, dates, times) as STRING; a missing value is a null row (NaN in FP64 columns). Columns
 * come in file order, rows in file order.
 */
final class FileFrames {

    /** The most rows a frame holds: the largest array Java allocates. */
    private static final long MAX_ROWS = Integer.MAX_VALUE - 8L;

    private FileFrames() {}

    static Frame read(DuckSession duck, Path file) {
        SourceReader.checkFile(file);
        SourceFormat format = SourceReader.detect(file);
        String path = Sql.str(file.toString());
        String base =
                switch (format) {
                    case CSV -> "read_csv(" + path + ", auto_detect=true)";
                    case PARQUET -> "read_parquet(" + path + ")";
                    case JSONL -> "read_json(" + path + ", format='auto')";
                };
        List<String> names = new ArrayList<>();
        List<DType> kinds = new ArrayList<>();
        long rows;
        try (Statement s = duck.connection().createStatement()) {
            s.execute("CREATE TEMP TABLE file_rows AS SELECT * FROM " + base);
            try (ResultSet rs = s.executeQuery("DESCRIBE file_rows")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    kinds.add(kind(file, rs.getString(1), rs.getString(2)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM file_rows")) {
                rs.next();
                rows = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw DuckErrors.unreadable(file, format, e);
        }
        if (rows > MAX_ROWS) {
            throw InvalidInputException.of(
                    file.toString(),
                    "%s has %d rows, more than one in-memory batch holds (%d); give a smaller file"
                            .formatted(file, rows, MAX_ROWS));
        }
        return fill(duck, file, names, kinds, (int) rows);
    }

    private static Frame fill(
            DuckSession duck, Path file, List<String> names, List<DType> kinds, int rows) {
        List<Values> columns = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(new Values(names.get(i), kinds.get(i), rows));
            select.add(cast(Sql.id(names.get(i)), kinds.get(i)));
        }
        String sql =
                "SELECT "
                        + (select.isEmpty() ? "1" : String.join(", ", select))
                        + " FROM file_rows";
        try (Statement s = duck.connection().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            for (int r = 0; r < rows && rs.next(); r++) {
                for (int i = 0; i < columns.size(); i++) {
                    columns.get(i).read(rs, i + 1, r);
                }
            }
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot read the rows of %s back from DuckDB: %s"
                            .formatted(file, e.getMessage()),
                    e);
        }
        return new Frame(rows, columns.stream().map(Values::build).toList());
    }

    /** How a column of DuckDB type {@code type} is held in a frame. */
    private static DType kind(Path file, String column, String type) {
        if (type.endsWith("]")
                || type.startsWith("STRUCT")
                || type.startsWith("MAP")
                || type.startsWith("UNION")) {
            throw InvalidInputException.at(
                    file.toString(),
                    0,
                    Optional.of(column),
                    "%s: column '%s' has the nested type %s; give a flat table of scalar columns"
                            .formatted(file, column, type),
                    null);
        }
        return switch (type) {
            case "BOOLEAN" -> DType.BOOL;
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER" ->
                    DType.INT64;
            case "FLOAT", "DOUBLE", "UBIGINT", "HUGEINT", "UHUGEINT" -> DType.FP64;
            default -> type.startsWith("DECIMAL") ? DType.FP64 : DType.STRING;
        };
    }

    private static String cast(String id, DType kind) {
        return switch (kind) {
            case BOOL -> id;
            case INT64 -> "CAST(" + id + " AS BIGINT)";
            case FP32, FP64 -> "CAST(" + id + " AS DOUBLE)";
            case STRING -> "CAST(" + id + " AS VARCHAR)";
        };
    }

    /** One column's values as they are read. */
    private static final class Values {
        private final String name;
        private final DType kind;
        private final BitSet nulls = new BitSet();
        private final double[] doubles;
        private final long[] longs;
        private final boolean[] flags;
        private final String[] strings;

        Values(String name, DType kind, int rows) {
            this.name = name;
            this.kind = kind;
            doubles = kind == DType.FP64 ? new double[rows] : null;
            longs = kind == DType.INT64 ? new long[rows] : null;
            flags = kind == DType.BOOL ? new boolean[rows] : null;
            strings = kind == DType.STRING ? new String[rows] : null;
        }

        void read(ResultSet rs, int index, int row) throws SQLException {
            switch (kind) {
                case FP64, FP32 -> doubles[row] = rs.getDouble(index);
                case INT64 -> longs[row] = rs.getLong(index);
                case BOOL -> flags[row] = rs.getBoolean(index);
                case STRING -> {
                    String s = rs.getString(index);
                    strings[row] = s == null ? "" : s;
                }
            }
            if (rs.wasNull()) {
                nulls.set(row);
                if (doubles != null) {
                    doubles[row] = Double.NaN;
                }
            }
        }

        Column build() {
            return switch (kind) {
                case FP64, FP32 -> new DoubleColumn(name, 1, doubles, nulls);
                case INT64 -> new LongColumn(name, 1, longs, nulls);
                case BOOL -> new BoolColumn(name, 1, flags, nulls);
                case STRING -> new StringColumn(name, 1, strings, nulls);
            };
        }
    }
}
