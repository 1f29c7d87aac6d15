package dev.slipway.monitor.log;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.StoreException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Signature;
import dev.slipway.registry.ModelRegistry;
import dev.slipway.registry.ModelVersion;
import dev.slipway.store.SlipwayHome;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the prediction log that {@code slipway serve} writes, by its documented layout: one folder
 * per model, one per UTC date, Parquet files that may differ in columns ({@code
 * <logs>/<model>/date=YYYY-MM-DD/part-*.parquet}). Every file starts with the columns {@code
 * request_id VARCHAR}, {@code row_index INTEGER} (the row's position in its request), {@code ts
 * TIMESTAMP WITH TIME ZONE}, {@code model}, {@code model_version}, {@code protocol}, {@code
 * latency_us}, then the inputs by name, then the outputs ({@code label}, {@code
 * probabilities_<class>}, {@code prediction}, ...). Stateless.
 */
public final class PredictionLogs {

    /** The log's column of request ids. */
    public static final String REQUEST_ID = "request_id";

    /** The log's column of each row's position in its request, from 0. */
    public static final String ROW_INDEX = "row_index";

    /** The log's time column, an instant. */
    public static final String TS = "ts";

    /** The log's column of model version numbers. */
    public static final String MODEL_VERSION = "model_version";

    private PredictionLogs() {}

    /** The folder of the prediction logs of {@code home}: {@code <home>/logs/predictions}. */
    public static Path directory(SlipwayHome home) {
        return home.root().resolve("logs").resolve("predictions");
    }

    /** Whether {@code model} has at least one log file under {@code logDir}. */
    public static boolean exists(Path logDir, String model) {
        requireModelName(model);
        Path dir = logDir.toAbsolutePath().normalize().resolve(model);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> dates = Files.newDirectoryStream(dir, "date=*")) {
            for (Path date : dates) {
                if (Files.isDirectory(date)) {
                    try (DirectoryStream<Path> parts =
                            Files.newDirectoryStream(date, "*.parquet")) {
                        for (Path part : parts) {
                            if (!part.getFileName().toString().startsWith(".")) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new StoreException(
                    "cannot list the prediction log folder %s: %s".formatted(dir, e), e);
        }
    }

    /**
     * The log of {@code model} under {@code logDir} over {@code range}, without the partition
     * column {@code date}. Its row order is {@code ts, request_id, row_index}.
     *
     * @param signatures the signatures of the model's versions, to tell inputs from outputs (see
     *     {@link #signatures}); may be empty, then outputs are the columns named {@code label},
     *     {@code prediction}, {@code probabilities_*} or {@code output_*}
     * @throws NotFoundException when the model has no log file yet
     * @throws StoreException when the files cannot be read
     */
    public static PredictionTable read(
            MonitorSession session,
            Path logDir,
            String model,
            Range range,
            List<Signature> signatures) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(signatures, "signatures");
        Path dir = logDir.toAbsolutePath().normalize().resolve(requireModelName(model));
        if (!exists(logDir, model)) {
            throw new NotFoundException(
                    "prediction log",
                    model,
                    "model '%s' has no prediction log yet: no Parquet file under %s. Serve the model (slipway serve) and send it requests, or check the home folder"
                            .formatted(model, dir));
        }
        String scan =
                "read_parquet(%s, hive_partitioning = true, union_by_name = true)"
                        .formatted(DuckSql.str(dir + "/date=*/*.parquet"));
        List<String> where = new ArrayList<>();
        range.from().ifPresent(f -> where.add("\"date\" >= " + date(f)));
        range.to().ifPresent(t -> where.add("\"date\" <= " + date(t)));
        where.addAll(range.conditions(TS));
        String sql =
                "SELECT * EXCLUDE (\"date\") FROM "
                        + scan
                        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
        if (range.lastRows().isPresent()) {
            sql =
                    "SELECT * FROM (%s) ORDER BY ts DESC, request_id DESC, row_index DESC LIMIT %d"
                            .formatted(sql, range.lastRows().getAsLong());
        }
        String relation = "(" + sql + ")";
        List<DataColumn> columns;
        try {
            columns = session.describe(relation);
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot read the prediction log of model '%s' under %s: %s"
                            .formatted(model, dir, DuckSql.reason(e)),
                    e);
        }
        for (String required : List.of(REQUEST_ID, ROW_INDEX, TS)) {
            if (columns.stream().noneMatch(c -> c.name().equals(required))) {
                throw new StoreException(
                        "the prediction log of model '%s' under %s has no column '%s' (it has %s): it was not written by slipway serve"
                                .formatted(model, dir, required, names(columns)));
            }
        }
        LogColumns kinds = LogColumns.classify(columns, signatures);
        return new PredictionTable(
                "prediction log of %s (%s)".formatted(model, range.describe()),
                relation,
                TS,
                List.of(TS, REQUEST_ID, ROW_INDEX),
                columns,
                kinds.inputs(),
                kinds.outputs());
    }

    /**
     * The signatures of every registered version of {@code model}, oldest first; empty when the
     * model is not registered (its log may outlive it).
     */
    public static List<Signature> signatures(ModelRegistry registry, String model) {
        List<ModelVersion> versions;
        try {
            versions = registry.versions(requireModelName(model));
        } catch (NotFoundException e) {
            return List.of();
        }
        return versions.stream().map(v -> registry.manifest(v).signature()).toList();
    }

    static String names(List<DataColumn> columns) {
        return String.join(", ", columns.stream().map(DataColumn::name).toList());
    }

    private static String date(Instant t) {
        return "DATE '" + LocalDate.ofInstant(t, ZoneOffset.UTC) + "'";
    }

    private static String requireModelName(String model) {
        Objects.requireNonNull(model, "model");
        if (!ModelRef.NAME.matcher(model).matches()) {
            throw InvalidInputException.of(
                    "model",
                    "'%s' is not a model name (letters, digits, '.', '_' or '-'), so it has no prediction log"
                            .formatted(model));
        }
        return model;
    }
}
