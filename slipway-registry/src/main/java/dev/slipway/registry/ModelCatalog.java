package dev.slipway.registry;

import dev.slipway.api.CorruptDataException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Task;
import dev.slipway.store.BlobId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads models and versions from the metadata store, inside a transaction given by the caller, and
 * resolves references with messages that say what exists.
 */
final class ModelCatalog {

    /** A row of the models table. */
    record ModelRow(String name, String description, Instant created, int lastVersion) {}

    /** An alias or tag of a version: model, version, key and value. */
    private record Labelled(String model, int version, String key, String value) {
        static Labelled of(ResultSet rs) throws SQLException {
            return new Labelled(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4));
        }
    }

    private static final String VERSION_COLUMNS =
            "model, version, manifest_blob, model_format, task, created_at, description, run_id,"
                    + " dataset_name, dataset_version";

    private ModelCatalog() {}

    static Optional<ModelRow> model(Connection c, String name) throws SQLException {
        return Db.queryOne(
                c,
                "SELECT name, description, created_at, last_version FROM models WHERE name = ?",
                ModelCatalog::modelRow,
                name);
    }

    static List<ModelRow> models(Connection c) throws SQLException {
        return Db.query(
                c,
                "SELECT name, description, created_at, last_version FROM models ORDER BY name",
                ModelCatalog::modelRow);
    }

    /** The model named {@code name}; a NotFoundException names the models there are. */
    static ModelRow requireModel(Connection c, String name) throws SQLException {
        Optional<ModelRow> row = model(c, name);
        if (row.isPresent()) {
            return row.get();
        }
        List<String> names = models(c).stream().map(ModelRow::name).toList();
        String existing =
                names.isEmpty()
                        ? "the registry has no models yet"
                        : "the registry has " + preview(names);
        throw new NotFoundException(
                "model",
                name,
                "no model named '%s': %s. 'slipway models list' shows them; 'slipway models import FILE --name %s' or a training run registers one"
                        .formatted(name, existing, name));
    }

    /** Every model, sorted by name. */
    static List<ModelSummary> summaries(Connection c) throws SQLException {
        Map<String, List<ModelVersion>> versions = allVersions(c);
        Map<String, Map<String, String>> tags = modelTags(c);
        List<ModelSummary> out = new ArrayList<>();
        for (ModelRow m : models(c)) {
            out.add(
                    summary(
                            m,
                            versions.getOrDefault(m.name(), List.of()),
                            tags.getOrDefault(m.name(), Map.of())));
        }
        return out;
    }

    /** The model named {@code name}; a NotFoundException names the models there are. */
    static ModelSummary summary(Connection c, String name) throws SQLException {
        return summary(
                requireModel(c, name),
                versions(c, name),
                modelTags(c).getOrDefault(name, Map.of()));
    }

    private static ModelSummary summary(
            ModelRow m, List<ModelVersion> versions, Map<String, String> tags) {
        return new ModelSummary(
                m.name(),
                m.description(),
                m.created(),
                versions.size(),
                versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast()),
                aliases(versions),
                tags);
    }

    /** Every version of {@code model}, oldest first, with aliases and tags. */
    static List<ModelVersion> versions(Connection c, String model) throws SQLException {
        return load(c, "WHERE model = ?", model).getOrDefault(model, List.of());
    }

    /** Every version of every model, by model name, oldest first. */
    static Map<String, List<ModelVersion>> allVersions(Connection c) throws SQLException {
        return load(c, "");
    }

    /** The model's own tags, by model name. */
    static Map<String, Map<String, String>> modelTags(Connection c) throws SQLException {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (Labelled t :
                Db.query(c, "SELECT model, 0, tag, value FROM model_tags", Labelled::of)) {
            out.computeIfAbsent(t.model(), k -> new TreeMap<>()).put(t.key(), t.value());
        }
        return out;
    }

    static ModelVersion resolve(Connection c, ModelRef ref) throws SQLException {
        requireModel(c, ref.name());
        List<ModelVersion> versions = versions(c, ref.name());
        return switch (ref) {
            case ModelRef.Latest latest -> {
                if (versions.isEmpty()) {
                    throw new NotFoundException(
                            "model version",
                            ref.toString(),
                            "model '%s' has no versions left (every one was deleted); register a new one"
                                    .formatted(ref.name()));
                }
                yield versions.getLast();
            }
            case ModelRef.Version v ->
                    versions.stream()
                            .filter(m -> m.version() == v.version())
                            .findFirst()
                            .orElseThrow(() -> noVersion(v, versions));
            case ModelRef.Alias a ->
                    versions.stream()
                            .filter(m -> m.aliases().contains(a.alias()))
                            .findFirst()
                            .orElseThrow(() -> noAlias(a, versions));
        };
    }

    private static NotFoundException noVersion(ModelRef.Version v, List<ModelVersion> versions) {
        String existing =
                versions.isEmpty()
                        ? "it has no versions left"
                        : "its versions are "
                                + preview(versions.stream().map(m -> "" + m.version()).toList());
        return new NotFoundException(
                "model version",
                v.toString(),
                "model '%s' has no version %d: %s; 'slipway models versions %s' lists them"
                        .formatted(v.name(), v.version(), existing, v.name()));
    }

    private static NotFoundException noAlias(ModelRef.Alias a, List<ModelVersion> versions) {
        Map<String, Integer> aliases = aliases(versions);
        String existing =
                aliases.isEmpty()
                        ? "it has no aliases yet"
                        : "its aliases are "
                                + preview(
                                        aliases.entrySet().stream()
                                                .map(e -> e.getKey() + " -> " + e.getValue())
                                                .toList());
        return new NotFoundException(
                "model alias",
                a.toString(),
                "model '%s' has no alias '%s': %s. Set it with 'slipway models alias set %s %s VERSION'"
                        .formatted(a.name(), a.alias(), existing, a.name(), a.alias()));
    }

    /** Which version each alias points to, sorted by alias. */
    static Map<String, Integer> aliases(List<ModelVersion> versions) {
        Map<String, Integer> out = new TreeMap<>();
        for (ModelVersion v : versions) {
            v.aliases().forEach(a -> out.put(a, v.version()));
        }
        return out;
    }

    static String preview(List<String> items) {
        int shown = 20;
        String head = String.join(", ", items.subList(0, Math.min(shown, items.size())));
        return items.size() > shown ? head + " and %d more".formatted(items.size() - shown) : head;
    }

    private static Map<String, List<ModelVersion>> load(Connection c, String where, Object... args)
            throws SQLException {
        Map<String, Map<Integer, List<String>>> aliases = new HashMap<>();
        for (Labelled a :
                Db.query(
                        c,
                        "SELECT model, version, alias, '' FROM model_aliases " + where,
                        Labelled::of,
                        args)) {
            aliases.computeIfAbsent(a.model(), k -> new HashMap<>())
                    .computeIfAbsent(a.version(), k -> new ArrayList<>())
                    .add(a.key());
        }
        Map<String, Map<Integer, Map<String, String>>> tags = new HashMap<>();
        for (Labelled t :
                Db.query(
                        c,
                        "SELECT model, version, tag, value FROM model_version_tags " + where,
                        Labelled::of,
                        args)) {
            tags.computeIfAbsent(t.model(), k -> new HashMap<>())
                    .computeIfAbsent(t.version(), k -> new TreeMap<>())
                    .put(t.key(), t.value());
        }
        List<ModelVersion> rows =
                Db.query(
                        c,
                        "SELECT " + VERSION_COLUMNS + " FROM model_versions " + where,
                        rs -> versionRow(rs, aliases, tags),
                        args);
        return rows.stream()
                .sorted(
                        Comparator.comparing(ModelVersion::name)
                                .thenComparingInt(ModelVersion::version))
                .collect(
                        Collectors.groupingBy(
                                ModelVersion::name, LinkedHashMap::new, Collectors.toList()));
    }

    private static ModelVersion versionRow(
            ResultSet rs,
            Map<String, Map<Integer, List<String>>> aliases,
            Map<String, Map<Integer, Map<String, String>>> tags)
            throws SQLException {
        String model = rs.getString("model");
        int version = rs.getInt("version");
        String where = "model version " + model + "/" + version;
        try {
            return new ModelVersion(
                    model,
                    version,
                    new BlobId(rs.getString("manifest_blob")),
                    rs.getString("model_format"),
                    Optional.ofNullable(rs.getString("task")).map(Task::fromLabel),
                    Instant.parse(rs.getString("created_at")),
                    rs.getString("description"),
                    new ModelLineage(
                            Optional.ofNullable(rs.getString("run_id")),
                            Optional.ofNullable(rs.getString("dataset_name")),
                            Optional.ofNullable(rs.getString("dataset_version"))),
                    aliases.getOrDefault(model, Map.of()).getOrDefault(version, List.of()),
                    tags.getOrDefault(model, Map.of()).getOrDefault(version, Map.of()));
        } catch (InvalidInputException | DateTimeParseException e) {
            throw new CorruptDataException(
                    where,
                    "the metadata store's row for %s is corrupt: %s. Restore the home folder from a backup"
                            .formatted(where, e.getMessage()));
        }
    }

    private static ModelRow modelRow(ResultSet rs) throws SQLException {
        String name = rs.getString("name");
        try {
            return new ModelRow(
                    name,
                    rs.getString("description"),
                    Instant.parse(rs.getString("created_at")),
                    rs.getInt("last_version"));
        } catch (DateTimeParseException e) {
            throw new CorruptDataException(
                    "model " + name,
                    "the metadata store's row for model %s has a bad time: %s. Restore the home folder from a backup"
                            .formatted(name, e.getMessage()));
        }
    }
}
