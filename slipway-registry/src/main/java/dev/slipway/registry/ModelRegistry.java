package dev.slipway.registry;

import dev.slipway.api.ConflictException;
import dev.slipway.api.CorruptDataException;
import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.ModelFormat;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Predictor;
import dev.slipway.formats.pipeline.FeaturePipelines;
import dev.slipway.store.SlipwayHome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The model registry of a home: named models with numbered versions, each version a package (a
 * {@link ModelManifest} and the native model files) in the blob store, with aliases, tags,
 * descriptions and lineage in the metadata store. Every layer that serves or watches models reads
 * them through it.
 *
 * <p>A version becomes visible in one metadata transaction, after every blob of its package is
 * stored: a process that dies at any instant leaves either the whole version or none of it (and at
 * worst unreferenced blobs). Moving an alias is one transaction too. Thread-safe; several processes
 * may share a home.
 */
public final class ModelRegistry {

    private final SlipwayHome home;
    private final Map<String, ModelFormat> formats;
    private final Clock clock;
    private final Packages packages;
    private final ModelImporter importer;
    private final Runnable beforeCommit;

    /**
     * A registry over {@code home} that loads models with {@code formats}.
     *
     * @param formats the model formats to load and import, tried in this order on import
     * @param clock gives registration and alias times
     * @throws IllegalArgumentException when two formats have the same name
     */
    public ModelRegistry(SlipwayHome home, List<ModelFormat> formats, Clock clock) {
        this(home, formats, clock, () -> {});
    }

    /**
     * As the public constructor; {@code beforeCommit} runs inside each registration's transaction.
     */
    ModelRegistry(SlipwayHome home, List<ModelFormat> formats, Clock clock, Runnable beforeCommit) {
        this.home = Objects.requireNonNull(home, "home");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.beforeCommit = beforeCommit;
        Map<String, ModelFormat> byName = new LinkedHashMap<>();
        for (ModelFormat f : formats) {
            if (byName.putIfAbsent(f.name(), f) != null) {
                throw new IllegalArgumentException(
                        "two model formats are named '%s': %s and %s"
                                .formatted(f.name(), byName.get(f.name()), f));
            }
        }
        this.formats = byName;
        this.packages = new Packages(home.blobs());
        this.importer = new ModelImporter(List.copyOf(byName.values()));
    }

    /**
     * Registers a new version of model {@code name} (creating the model on its first version): the
     * files are stored, then the manifest listing them with their sha256, then the version.
     *
     * @param manifest the manifest without files
     * @param files the package's files; exactly one with the role {@link PackageFile#MODEL}
     * @param description the version's description; may be empty
     * @param tags the version's tags
     * @return the new version, numbered one above the highest this model ever had
     * @throws InvalidInputException when the name, a tag, a path or the files are not valid
     */
    public ModelVersion register(
            String name,
            ModelManifest manifest,
            List<PackageEntry> files,
            String description,
            Map<String, String> tags) {
        return register(name, manifest, files, description, tags, (c, v) -> {});
    }

    /**
     * Work that must commit or roll back together with a new version, e.g. the record of the
     * training run that made it.
     */
    @FunctionalInterface
    public interface AlongWith {
        /** Runs inside the registration's transaction, once the version is inserted. */
        void run(Connection connection, ModelVersion registered) throws SQLException;
    }

    /**
     * As {@link #register(String, ModelManifest, List, String, Map)}, running {@code alongWith} in
     * the same metadata transaction: the version and what {@code alongWith} writes become visible
     * together, or neither does.
     */
    public ModelVersion register(
            String name,
            ModelManifest manifest,
            List<PackageEntry> files,
            String description,
            Map<String, String> tags,
            AlongWith alongWith) {
        Objects.requireNonNull(alongWith, "alongWith");
        ModelRef.requireValidName(name);
        Labels.requireValidDescription(description);
        Map<String, String> sortedTags = Provenance.sorted(tags);
        Labels.requireValidTags(sortedTags);
        Packages.Stored stored = packages.store(manifest, files);
        Instant now = now();
        return home.metadata()
                .inTransaction(
                        "register a version of model " + name,
                        c -> {
                            int version =
                                    ModelEdits.insertVersion(
                                            c,
                                            name,
                                            stored.blob(),
                                            stored.manifest(),
                                            now,
                                            description,
                                            sortedTags);
                            ModelVersion registered =
                                    ModelCatalog.resolve(c, new ModelRef.Version(name, version));
                            alongWith.run(c, registered);
                            beforeCommit.run();
                            return registered;
                        });
    }

