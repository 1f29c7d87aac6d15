package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.api.data.Domain;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.LogicalType;
import dev.slipway.api.data.Schema;
import dev.slipway.store.SlipwayHome;
import dev.slipway.store.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Splits a dataset version into a train and a test version, reproducibly: rows are numbered in file
 * order and each gets a key from a hash of the seed and its number; the test part takes the {@code
 * round(n * fraction)} rows with the smallest keys (per class when stratified), or the latest rows
 * by a time column (ties broken by row number). Both parts keep the parent's row order. The result
 * depends only on the parent's content and the spec, never on DuckDB's threads.
 */
final class Splitter {

    private static final String HASH_FORMAT = "slipway.split/1";
    private static final int MAX_STRATA = TypeInference.MAX_CATEGORIES;

    private enum Part {
        TRAIN,
        TEST;

        String label() {
            return this == TRAIN ? "train" : "test";
        }
    }

    private final SlipwayHome home;
    private final Catalog catalog;
    private final Registrar registrar;
    private final DataLimits limits;

    Splitter(SlipwayHome home, Catalog catalog, Registrar registrar, DataLimits limits) {
        this.home = home;
        this.catalog = catalog;
        this.registrar = registrar;
        this.limits = limits;
    }

    SplitResult run(DatasetVersion parent, Path snapshot, SplitSpec spec) {
        spec.stratify().ifPresent(c -> requireType(parent, "--stratify", c, stratifiable()));
        spec.timeColumn().ifPresent(c -> requireType(parent, "--time", c, timeTypes()));
        Map<String, String> params = params(spec);
        String trainHash = partHash(parent, params, Part.TRAIN);
        String testHash = partHash(parent, params, Part.TEST);
        Optional<Catalog.Entry> train = catalog.find(spec.trainName(), trainHash.substring(0, 12));
        Optional<Catalog.Entry> test = catalog.find(spec.testName(), testHash.substring(0, 12));
        if (train.isPresent() && test.isPresent()) {
            return new SplitResult(train.get().version(), test.get().version());
        }
        try (Workspace ws = home.newWorkspace("split");
                DuckSession duck = DuckSession.open(ws.path().resolve("spill"), limits);
                Statement s = duck.connection().createStatement()) {
            String row = rowColumn(parent.schema());
            String rows = numbered(parent.schema(), snapshot, row);
            if (spec.stratify().isPresent()) {
                requireFewClasses(s, parent, rows, spec.stratify().get());
            }
            s.execute("CREATE TEMP TABLE assign AS " + assignment(spec, rows, row));
            long testRows = scalar(s, "SELECT count(*) FILTER (WHERE test) FROM assign");
            requireBothParts(parent, spec, testRows);
            List<DatasetVersion> out = new ArrayList<>();
            for (Part part : Part.values()) {
                String name = part == Part.TRAIN ? spec.trainName() : spec.testName();
                String hash = part == Part.TRAIN ? trainHash : testHash;
                Optional<Catalog.Entry> existing = part == Part.TRAIN ? train : test;
                if (existing.isPresent()) {
                    out.add(existing.get().version());
                    continue;
                }
                Path file = ws.path().resolve(part.label() + ".parquet");
                write(s, parent.schema(), rows, row, part, file);
                Map<String, String> lineage = new TreeMap<>(params);
                lineage.put("part", part.label());
                Registrar.Pending p =
                        new Registrar.Pending(
                                name,
                                hash.substring(0, 12),
                                hash,
                                scalar(s, "SELECT count(*) FROM " + parquet(file)),
                                file,
                                bareSchema(s, parent.schema(), file),
                                "split of %s@%s (%s part)"
                                        .formatted(parent.dataset(), parent.id(), part.label()),
                                parent.options(),
                                Optional.of(
                                        new Lineage(
                                                parent.dataset(), parent.id(), "split", lineage)));
                out.add(registrar.register(duck, p).version());
            }
            return new SplitResult(out.get(0), out.get(1));
        } catch (SQLException | IOException e) {
            throw new StoreException(
                    "cannot split %s: %s".formatted(parent.ref(), e.getMessage()), e);
        }
    }

