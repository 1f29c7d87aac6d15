package dev.slipway.registry;

import dev.slipway.api.ConflictException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.store.BlobId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Changes to the registry's rows, each inside a write transaction given by the caller; a change is
 * visible when that transaction commits, and not at all when it rolls back.
 */
final class ModelEdits {

    private ModelEdits() {}

    /**
     * Adds the next version of {@code name}, creating the model on its first version. Two
     * registrations of the same name never get the same number: the model row is locked by the
     * increment until commit (PostgreSQL), or the whole database is (SQLite's {@code BEGIN
     * IMMEDIATE}).
     */
    static int insertVersion(
            Connection c,
            String name,
            BlobId manifestBlob,
            ModelManifest manifest,
            Instant created,
            String description,
            Map<String, String> tags)
            throws SQLException {
        Db.update(
                c,
                "INSERT INTO models (name, description, created_at, last_version) VALUES (?, '', ?, 0)"
                        + " ON CONFLICT (name) DO NOTHING",
                name,
                created.toString());
        Db.update(c, "UPDATE models SET last_version = last_version + 1 WHERE name = ?", name);
        int version =
                Db.queryOne(
                                c,
                                "SELECT last_version FROM models WHERE name = ?",
                                rs -> rs.getInt(1),
                                name)
                        .orElseThrow();
        ModelLineage lineage = ModelLineage.of(manifest.provenance());
        Db.update(
                c,
                "INSERT INTO model_versions (model, version, manifest_blob, model_format, task,"
                        + " created_at, description, run_id, dataset_name, dataset_version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                name,
                version,
                manifestBlob.hex(),
                manifest.modelFormat(),
                manifest.task().map(t -> t.label()).orElse(null),
                created.toString(),
                description,
                lineage.runId().orElse(null),
                lineage.datasetName().orElse(null),
                lineage.datasetVersion().orElse(null));
        for (Map.Entry<String, String> t : tags.entrySet()) {
            Db.update(
                    c,
                    "INSERT INTO model_version_tags (model, version, tag, value) VALUES (?, ?, ?, ?)",
                    name,
                    version,
                    t.getKey(),
                    t.getValue());
        }
        return version;
    }

    /** Points {@code alias} at {@code version}, creating it or moving it in one statement. */
    static void setAlias(Connection c, String name, String alias, int version, Instant when)
            throws SQLException {
        ModelCatalog.resolve(c, new ModelRef.Version(name, version));
        Db.update(
                c,
                "INSERT INTO model_aliases (model, alias, version, updated_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (model, alias) DO UPDATE"
                        + " SET version = excluded.version, updated_at = excluded.updated_at",
                name,
                alias,
                version,
                when.toString());
    }

    /** Removes {@code alias}; returns the version it pointed to. */
    static int deleteAlias(Connection c, String name, String alias) throws SQLException {
        int version = ModelCatalog.resolve(c, new ModelRef.Alias(name, alias)).version();
        Db.update(c, "DELETE FROM model_aliases WHERE model = ? AND alias = ?", name, alias);
        return version;
    }

    static void tagModel(Connection c, String name, String key, String value) throws SQLException {
        ModelCatalog.requireModel(c, name);
        Db.update(
                c,
                "INSERT INTO model_tags (model, tag, value) VALUES (?, ?, ?)"
                        + " ON CONFLICT (model, tag) DO UPDATE SET value = excluded.value",
                name,
                key,
                value);
    }

    static boolean untagModel(Connection c, String name, String key) throws SQLException {
        ModelCatalog.requireModel(c, name);
        return Db.update(c, "DELETE FROM model_tags WHERE model = ? AND tag = ?", name, key) > 0;
    }

    static void tagVersion(Connection c, ModelRef.Version ref, String key, String value)
            throws SQLException {
        ModelCatalog.resolve(c, ref);
        Db.update(
                c,
                "INSERT INTO model_version_tags (model, version, tag, value) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (model, version, tag) DO UPDATE SET value = excluded.value",
                ref.name(),
                ref.version(),
                key,
                value);
    }

    static boolean untagVersion(Connection c, ModelRef.Version ref, String key)
            throws SQLException {
        ModelCatalog.resolve(c, ref);
        return Db.update(
                        c,
                        "DELETE FROM model_version_tags WHERE model = ? AND version = ? AND tag = ?",
                        ref.name(),
                        ref.version(),
                        key)
                > 0;
    }

    static void describeModel(Connection c, String name, String description) throws SQLException {
        ModelCatalog.requireModel(c, name);
        Db.update(c, "UPDATE models SET description = ? WHERE name = ?", description, name);
    }

    static void describeVersion(Connection c, ModelRef.Version ref, String description)
            throws SQLException {
        ModelCatalog.resolve(c, ref);
        Db.update(
                c,
                "UPDATE model_versions SET description = ? WHERE model = ? AND version = ?",
                description,
                ref.name(),
                ref.version());
    }

    /**
     * Deletes one version with its tags. Refused while an alias points to it, unless {@code force},
     * which deletes those aliases too.
     */
    static void deleteVersion(Connection c, ModelRef.Version ref, boolean force)
            throws SQLException {
        ModelVersion v = ModelCatalog.resolve(c, ref);
        if (!v.aliases().isEmpty() && !force) {
            throw new ConflictException(
                    "cannot delete %s: %s to it. Move the alias to another version first ('slipway models alias set %s %s VERSION'), or delete with --force, which deletes the alias too"
                            .formatted(
                                    ref,
                                    aliasPhrase(v.aliases(), ref.name()),
                                    ref.name(),
                                    v.aliases().getFirst()));
        }
        Object[] key = {ref.name(), ref.version()};
        Db.update(c, "DELETE FROM model_aliases WHERE model = ? AND version = ?", key);
        Db.update(c, "DELETE FROM model_version_tags WHERE model = ? AND version = ?", key);
        Db.update(c, "DELETE FROM model_versions WHERE model = ? AND version = ?", key);
    }

    /**
     * Deletes a model with all its versions, aliases and tags. Refused while it has aliases, unless
     * {@code force}.
     */
    static void deleteModel(Connection c, String name, boolean force) throws SQLException {
        ModelCatalog.requireModel(c, name);
        Map<String, Integer> aliases = ModelCatalog.aliases(ModelCatalog.versions(c, name));
        if (!aliases.isEmpty() && !force) {
            throw new ConflictException(
                    "cannot delete model '%s': %s to its versions, so something may be serving it. Delete the aliases first ('slipway models alias delete %s ALIAS'), or delete with --force"
                            .formatted(
                                    name, aliasPhrase(List.copyOf(aliases.keySet()), name), name));
        }
        for (String table :
                List.of("model_aliases", "model_version_tags", "model_versions", "model_tags")) {
            Db.update(c, "DELETE FROM " + table + " WHERE model = ?", name);
        }
        Db.update(c, "DELETE FROM models WHERE name = ?", name);
    }

    /** {@code alias m@a points} or {@code aliases m@a, m@b point}. */
    private static String aliasPhrase(List<String> aliases, String name) {
        String list = String.join(", ", aliases.stream().map(a -> name + "@" + a).toList());
        return aliases.size() == 1 ? "alias " + list + " points" : "aliases " + list + " point";
    }
}