    /**
     * Imports a model file trained elsewhere as a new version of {@code name}: refuses Python
     * pickles, detects the format, loads the model, runs it on a sample, and registers it with the
     * file kept byte for byte and provenance {@code imported}.
     *
     * @throws InvalidInputException when the file is a pickle, of no supported format, truncated or
     *     corrupt, or fails on the sample; the message says which and what to do
     */
    public ModelVersion importModel(Path file, String name, ImportOptions options) {
        ModelRef.requireValidName(name);
        ModelImporter.Checked checked = importer.check(file, options, now());
        return register(
                name,
                checked.manifest(),
                List.of(checked.file()),
                options.description(),
                options.tags());
    }

    /**
     * Registers the package in folder {@code dir} (written by {@link #exportPackage}) as a new
     * version of {@code name}, after checking every file against the manifest's sha256.
     *
     * @throws IncompatibleFormatException when the manifest is from a newer Slipway
     * @throws CorruptDataException when the manifest is not valid
     * @throws InvalidInputException when a file is missing or changed
     */
    public ModelVersion registerPackage(
            Path dir, String name, String description, Map<String, String> tags) {
        ModelRef.requireValidName(name);
        PackageFolders.Read read = PackageFolders.read(dir);
        return register(name, read.manifest(), read.entries(), description, tags);
    }

    /**
     * Writes the package of {@code version} into folder {@code dir} (created if needed, else
     * empty): {@code manifest.json} and the files at their paths.
     */
    public void exportPackage(ModelVersion version, Path dir) {
        ModelManifest m = manifest(version);
        PackageFolders.write(dir, m, path -> packages.file(version, m, path));
    }

    /** Every model, sorted by name, with its latest version and its aliases. */
    public List<ModelSummary> list() {
        return home.metadata().read("list models", ModelCatalog::summaries);
    }

    /**
     * The model named {@code name}.
     *
     * @throws NotFoundException when there is none, naming the models there are
     */
    public ModelSummary model(String name) {
        return home.metadata().read("show model " + name, c -> ModelCatalog.summary(c, name));
    }

    /**
     * Every version of model {@code name}, oldest first.
     *
     * @throws NotFoundException when there is no such model
     */
    public List<ModelVersion> versions(String name) {
        return home.metadata()
                .read(
                        "list the versions of model " + name,
                        c -> {
                            ModelCatalog.requireModel(c, name);
                            return ModelCatalog.versions(c, name);
                        });
    }

    /**
     * The version {@code ref} names now.
     *
     * @throws NotFoundException when there is none, saying what the model has (its versions, its
     *     aliases) or which models exist
     */
    public ModelVersion resolve(ModelRef ref) {
        return home.metadata().read("resolve model " + ref, c -> ModelCatalog.resolve(c, ref));
    }

    /**
     * The manifest of {@code version}'s package, read from the blob store and checked.
     *
     * @throws CorruptDataException when the manifest blob is damaged, missing or not a manifest
     * @throws IncompatibleFormatException when a newer Slipway wrote it
     */
    public ModelManifest manifest(ModelVersion version) {
        return packages.manifest(version);
    }

    /**
     * The content of file {@code path} of {@code version}'s package, checked against its sha256.
     *
     * @throws NotFoundException when the package has no such file, listing the files it has
     * @throws CorruptDataException when the stored content is damaged or missing
     */
    public byte[] file(ModelVersion version, String path) {
        return packages.file(version, manifest(version), path);
    }

    /** Loads the version {@code ref} names now; see {@link #load(ModelVersion)}. */
    public Predictor load(ModelRef ref) {
        return load(resolve(ref));
    }

    /**
     * Loads {@code version}'s model with the format its manifest names; with a feature pipeline in
     * the manifest, the predictor takes raw records. The caller closes it.
     *
     * @throws NotFoundException when this registry was given no format of that name
     * @throws CorruptDataException when the package is damaged
     */
    public Predictor load(ModelVersion version) {
        ModelManifest m = manifest(version);
        ModelFormat format = formats.get(m.modelFormat());
        if (format == null) {
            throw new NotFoundException(
                    "model format",
                    m.modelFormat(),
                    "%s is a %s model, but this Slipway loads only %s: use a Slipway with the %s format"
                            .formatted(
                                    version, m.modelFormat(), formats.keySet(), m.modelFormat()));
        }
        PackageFile modelFile = m.modelFile().orElseThrow();
        byte[] bytes = packages.file(version, m, modelFile.path());
        Predictor predictor =
                format.load(bytes, version.toString(), new LoadOptions(m.featureNames()));
        if (m.pipeline().isEmpty()) {
            return predictor;
        }
        try {
            return FeaturePipelines.wrap(m.pipeline().get(), predictor);
        } catch (RuntimeException e) {
            predictor.close();
            throw e;
        }
    }

