package dev.slipway.registry;

import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Task;
import dev.slipway.store.BlobId;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One registered version of a model, as the registry records it: its package's manifest blob and
 * what listings show without reading it. Immutable; a snapshot taken when it was read.
 *
 * @param name the model's name
 * @param version the version number, from 1 for each model
 * @param manifest the blob holding the package's manifest; it lists the package's other blobs
 * @param format the model format, e.g. {@code xgboost}
 * @param task what the model predicts, when known
 * @param created when the version was registered, to the millisecond
 * @param description what the version is, as its registrant wrote it; empty when none
 * @param lineage the run and dataset version it came from
 * @param aliases the aliases that point to it, sorted
 * @param tags its tags, sorted by key
 */
public record ModelVersion(
        String name,
        int version,
        BlobId manifest,
        String format,
        Optional<Task> task,
        Instant created,
        String description,
        ModelLineage lineage,
        List<String> aliases,
        Map<String, String> tags) {

    public ModelVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(lineage, "lineage");
        aliases = aliases.stream().sorted().toList();
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** The reference to exactly this version, e.g. {@code adult-income/3}. */
    public ModelRef.Version ref() {
        return new ModelRef.Version(name, version);
    }

    @Override
    public String toString() {
        return name + "/" + version;
    }
}
