package dev.slipway.monitor.drift;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One side (reference or current) of a comparison: SQL text DuckDB can read after {@code FROM}, and
 * its columns' names, positions and types.
 *
 * <p>Columns are referred to by position ({@code #3}), never by a quoted name, so no name needs
 * quoting however odd it is.
 */
record DuckRelation(String side, String sql, Map<String, Column> columns) {

    private static final Pattern QUERY =
            Pattern.compile("(?is)^\\s*(select|with|from|values|pivot|unpivot)\\b.*");

    /**
     * @param position 1-based position in the relation
     * @param type DuckDB's name of the type, e.g. {@code BIGINT}
     */
    record Column(int position, String type) {
        DuckType duckType() {
            return DuckType.of(type);
        }
    }

    /** Reads the columns of {@code sql} (a table, a table function call or a query). */
    static DuckRelation describe(Connection duckdb, String side, String sql) {
        String from = QUERY.matcher(sql).matches() ? "(" + sql.strip() + ")" : sql.strip();
        Map<String, Column> columns = new LinkedHashMap<>();
        try (Statement s = duckdb.createStatement();
                ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + from)) {
            int position = 1;
            while (rs.next()) {
                columns.put(rs.getString(1), new Column(position++, rs.getString(2)));
            }
        } catch (SQLException e) {
            throw InvalidInputException.of(
                    side,
                    "the %s data (%s) cannot be read: %s; give a table, a table function such as"
                                    .formatted(side, sql.strip(), reason(e))
                            + " read_parquet('file.parquet'), or a query");
        }
        return new DuckRelation(side, from, Map.copyOf(columns));
    }

    /** The column named exactly {@code name}. */
    Column column(String name) {
        Column c = columns.get(name);
        if (c != null) {
            return c;
        }
        List<String> names = new ArrayList<>(columns.keySet());
        names.sort((a, b) -> Integer.compare(columns.get(a).position(), columns.get(b).position()));
        String hint = "";
        for (String n : names) {
            if (n.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                hint = " (names match exactly, case included: did you mean '" + n + "'?)";
            }
        }
        String shown =
                names.size() <= 30
                        ? String.join(", ", names)
                        : String.join(", ", names.subList(0, 30))
                                + ", ... (%d in all)".formatted(names.size());
        throw new NotFoundException(
                "column",
                name,
                "column '%s' is not in the %s data%s; its columns are: %s"
                        .formatted(name, side, hint, shown));
    }

    /** Column names in their order in the relation. */
    List<String> names() {
        List<String> names = new ArrayList<>(columns.keySet());
        names.sort((a, b) -> Integer.compare(columns.get(a).position(), columns.get(b).position()));
        return names;
    }

    /** The most telling line of a DuckDB error. */
    static String reason(SQLException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        for (String line : msg.split("\n")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return msg.strip();
    }
}