    /** The parameters that shape the parts; a time split does not depend on the seed. */
    private static Map<String, String> params(SplitSpec spec) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("test_fraction", Double.toString(spec.testFraction()));
        if (spec.timeColumn().isPresent()) {
            m.put("time", spec.timeColumn().get());
        } else {
            m.put("seed", Long.toString(spec.seed()));
            spec.stratify().ifPresent(c -> m.put("stratify", c));
        }
        return m;
    }

    private static String partHash(DatasetVersion parent, Map<String, String> params, Part part) {
        Map<String, String> canon = new TreeMap<>(params);
        canon.put("parent_content_sha256", parent.contentSha256());
        canon.put("part", part.label());
        return Hashing.sha256(HASH_FORMAT + "\n" + Catalog.json(canon));
    }

    /**
     * The parent's rows with their 0-based number in file order as column {@code row}. A column
     * named like DuckDB's own row-number column falls back to numbering the ordered scan.
     */
    private static String numbered(Schema schema, Path snapshot, String row) {
        String select = String.join(", ", schema.names().stream().map(Sql::id).toList());
        if (schema.find("file_row_number").isPresent()) {
            return "(SELECT row_number() OVER () - 1 AS %s, %s FROM %s)"
                    .formatted(row, select, parquet(snapshot));
        }
        return "(SELECT file_row_number AS %s, %s FROM read_parquet(%s, file_row_number = true))"
                .formatted(row, select, Sql.str(snapshot.toString()));
    }

    /** A name for the row number that no column of {@code schema} has. */
    private static String rowColumn(Schema schema) {
        String name = "slipway_row";
        while (schema.find(name).isPresent()) {
            name += "_";
        }
        return Sql.id(name);
    }

    /** Which rows go to the test part: a table of (r, test) over row numbers. */
    private static String assignment(SplitSpec spec, String rows, String row) {
        String f = "CAST(" + Sql.str(Double.toString(spec.testFraction())) + " AS DOUBLE)";
        String rank;
        String over;
        if (spec.timeColumn().isPresent()) {
            rank =
                    "ORDER BY %s DESC NULLS LAST, %s DESC"
                            .formatted(Sql.id(spec.timeColumn().get()), row);
            over = "";
        } else {
            over = spec.stratify().map(c -> "PARTITION BY " + Sql.id(c)).orElse("");
            String key =
                    "md5(%s || CAST(%s AS VARCHAR))".formatted(Sql.str(spec.seed() + ":"), row);
            rank = "%s ORDER BY %s, %s".formatted(over, key, row);
        }
        return ("SELECT r, rk <= round(CAST(cnt AS DOUBLE) * %s) AS test FROM"
                        + " (SELECT %s AS r, row_number() OVER (%s) AS rk, count(*) OVER (%s) AS cnt FROM %s)")
                .formatted(f, row, rank, over, rows);
    }

    private static void write(
            Statement s, Schema schema, String rows, String row, Part part, Path out)
            throws SQLException {
        List<String> cols = schema.names().stream().map(n -> "n." + Sql.id(n)).toList();
        s.execute(
                "COPY (SELECT %s FROM %s n JOIN assign a ON a.r = n.%s WHERE a.test = %s ORDER BY n.%s) TO %s (FORMAT parquet, COMPRESSION zstd)"
                        .formatted(
                                String.join(", ", cols),
                                rows,
                                row,
                                part == Part.TEST,
                                row,
                                Sql.str(out.toString())));
    }

    /** The parent's fields without domains, nullable when the part has a missing value. */
    private static Schema bareSchema(Statement s, Schema parent, Path part) throws SQLException {
        List<String> counts =
                parent.names().stream().map(n -> "count(*) - count(" + Sql.id(n) + ")").toList();
        List<Field> out = new ArrayList<>();
        try (ResultSet rs =
                s.executeQuery("SELECT " + String.join(", ", counts) + " FROM " + parquet(part))) {
            rs.next();
            for (int i = 0; i < parent.size(); i++) {
                Field f = parent.fields().get(i);
                out.add(
                        new Field(
                                f.name(), f.type(), rs.getLong(i + 1) > 0, new Domain.Unbounded()));
            }
        }
        return new Schema(out);
    }

    private static String parquet(Path file) {
        return "read_parquet(" + Sql.str(file.toString()) + ")";
    }

    private static long scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<LogicalType> stratifiable() {
        return List.of(LogicalType.CATEGORICAL, LogicalType.BOOLEAN, LogicalType.INTEGER);
    }

    private static List<LogicalType> timeTypes() {
        return List.of(LogicalType.TIMESTAMP, LogicalType.INTEGER, LogicalType.NUMERIC);
    }

    private static void requireType(
            DatasetVersion parent, String option, String column, List<LogicalType> allowed) {
        List<String> labels = allowed.stream().map(LogicalType::label).toList();
        String kinds =
                String.join(", ", labels.subList(0, labels.size() - 1))
                        + " or "
                        + labels.get(labels.size() - 1);
        Field f =
                parent.schema()
                        .find(column)
                        .orElseThrow(
                                () ->
                                        InvalidInputException.of(
                                                option,
                                                "%s names the column '%s', which %s does not have; its columns are: %s"
                                                        .formatted(
                                                                option,
                                                                column,
                                                                parent.ref(),
                                                                String.join(
                                                                        ", ",
                                                                        parent.schema().names()))));
        if (!allowed.contains(f.type())) {
            throw InvalidInputException.of(
                    option,
                    "%s %s: the column is %s in %s, but %s needs a %s column; choose another column"
                            .formatted(
                                    option, column, f.type().label(), parent.ref(), option, kinds));
        }
    }

    private static void requireFewClasses(
            Statement s, DatasetVersion parent, String rows, String column) throws SQLException {
        long distinct =
                scalar(s, "SELECT count(DISTINCT %s) FROM %s".formatted(Sql.id(column), rows));
        if (distinct > MAX_STRATA) {
            throw InvalidInputException.of(
                    "--stratify",
                    "--stratify %s: the column has %d distinct values in %s, more than the %d classes a stratified split allows; stratify by a column with fewer classes (e.g. the target of a classification)"
                            .formatted(column, distinct, parent.ref(), MAX_STRATA));
        }
    }

    private static void requireBothParts(DatasetVersion parent, SplitSpec spec, long testRows) {
        long n = parent.rows();
        if (testRows == 0 || testRows == n) {
            throw InvalidInputException.of(
                    "--test",
                    "--test %s on the %d rows of %s gives %s an empty %s part; choose a fraction that leaves rows in both parts"
                            .formatted(
                                    spec.testFraction(),
                                    n,
                                    parent.ref(),
                                    "a split with",
                                    testRows == 0 ? "test" : "train"));
        }
    }
}
