package dev.slipway.monitor.quality;

import static dev.slipway.monitor.log.DuckSql.id;
import static dev.slipway.monitor.log.DuckSql.str;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.data.Datasets;
import dev.slipway.data.Problem;
import dev.slipway.data.ProblemKind;
import dev.slipway.data.ValidationReport;
import dev.slipway.monitor.log.DuckSql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Data quality of current data (a window of the prediction log, or a file) against a reference
 * dataset version: missing values per column, and what the data layer's validator finds (numbers
 * outside the range the reference saw, unseen categories, values of the wrong type, missing
 * columns). The current rows are written to a Parquet file in a scratch folder and validated as a
 * new batch of the reference would be.
 */
public final class DataQuality {

    private DataQuality() {}

    /**
     * Checks {@code features} of {@code current} against {@code reference}.
     *
     * @param connection a DuckDB connection that can read {@code current}
     * @param current the rows, a SQL table expression
     * @param features the columns to check: model inputs, named as in the reference
     * @param scratch a folder for the batch file, deleted by the caller
     * @throws InvalidInputException when a feature is missing from the current data
     * @throws StoreException when DuckDB fails
     */
    public static QualityReport check(
            Datasets datasets,
            DatasetRef reference,
            Connection connection,
            String current,
            List<String> features,
            Path scratch) {
        Objects.requireNonNull(datasets, "datasets");
        Objects.requireNonNull(reference, "reference");
        if (features.isEmpty()) {
            throw InvalidInputException.of("features", "no column to check for data quality");
        }
        Set<String> present = columns(connection, current);
        List<String> checked = features.stream().filter(present::contains).toList();
        Path batch = scratch.resolve("quality-batch.parquet");
        long rows;
        Map<String, Long> nulls;
        try {
            Files.createDirectories(scratch);
            try (Statement s = connection.createStatement()) {
                String select =
                        checked.isEmpty()
                                ? "SELECT 1 AS __none"
                                : "SELECT "
                                        + checked.stream()
                                                .map(c -> id(c))
                                                .collect(Collectors.joining(", "));
                s.execute(
                        "COPY (%s FROM %s) TO %s (FORMAT parquet)"
                                .formatted(select, current, str(batch.toString())));
            }
            StringBuilder q = new StringBuilder("SELECT count(*)");
            for (String c : checked) {
                q.append(", count(*) - count(").append(id(c)).append(")");
            }
            q.append(" FROM ").append(current);
            nulls = new java.util.LinkedHashMap<>();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(q.toString())) {
                rs.next();
                rows = rs.getLong(1);
                for (int i = 0; i < checked.size(); i++) {
                    nulls.put(checked.get(i), rs.getLong(i + 2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot check the data quality of the current data: " + DuckSql.reason(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ValidationReport report = datasets.validate(reference, batch);
        Set<String> wanted = new HashSet<>(features);
        List<Problem> problems =
                report.problems().stream()
                        .filter(p -> wanted.contains(p.column()))
                        .filter(p -> p.kind() != ProblemKind.EXTRA_COLUMN)
                        .toList();
        Map<String, List<Problem>> byColumn =
                problems.stream().collect(Collectors.groupingBy(Problem::column));
        List<ColumnQuality> out = new ArrayList<>();
        for (String f : features) {
            List<Problem> ps = byColumn.getOrDefault(f, List.of());
            Function<ProblemKind, Long> count =
                    k -> ps.stream().filter(p -> p.kind() == k).mapToLong(Problem::count).sum();
            boolean has = nulls.containsKey(f);
            out.add(
                    new ColumnQuality(
                            f,
                            rows,
                            has ? nulls.get(f) : rows,
                            count.apply(ProblemKind.OUT_OF_RANGE),
                            count.apply(ProblemKind.UNSEEN_CATEGORY),
                            count.apply(ProblemKind.TYPE_VIOLATION)));
        }
        return new QualityReport(report.against(), rows, out, problems);
    }

    private static Set<String> columns(Connection c, String relation) {
        Set<String> names = new HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the current data: " + DuckSql.reason(e), e);
        }
        return names;
    }
}
