package dev.slipway.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.api.CorruptDataException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Task;
import dev.slipway.store.MetadataStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Runs in the metadata store's {@code runs} table. Thread-safe. */
final class RunStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, Double>> NUMBERS =
            new TypeReference<>() {};
    private static final String COLUMNS =
            "id, kind, parent, created_at, duration_ms, dataset, dataset_version, dataset_sha256,"
                    + " holdout, target, task, algorithm, seed, params_json, metrics_json,"
                    + " environment_json, model, model_version";

    private final MetadataStore store;

    RunStore(MetadataStore store) {
        this.store = store;
    }

    /** A new run id: 12 random hex digits. */
    static String newId(java.util.random.RandomGenerator random) {
        return "%012x".formatted(random.nextLong() & 0xFFFF_FFFF_FFFFL);
    }

    /** Inserts {@code run} in the caller's transaction. */
    static void insert(Connection c, Run run) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement(
                        "INSERT INTO runs ("
                                + COLUMNS
                                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, run.id());
            s.setString(2, run.kind().label());
            if (run.parent().isPresent()) {
                s.setString(3, run.parent().get());
            } else {
                s.setNull(3, Types.VARCHAR);
            }
            s.setString(4, run.createdAt().toString());
            s.setLong(5, run.duration().toMillis());
            s.setString(6, run.dataset());
            s.setString(7, run.datasetVersion());
            s.setString(8, run.datasetSha256());
            s.setString(9, run.holdout());
            s.setString(10, run.target());
            s.setString(11, run.task().label());
            s.setString(12, run.algorithm().label());
            s.setLong(13, run.seed());
            s.setString(14, json(new TreeMap<>(run.params())));
            s.setString(15, json(run.metrics()));
            s.setString(16, json(new TreeMap<>(run.environment())));
            if (run.model().isPresent()) {
                s.setString(17, run.model().get().name());
                s.setInt(18, run.model().get().version());
            } else {
                s.setNull(17, Types.VARCHAR);
                s.setNull(18, Types.INTEGER);
            }
            s.executeUpdate();
        }
    }

    /** Every run, newest first, optionally only those of one dataset. */
    List<Run> list(Optional<String> dataset) {
        return store.read(
                "list runs",
                c -> {
                    String where = dataset.isPresent() ? " WHERE dataset = ?" : "";
                    try (PreparedStatement s =
                            c.prepareStatement(
                                    "SELECT " + COLUMNS + " FROM runs" + where + " ORDER BY id")) {
                        if (dataset.isPresent()) {
                            s.setString(1, dataset.get());
                        }
                        // Ids are random: the order is by creation time, compared as instants
                        // (the stored text has a varying number of fraction digits).
                        List<Run> runs = new ArrayList<>(many(s));
                        runs.sort(
                                Comparator.comparing(Run::createdAt)
                                        .thenComparing(Run::id)
                                        .reversed());
                        return runs;
                    }
                });
    }

    /** The trials of tuning run {@code parent}, in order. */
    List<Run> trials(String parent) {
        return store.read(
                "list trials of run " + parent,
                c -> {
                    try (PreparedStatement s =
                            c.prepareStatement(
                                    "SELECT "
                                            + COLUMNS
                                            + " FROM runs WHERE parent = ?"
                                            + " ORDER BY created_at, id")) {
                        s.setString(1, parent);
                        return many(s);
                    }
                });
    }

    /**
     * The run whose id is {@code id} or starts with it (at least 4 hex digits); NotFoundException
     * when there is none, InvalidInputException when the prefix fits several.
     */
    Run get(String id) {
        String prefix = id.strip().toLowerCase(java.util.Locale.ROOT);
        if (!prefix.matches("[0-9a-f]{4,32}")) {
            throw dev.slipway.api.InvalidInputException.of(
                    id,
                    "'%s' is not a run id; run ids are 12 hex digits (4 or more are enough), see 'slipway runs list'"
                            .formatted(id));
        }
        return store.read(
                "read run " + id,
                c -> {
                    try (PreparedStatement s =
                            c.prepareStatement(
                                    "SELECT "
                                            + COLUMNS
                                            + " FROM runs WHERE id LIKE ? ORDER BY id LIMIT 3")) {
                        s.setString(1, prefix + "%");
                        List<Run> runs = many(s);
                        if (runs.isEmpty()) {
                            throw new NotFoundException(
                                    "run",
                                    id,
                                    "no run %s; 'slipway runs list' shows the runs there are"
                                            .formatted(id));
                        }
                        if (runs.size() > 1) {
                            throw dev.slipway.api.InvalidInputException.of(
                                    id,
                                    "run id '%s' fits several runs (%s, ...); give more digits"
                                            .formatted(
                                                    id,
                                                    String.join(
                                                            ", ",
                                                            runs.stream().map(Run::id).toList())));
                        }
                        return runs.getFirst();
                    }
                });
    }

    private static List<Run> many(PreparedStatement s) throws SQLException {
        List<Run> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    private static Run row(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        Optional<String> parentId = Optional.ofNullable(rs.getString("parent"));
        String model = rs.getString("model");
        int modelVersion = rs.getInt("model_version");
        Optional<ModelRef.Version> ref =
                model == null || rs.wasNull()
                        ? Optional.empty()
                        : Optional.of(new ModelRef.Version(model, modelVersion));
        String where = "run " + id;
        return new Run(
                id,
                Run.Kind.fromLabel(rs.getString("kind")),
                parentId,
                Instant.parse(rs.getString("created_at")),
                Duration.ofMillis(rs.getLong("duration_ms")),
                rs.getString("dataset"),
                rs.getString("dataset_version"),
                rs.getString("dataset_sha256"),
                rs.getString("holdout"),
                rs.getString("target"),
                Task.fromLabel(rs.getString("task")),
                Algorithm.fromLabel(rs.getString("algorithm")),
                rs.getLong("seed"),
                read(rs.getString("params_json"), STRINGS, where),
                read(rs.getString("metrics_json"), NUMBERS, where),
                read(rs.getString("environment_json"), STRINGS, where),
                ref);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write run JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type, String where) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new CorruptDataException(
                    where,
                    "the record of %s in the metadata store is damaged (%s); it was changed outside Slipway"
                            .formatted(where, e.getOriginalMessage()));
        }
    }
}
