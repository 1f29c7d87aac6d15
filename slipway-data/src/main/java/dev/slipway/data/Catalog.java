package dev.slipway.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.api.ConflictException;
import dev.slipway.api.CorruptDataException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.store.MetadataStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Datasets and their versions in the metadata store. Thread-safe. */
final class Catalog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};
    private static final String COLUMNS =
            "dataset, id, seq, created_at, row_count, column_count, snapshot_path, snapshot_sha256,"
                    + " snapshot_bytes, source, content_sha256, schema_json, options_json,"
                    + " profile_blob, parent_dataset, parent_version, lineage_json";

    /** A version as stored, with the id of its profile blob. */
    record Entry(DatasetVersion version, String profileBlob) {}

    private final MetadataStore store;
    private final Path home;

    Catalog(MetadataStore store, Path home) {
        this.store = store;
        this.home = home;
    }

    Optional<Entry> find(String dataset, String id) {
        return store.read(
                "find dataset version " + dataset + "@" + id,
                c -> one(c, "WHERE dataset = ? AND id = ?", dataset, id));
    }

    Entry resolve(DatasetRef ref) {
        return store.read("resolve " + ref, c -> resolve(c, ref));
    }

    private Entry resolve(Connection c, DatasetRef ref) throws SQLException {
        if (!exists(c, ref.name())) {
            throw new NotFoundException(
                    "dataset",
                    ref.name(),
                    "no dataset named '%s'; 'slipway data list' shows the datasets, 'slipway data import FILE --name %s' creates it"
                            .formatted(ref.name(), ref.name()));
        }
        if (ref.version().isEmpty()) {
            return one(
                            c,
                            "WHERE dataset = ? AND seq = (SELECT max(seq) FROM dataset_versions WHERE dataset = ?)",
                            ref.name(),
                            ref.name())
                    .orElseThrow();
        }
        String v = ref.version().get();
        Optional<Entry> hit = Optional.empty();
        if (v.matches("[0-9]{1,6}")) {
            hit = one(c, "WHERE dataset = ? AND seq = " + Integer.parseInt(v), ref.name());
        }
        if (hit.isEmpty()) {
            hit = one(c, "WHERE dataset = ? AND id = ?", ref.name(), v);
            if (hit.isEmpty() && v.length() >= 4) {
                List<Entry> matches =
                        many(
                                c,
                                "WHERE dataset = ? AND id LIKE ? ORDER BY seq",
                                ref.name(),
                                v + "%");
                if (matches.size() > 1) {
                    throw new ConflictException(
                            "'%s' matches %d versions of '%s' (%s); give more characters of the id"
                                    .formatted(
                                            v,
                                            matches.size(),
                                            ref.name(),
                                            String.join(
                                                    ", ",
                                                    matches.stream()
                                                            .map(e -> e.version().id())
                                                            .toList())));
                }
                hit = matches.stream().findFirst();
            }
        }
        return hit.orElseThrow(
                () ->
                        new NotFoundException(
                                "dataset version",
                                ref.toString(),
                                "dataset '%s' has no version '%s'; 'slipway data history %s' lists its versions"
                                        .formatted(ref.name(), v, ref.name())));
    }

    List<DatasetVersion> history(String dataset) {
        return store.read(
                "history of " + dataset,
                c -> {
                    resolve(c, DatasetRef.latest(dataset));
                    return many(c, "WHERE dataset = ? ORDER BY seq", dataset).stream()
                            .map(Entry::version)
                            .toList();
                });
    }

    List<DatasetSummary> list() {
        return store.read(
                "list datasets",
                c -> {
                    List<DatasetSummary> out = new ArrayList<>();
                    List<Entry> latest =
                            many(
                                    c,
                                    "WHERE seq = (SELECT max(seq) FROM dataset_versions v WHERE v.dataset = dataset_versions.dataset) ORDER BY dataset");
                    for (Entry e : latest) {
                        out.add(
                                new DatasetSummary(
                                        e.version().dataset(), e.version().number(), e.version()));
                    }
                    return out;
                });
    }

    /**
     * Registers a version, unless the dataset already has one with the same id (then returns that
     * one). The version's {@code number} is assigned here.
     */
    Entry insert(DatasetVersion v, String profileBlob) {
        return store.inTransaction(
                "register dataset version " + v.dataset() + "@" + v.id(),
                c -> {
                    Optional<Entry> existing =
                            one(c, "WHERE dataset = ? AND id = ?", v.dataset(), v.id());
                    if (existing.isPresent()) {
                        return existing.get();
                    }
                    if (!exists(c, v.dataset())) {
                        try (PreparedStatement ps =
                                c.prepareStatement(
                                        "INSERT INTO datasets (name, created_at) VALUES (?, ?)")) {
                            ps.setString(1, v.dataset());
                            ps.setString(2, v.createdAt().toString());
                            ps.executeUpdate();
                        }
                    }
                    int seq;
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT coalesce(max(seq), 0) + 1 FROM dataset_versions WHERE dataset = ?")) {
                        ps.setString(1, v.dataset());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            seq = rs.getInt(1);
                        }
                    }
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO dataset_versions ("
                                            + COLUMNS
                                            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        int k = 1;
                        ps.setString(k++, v.dataset());
                        ps.setString(k++, v.id());
                        ps.setInt(k++, seq);
                        ps.setString(k++, v.createdAt().toString());
                        ps.setLong(k++, v.rows());
                        ps.setInt(k++, v.schema().size());
                        ps.setString(k++, home.relativize(v.snapshot()).toString());
                        ps.setString(k++, v.snapshotSha256());
                        ps.setLong(k++, v.snapshotBytes());
                        ps.setString(k++, v.source());
                        ps.setString(k++, v.contentSha256());
                        ps.setString(k++, SchemaCodec.toJson(v.schema()));
                        ps.setString(k++, json(v.options()));
                        ps.setString(k++, profileBlob);
                        ps.setString(k++, v.lineage().map(Lineage::parentDataset).orElse(null));
                        ps.setString(k++, v.lineage().map(Lineage::parentVersion).orElse(null));
                        ps.setString(k++, lineageJson(v.lineage()));
                        ps.executeUpdate();
                    }
                    return one(c, "WHERE dataset = ? AND id = ?", v.dataset(), v.id())
                            .orElseThrow();
                });
    }

    private static boolean exists(Connection c, String dataset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM datasets WHERE name = ?")) {
            ps.setString(1, dataset);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Optional<Entry> one(Connection c, String where, Object... args) throws SQLException {
        return many(c, where, args).stream().findFirst();
    }

    private List<Entry> many(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM dataset_versions " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    private Entry read(ResultSet rs) throws SQLException {
        String dataset = rs.getString("dataset");
        String id = rs.getString("id");
        String where = "dataset version " + dataset + "@" + id;
        Map<String, String> lineage = map(rs.getString("lineage_json"), where);
        Optional<Lineage> lin =
                Optional.ofNullable(rs.getString("parent_dataset"))
                        .map(
                                pd -> {
                                    Map<String, String> params = new TreeMap<>(lineage);
                                    String op = params.remove("operation");
                                    return new Lineage(
                                            pd,
                                            sqlString(rs, "parent_version"),
                                            op == null ? "derived" : op,
                                            params);
                                });
        DatasetVersion v =
                new DatasetVersion(
                        dataset,
                        id,
                        rs.getInt("seq"),
                        Instant.parse(rs.getString("created_at")),
                        rs.getLong("row_count"),
                        SchemaCodec.fromJson(rs.getString("schema_json"), where),
                        rs.getString("source"),
                        rs.getString("content_sha256"),
                        home.resolve(rs.getString("snapshot_path")),
                        rs.getString("snapshot_sha256"),
                        rs.getLong("snapshot_bytes"),
                        map(rs.getString("options_json"), where),
                        lin);
        return new Entry(v, rs.getString("profile_blob"));
    }

    private static String sqlString(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new CorruptDataException(column, "cannot read " + column + ": " + e.getMessage());
        }
    }

    private static String lineageJson(Optional<Lineage> lineage) {
        Map<String, String> m = new TreeMap<>();
        lineage.ifPresent(
                l -> {
                    m.putAll(l.params());
                    m.put("operation", l.operation());
                });
        return json(m);
    }

    static String json(Map<String, String> m) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String jsonList(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> map(String json, String where) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new CorruptDataException(where, where + ": stored options are not valid JSON");
        }
    }
}