    /**
     * Points {@code alias} of model {@code name} at {@code version}, creating the alias or moving
     * it from the version it pointed to, in one transaction: readers see the old or the new target.
     *
     * @return the version the alias now points to
     * @throws NotFoundException when the model or version does not exist
     */
    public ModelVersion setAlias(String name, String alias, int version) {
        ModelRef.requireValidAlias(alias);
        ModelRef.Version ref = new ModelRef.Version(name, version);
        Instant now = now();
        return home.metadata()
                .inTransaction(
                        "set alias " + name + "@" + alias,
                        c -> {
                            ModelEdits.setAlias(c, name, alias, version, now);
                            return ModelCatalog.resolve(c, ref);
                        });
    }

    /**
     * Removes alias {@code alias} of model {@code name}.
     *
     * @return the version it pointed to
     * @throws NotFoundException when there is no such alias, naming the aliases there are
     */
    public int deleteAlias(String name, String alias) {
        ModelRef.Alias ref = new ModelRef.Alias(name, alias);
        return home.metadata()
                .inTransaction("delete alias " + ref, c -> ModelEdits.deleteAlias(c, name, alias));
    }

    /** Sets tag {@code key} of model {@code name} to {@code value}. */
    public void tag(String name, String key, String value) {
        Labels.requireValidValue(Labels.requireValidTag(key), value);
        edit("tag model " + name, c -> ModelEdits.tagModel(c, name, key, value));
    }

    /** Sets tag {@code key} of version {@code version} of model {@code name} to {@code value}. */
    public void tag(String name, int version, String key, String value) {
        Labels.requireValidValue(Labels.requireValidTag(key), value);
        ModelRef.Version ref = new ModelRef.Version(name, version);
        edit("tag model version " + ref, c -> ModelEdits.tagVersion(c, ref, key, value));
    }

    /** Removes tag {@code key} of model {@code name}; returns whether it had one. */
    public boolean untag(String name, String key) {
        return home.metadata()
                .inTransaction("untag model " + name, c -> ModelEdits.untagModel(c, name, key));
    }

    /** Removes tag {@code key} of a version; returns whether it had one. */
    public boolean untag(String name, int version, String key) {
        ModelRef.Version ref = new ModelRef.Version(name, version);
        return home.metadata()
                .inTransaction(
                        "untag model version " + ref, c -> ModelEdits.untagVersion(c, ref, key));
    }

    /** Sets the description of model {@code name}. */
    public void describe(String name, String description) {
        Labels.requireValidDescription(description);
        edit("describe model " + name, c -> ModelEdits.describeModel(c, name, description));
    }

    /** Sets the description of version {@code version} of model {@code name}. */
    public void describe(String name, int version, String description) {
        Labels.requireValidDescription(description);
        ModelRef.Version ref = new ModelRef.Version(name, version);
        edit("describe model version " + ref, c -> ModelEdits.describeVersion(c, ref, description));
    }

    /**
     * Deletes one version with its tags. Its number is never given again. The package's blobs stay
     * in the blob store, where other versions may share them.
     *
     * @param force also delete the aliases that point to it
     * @throws ConflictException when an alias points to it and {@code force} is false, naming the
     *     alias
     */
    public void deleteVersion(String name, int version, boolean force) {
        ModelRef.Version ref = new ModelRef.Version(name, version);
        edit("delete model version " + ref, c -> ModelEdits.deleteVersion(c, ref, force));
    }

    /**
     * Deletes model {@code name} with every version, alias and tag; its name can then be used
     * again, numbered from 1.
     *
     * @param force delete it even while aliases point to its versions
     * @throws ConflictException when it has aliases and {@code force} is false, naming them
     */
    public void deleteModel(String name, boolean force) {
        edit("delete model " + name, c -> ModelEdits.deleteModel(c, name, force));
    }

    /** Work on the metadata store without a result. */
    @FunctionalInterface
    private interface Edit {
        void apply(Connection c) throws SQLException;
    }

    private void edit(String operation, Edit work) {
        home.metadata()
                .inTransaction(
                        operation,
                        c -> {
                            work.apply(c);
                            return null;
                        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
