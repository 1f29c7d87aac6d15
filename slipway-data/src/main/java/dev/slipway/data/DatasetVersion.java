package dev.slipway.data;

import dev.slipway.api.data.DatasetRef;
import dev.slipway.api.data.Schema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable version of a dataset: a Parquet snapshot with its schema, profile and origin.
 *
 * @param dataset the dataset's name
 * @param id the version id, derived from the content hash
 * @param number the version's position in the dataset's history, from 1
 * @param createdAt when it was registered
 * @param rows the row count
 * @param schema the columns with their types and the domain seen
 * @param source the file it was imported from, or the operation that derived it
 * @param contentSha256 the hash over the source content and the options that shaped it
 * @param snapshot the Parquet file holding the rows
 * @param snapshotSha256 the hex sha256 of the snapshot file
 * @param snapshotBytes the snapshot's size
 * @param options how the source was read (format, delimiter, trimming, missing markers, types)
 * @param lineage the version it was derived from, for derived versions
 */
public record DatasetVersion(
        String dataset,
        String id,
        int number,
        Instant createdAt,
        long rows,
        Schema schema,
        String source,
        String contentSha256,
        Path snapshot,
        String snapshotSha256,
        long snapshotBytes,
        Map<String, String> options,
        Optional<Lineage> lineage) {

    public DatasetVersion {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(snapshot, "snapshot");
        options = Map.copyOf(options);
        Objects.requireNonNull(lineage, "lineage");
    }

    /** A reference that names exactly this version: {@code dataset@id}. */
    public DatasetRef ref() {
        return new DatasetRef(dataset, Optional.of(id));
    }
}
