package dev.slipway.monitor;

import dev.slipway.api.StoreException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.data.DatasetVersion;
import dev.slipway.monitor.log.DataColumn;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.MonitorSession;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.PredictionTable;
import dev.slipway.monitor.reference.ScoredReferences;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.ModelVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The training data as a reference with predictions: which model version scores it, and the
 * relation that puts the scored outputs beside the training rows. Stateless.
 */
final class TrainingPredictions {

    /** The model version that scores the training data, and why it was chosen, in words. */
    record Chosen(ModelVersion version, String choice) {}

    private TrainingPredictions() {}

    /**
     * The version named, else the version of most rows of {@code cur} (the highest on a tie), else
     * {@code fallback} (the champion or the newest) when {@code cur} does not record versions.
     */
    static Chosen choose(
            MonitorSession s,
            ModelRegistry registry,
            String model,
            OptionalInt named,
            PredictionTable cur,
            ModelVersion fallback) {
        if (named.isPresent()) {
            return new Chosen(
                    registry.resolve(new ModelRef.Version(model, named.getAsInt())),
                    "the version asked for");
        }
        List<long[]> counts = new ArrayList<>();
        if (cur.column(PredictionLogs.MODEL_VERSION).isPresent()) {
            String v = DuckSql.id(PredictionLogs.MODEL_VERSION);
            String sql =
                    "SELECT %s, count(*) AS n FROM %s WHERE %s IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 DESC"
                            .formatted(v, cur.relation(), v);
            try (Statement st = s.connection().createStatement();
                    ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    counts.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            } catch (SQLException e) {
                throw new StoreException(
                        "cannot count the model versions of %s: %s"
                                .formatted(cur.source(), DuckSql.reason(e)),
                        e);
            }
        }
        if (counts.isEmpty()) {
            return new Chosen(
                    fallback,
                    fallback.aliases().contains("champion")
                            ? "the champion; the current data does not say which version predicted it"
                            : "the newest version; the current data does not say which version predicted it");
        }
        ModelVersion top =
                registry.resolve(new ModelRef.Version(model, Math.toIntExact(counts.get(0)[0])));
        if (counts.size() == 1) {
            return new Chosen(top, "the version of every row of the current data");
        }
        long total = counts.stream().mapToLong(c -> c[1]).sum();
        List<String> others = new ArrayList<>();
        for (long[] c : counts.subList(1, counts.size())) {
            others.add("v%d: %d".formatted(c[0], c[1]));
        }
        return new Chosen(
                top,
                "the version of most rows of the current data: %d of %d rows; others: %s"
                        .formatted(counts.get(0)[1], total, String.join(", ", others)));
    }

    /**
     * The training rows with the scored outputs beside them, joined by the row's position in the
     * snapshot (a row the model did not score has missing outputs). A training column whose name an
     * output takes is renamed {@code input_<name>}, as the prediction log does.
     */
    static String relation(MonitorSession s, DatasetVersion data, ScoredReferences.Scored scored) {
        String row = DuckSql.id(ScoredReferences.ROW);
        String snapshot =
                "read_parquet(%s, file_row_number = true)"
                        .formatted(DuckSql.str(data.snapshot().toString()));
        Set<String> outputs = new HashSet<>();
        scored.outputs().forEach(o -> outputs.add(o.toLowerCase(Locale.ROOT)));
        List<String> exclude = new ArrayList<>(List.of("file_row_number", row));
        List<String> renamed = new ArrayList<>();
        try {
            for (DataColumn c :
                    s.describe(
                            "read_parquet(%s)"
                                    .formatted(DuckSql.str(data.snapshot().toString())))) {
                if (outputs.contains(c.name().toLowerCase(Locale.ROOT))) {
                    exclude.add(DuckSql.id(c.name()));
                    String name = c.name();
                    while (outputs.contains(name.toLowerCase(Locale.ROOT))) {
                        name = "input_" + name;
                    }
                    renamed.add(", t.%s AS %s".formatted(DuckSql.id(c.name()), DuckSql.id(name)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot read the training data %s: %s".formatted(data.ref(), DuckSql.reason(e)),
                    e);
        }
        return ("(SELECT t.* EXCLUDE (%s)%s, p.* EXCLUDE (%s) FROM"
                        + " (SELECT *, file_row_number + 1 AS %s FROM %s) t"
                        + " LEFT JOIN read_parquet(%s) p ON t.%s = p.%s)")
                .formatted(
                        String.join(", ", exclude),
                        String.join("", renamed),
                        row,
                        row,
                        snapshot,
                        DuckSql.str(scored.file().toString()),
                        row,
                        row);
    }
}
