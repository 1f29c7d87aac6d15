package dev.slipway.data;

import dev.slipway.api.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.StringJoiner;
import org.duckdb.DuckDBDriver;

/** The DuckDB side of streaming files: the engine, how a CSV is read, how rows are counted. */
final class BatchSql {

    private BatchSql() {}

    /**
     * A CSV file laid out as an import sniffs it, every column as text: DuckDB's own sniffer can
     * mistake the layout when a malformed line falls in its sample.
     */
    static String csv(String path, CsvDialect d) {
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < d.names().size(); i++) {
            columns.add(Sql.str("c" + i) + ": 'VARCHAR'");
        }
        String q = d.quote() < 0 ? "''" : Sql.str(String.valueOf((char) d.quote()));
        return "read_csv(%s, delim=%s, quote=%s, escape=%s, header=true, columns=%s, auto_detect=false, strict_mode=true)"
                .formatted(path, Sql.str(String.valueOf(d.delimiter())), q, q, columns);
    }

    /**
     * The number of rows, from Parquet's metadata, else by a pass that converts every value as the
     * stream will: DuckDB's JDBC driver may end a streamed result early, without an error, when
     * reading fails part way, so a malformed file must fail here, before anything is scored.
     */
    static long count(Connection c, Path file, SourceFormat format, String query, int columns) {
        StringJoiner counts = new StringJoiner(", ", "SELECT ", "");
        counts.add("count(*)");
        if (format != SourceFormat.PARQUET) {
            for (int i = 1; i <= columns; i++) {
                counts.add("count(#" + i + ")");
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(counts + " FROM (" + query + ")")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw DuckErrors.unreadable(file, format, e);
        }
    }

    /** A DuckDB engine spilling to {@code spill}; with {@code stream}, results are streamed. */
    static Connection engine(Path spill, DataLimits limits, boolean stream) {
        Properties p = new Properties();
        p.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, Boolean.toString(stream));
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:", p);
            try (Statement s = c.createStatement()) {
                s.execute("SET memory_limit=" + Sql.str(limits.duckdbMemoryMb() + "MB"));
                s.execute("SET threads=" + limits.threads());
                s.execute("SET temp_directory=" + Sql.str(spill.toString()));
                s.execute("SET preserve_insertion_order=true");
                s.execute("SET TimeZone='UTC'");
            }
            return c;
        } catch (SQLException e) {
            throw new StoreException("cannot start the DuckDB engine: " + e.getMessage(), e);
        }
    }
}
