package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** Opens a CSV, Parquet or JSON-lines file as a cleaned DuckDB relation (see {@link Source}). */
final class SourceReader {

    private SourceReader() {}

    static Source open(Path file, ImportOptions opt, DuckSession duck, ProgressListener progress) {
        checkFile(file);
        SourceFormat format = opt.format().orElseGet(() -> detect(file));
        return switch (format) {
            case CSV -> openCsv(file, opt, progress);
            case PARQUET ->
                    openTyped(
                            file,
                            format,
                            "read_parquet(" + Sql.str(file.toString()) + ")",
                            opt,
                            duck,
                            progress);
            case JSONL ->
                    openTyped(
                            file,
                            format,
                            "read_json("
                                    + Sql.str(file.toString())
                                    + ", format='newline_delimited')",
                            opt,
                            duck,
                            progress);
        };
    }

    static void checkFile(Path file) {
        if (Files.isDirectory(file)) {
            throw InvalidInputException.of(
                    file.toString(),
                    file + ": is a directory; give a file (CSV, Parquet or JSON lines)");
        }
        if (!Files.exists(file)) {
            throw InvalidInputException.of(
                    file.toString(), file + ": no such file; check the path");
        }
        if (!Files.isReadable(file)) {
            throw InvalidInputException.of(
                    file.toString(), file + ": is not readable; check its permissions");
        }
        try {
            if (Files.size(file) == 0) {
                throw InvalidInputException.of(file.toString(), file + ": the file is empty");
            }
        } catch (IOException e) {
            throw InvalidInputException.of(
                    file.toString(), file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static SourceFormat detect(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            Optional<SourceFormat> byName = SourceFormat.fromLabel(name.substring(dot + 1));
            if (byName.isPresent()) {
                return byName.get();
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            if (head.length == 4
                    && new String(head, java.nio.charset.StandardCharsets.US_ASCII)
                            .equals("PAR1")) {
                return SourceFormat.PARQUET;
            }
            if (head.length > 0 && head[0] == '{') {
                return SourceFormat.JSONL;
            }
        } catch (IOException e) {
            throw InvalidInputException.of(
                    file.toString(), file + ": cannot be read: " + e.getMessage(), e);
        }
        return SourceFormat.CSV;
    }

    private static Source openCsv(Path file, ImportOptions opt, ProgressListener progress) {
        CsvDialect dialect = CsvSniffer.sniff(file, opt.delimiter(), opt.quote(), opt.header());
        CsvScanner.Result scan = CsvScanner.scan(file, dialect, progress);
        StringJoiner cols = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < dialect.names().size(); i++) {
            cols.add(Sql.str("c" + i) + ": 'VARCHAR'");
        }
        String q = dialect.quote() < 0 ? "''" : Sql.str(String.valueOf((char) dialect.quote()));
        String base =
                "read_csv(%s, delim=%s, quote=%s, escape=%s, header=%s, new_line=%s, columns=%s, auto_detect=false, strict_mode=true, nullstr=chr(0))"
                        .formatted(
                                Sql.str(file.toString()),
                                Sql.str(String.valueOf(dialect.delimiter())),
                                q,
                                q,
                                dialect.header(),
                                scan.crlf() ? "'\\r\\n'" : "'\\n'",
                                cols);
        List<String> raw = dialect.names();
        List<Source.SourceColumn> columns = new ArrayList<>();
        List<String> names = cleanNames(file, raw, opt.trim());
        List<String> exprs = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String v = Sql.id("c" + i);
            if (scan.mixedLineEndings() && i == raw.size() - 1) {
                v = "rtrim(" + v + ", chr(13))";
            }
            exprs.add(clean(v, opt) + " AS " + Sql.id(names.get(i)));
            columns.add(new Source.SourceColumn(raw.get(i), names.get(i), "VARCHAR"));
        }
        String relation = "(SELECT " + String.join(", ", exprs) + " FROM " + base + ")";
        return new Source(
                file,
                SourceFormat.CSV,
                scan.sha256(),
                scan.bytes(),
                columns,
                relation,
                Optional.of(dialect),
                scan.linesExact());
    }

    private static Source openTyped(
            Path file,
            SourceFormat format,
            String base,
            ImportOptions opt,
            DuckSession duck,
            ProgressListener progress) {
        String sha = Hashing.sha256(file, "hashing", progress);
        List<String> raw = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (Statement s = duck.connection().createStatement();
                ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + base)) {
            while (rs.next()) {
                raw.add(rs.getString(1));
                types.add(rs.getString(2));
            }
        } catch (SQLException e) {
            throw DuckErrors.unreadable(file, format, e);
        }
        List<String> names = cleanNames(file, raw, opt.trim());
        List<Source.SourceColumn> columns = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String type = types.get(i);
            String v = Sql.id(raw.get(i));
            String outType = type;
            if (isNested(type)) {
                throw InvalidInputException.at(
                        file.toString(),
                        0,
                        Optional.of(names.get(i)),
                        "%s: column '%s' has the nested type %s; Slipway datasets are flat tables: flatten it into scalar columns first"
                                .formatted(file, names.get(i), type),
                        null);
            }
            if (!isScalarKept(type)) {
                v = "CAST(" + v + " AS VARCHAR)";
                outType = "VARCHAR";
            }
            if (outType.equals("VARCHAR")) {
                v = clean(v, opt);
            }
            exprs.add(v + " AS " + Sql.id(names.get(i)));
            columns.add(new Source.SourceColumn(raw.get(i), names.get(i), outType));
        }
        String relation = "(SELECT " + String.join(", ", exprs) + " FROM " + base + ")";
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw InvalidInputException.of(file.toString(), file + ": " + e.getMessage(), e);
        }
        return new Source(file, format, sha, bytes, columns, relation, Optional.empty(), false);
    }

    private static boolean isNested(String type) {
        return type.endsWith("]")
                || type.startsWith("STRUCT")
                || type.startsWith("MAP")
                || type.startsWith("UNION")
                || type.equals("BLOB");
    }

    private static boolean isScalarKept(String type) {
        return switch (type) {
            case "BOOLEAN",
                    "TINYINT",
                    "SMALLINT",
                    "INTEGER",
                    "BIGINT",
                    "UTINYINT",
                    "USMALLINT",
                    "UINTEGER",
                    "UBIGINT",
                    "HUGEINT",
                    "FLOAT",
                    "DOUBLE",
                    "DATE",
                    "TIMESTAMP",
                    "TIMESTAMP_S",
                    "TIMESTAMP_MS",
                    "TIMESTAMP_NS",
                    "TIMESTAMP WITH TIME ZONE",
                    "VARCHAR" ->
                    true;
            default -> type.startsWith("DECIMAL");
        };
    }

    /**
     * The cleaning of a text value: trimmed of spaces, then null when it is a missing marker. The
     * value is trimmed once and the markers tested with nested {@code nullif}: this is about half
     * the cost of a {@code CASE ... IN (...)} that trims twice, on the hottest path of an import.
     */
    private static String clean(String v, ImportOptions opt) {
        String t = opt.trim() ? "trim(" + v + ")" : v;
        for (String m : opt.missing()) {
            t = "nullif(" + t + ", " + Sql.str(m) + ")";
        }
        return t;
    }

    private static List<String> cleanNames(Path file, List<String> raw, boolean trim) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String n = trim ? raw.get(i).strip() : raw.get(i);
            if (n.isEmpty()) {
                throw InvalidInputException.at(
                        file.toString(),
                        1,
                        Optional.of("#" + (i + 1)),
                        "%s: line 1: column %d has an empty name; name every column in the header (or use --no-header if the first line is data)"
                                .formatted(file, i + 1),
                        null);
            }
            Integer before = seen.putIfAbsent(n, i);
            if (before != null) {
                throw InvalidInputException.at(
                        file.toString(),
                        1,
                        Optional.of(n),
                        "%s: line 1: the column name '%s' appears twice (columns %d and %d)%s; give each column a distinct name"
                                .formatted(
                                        file,
                                        n,
                                        before + 1,
                                        i + 1,
                                        trim ? " after trimming spaces" : ""),
                        null);
            }
            names.add(n);
        }
        return names;
    }
}
