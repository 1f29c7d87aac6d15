package dev.slipway.data;

import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One value of a streamed file: read from DuckDB as a {@code Boolean}, {@code Long}, {@code Double}
 * or {@code String} (null when missing), converted to the type a model takes, rendered as text.
 */
final class BatchCells {

    /** The text values that mean "missing" in the columns a model takes, as an import has them. */
    private static final Set<String> MISSING = Set.copyOf(ImportOptions.DEFAULT_MISSING);

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern SPECIAL = Pattern.compile("(?i)[+-]?(inf|infinity|nan)");

    private BatchCells() {}

    /** A value that does not fit the type a model takes; {@link #getMessage()} says why. */
    static final class Unfit extends Exception {
        private static final long serialVersionUID = 1L;

        Unfit(String message) {
            super(message, null, false, false);
        }
    }

    /** How a column of DuckDB type {@code type} is read: BOOL, INT64, FP64 or else STRING. */
    static DType kind(String type) {
        return switch (type) {
            case "BOOLEAN" -> DType.BOOL;
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER" ->
                    DType.INT64;
            case "FLOAT", "DOUBLE", "UBIGINT", "HUGEINT", "UHUGEINT" -> DType.FP64;
            default -> type.startsWith("DECIMAL") ? DType.FP64 : DType.STRING;
        };
    }

    /** The SQL that selects a column of DuckDB type {@code type} as its {@link #kind}. */
    static String select(String id, String type) {
        return switch (kind(type)) {
            case BOOL -> id;
            case INT64 -> "CAST(" + id + " AS BIGINT)";
            case FP64, FP32 -> "CAST(" + id + " AS DOUBLE)";
            case STRING -> "CAST(" + id + " AS VARCHAR)";
        };
    }

    /** Reads column {@code index} of the current row as {@code kind}; text is stripped. */
    static Object read(ResultSet rs, int index, DType kind) throws SQLException {
        if (kind == DType.STRING) {
            // getString returns null for a missing value: no second null check, which costs as
            // much as the read in DuckDB's driver.
            String s = rs.getString(index);
            return s == null ? null : s.strip();
        }
        Object v =
                switch (kind) {
                    case BOOL -> rs.getBoolean(index);
                    case INT64 -> rs.getLong(index);
                    case FP32, FP64, STRING -> rs.getDouble(index);
                };
        return rs.wasNull() ? null : v;
    }

    /**
     * Converts a value read from the file to {@code to}: null when missing (a missing marker in
     * text), else a {@code Boolean}, {@code Long}, {@code Double} or {@code String}.
     *
     * @throws Unfit when the value is not of that type, naming the column and the value
     */
    static Object convert(Object v, DType to, String column) throws Unfit {
        if (v == null || (v instanceof String s && MISSING.contains(s))) {
            return null;
        }
        return switch (to) {
            case STRING -> v instanceof String s ? s : text(v);
            case FP32, FP64 ->
                    switch (v) {
                        case Double d -> d;
                        case Long l -> (double) l;
                        case Boolean b -> b ? 1.0 : 0.0;
                        default -> parseDouble((String) v, column);
                    };
            case INT64 ->
                    switch (v) {
                        case Long l -> l;
                        case Boolean b -> b ? 1L : 0L;
                        case Double d -> whole(d, v, column);
                        default -> parseLong((String) v, column);
                    };
            case BOOL ->
                    switch (v) {
                        case Boolean b -> b;
                        case Long l -> l != 0;
                        case Double d -> d != 0;
                        default -> parseBool((String) v, column);
                    };
        };
    }

    private static double parseDouble(String s, String column) throws Unfit {
        if (isDecimal(s)) {
            return Double.parseDouble(s);
        }
        if (SPECIAL.matcher(s).matches()) {
            String t = s.toLowerCase(Locale.ROOT);
            return t.endsWith("nan")
                    ? Double.NaN
                    : t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new Unfit(
                "column '%s': '%s' is not a number; the model takes numbers there"
                        .formatted(column, s));
    }

    /** Whether {@code s} is a plain decimal number: {@code [+-]digits[.digits][e[+-]digits]}. */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && digit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && digit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && digit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static long parseLong(String s, String column) throws Unfit {
        if (INTEGER.matcher(s).matches()) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new Unfit(
                        "column '%s': %s is too large for a whole number".formatted(column, s));
            }
        }
        if (isDecimal(s)) {
            return whole(Double.parseDouble(s), s, column);
        }
        throw new Unfit(
                "column '%s': '%s' is not a whole number; the model takes whole numbers there"
                        .formatted(column, s));
    }

    private static long whole(double d, Object shown, String column) throws Unfit {
        if (d == Math.rint(d) && Math.abs(d) < 9.0e18) {
            return (long) d;
        }
        throw new Unfit(
                "column '%s': %s is not a whole number; the model takes whole numbers there"
                        .formatted(column, shown));
    }

    private static boolean parseBool(String s, String column) throws Unfit {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> true;
            case "false", "f", "no", "n", "0" -> false;
            default ->
                    throw new Unfit(
                            "column '%s': '%s' is not true or false; the model takes booleans there"
                                    .formatted(column, s));
        };
    }

    /** A value as text: numbers as Java writes them, booleans as {@code true}/{@code false}. */
    static String text(Object v) {
        return switch (v) {
            case null -> "";
            case String s -> s;
            default -> v.toString();
        };
    }

    /** The values of table row {@code row} of {@code frame} as text ("" when missing). */
    static List<String> texts(Frame frame, int row) {
        List<String> out = new ArrayList<>(frame.columns().size());
        for (Column c : frame.columns()) {
            out.add(c.isNull(row) ? "" : text(value(c, row)));
        }
        return out;
    }

    /** The value at table row {@code row} of a width-1 column, boxed. */
    static Object value(Column c, int row) {
        return switch (c) {
            case StringColumn s -> s.get(row);
            case LongColumn l -> l.get(row);
            case DoubleColumn d -> d.get(row);
            case FloatColumn f -> f.get(row);
            case BoolColumn b -> b.get(row);
        };
    }
}
