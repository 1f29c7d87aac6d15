package dev.slipway.data;

import dev.slipway.api.data.Schema;
import dev.slipway.store.BlobId;
import dev.slipway.store.SlipwayHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a finished Parquet file in a workspace into a registered dataset version: profile it,
 * record its domains, store the profile, move the file into place atomically, then commit the
 * metadata row, which is the instant the version becomes visible. Shared by import and split.
 */
final class Registrar {

    /**
     * A version about to be registered.
     *
     * @param parquet the finished snapshot, in a workspace
     * @param bare the schema without domains
     * @param source the file it came from, or the operation that derived it
     * @param options how its source was read
     */
    record Pending(
            String name,
            String id,
            String contentSha256,
            long rows,
            Path parquet,
            Schema bare,
            String source,
            Map<String, String> options,
            Optional<Lineage> lineage) {
        Pending {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(parquet, "parquet");
            options = Map.copyOf(options);
        }
    }

    /**
     * The outcome of a registration.
     *
     * @param created false when the dataset already had a version with that id
     */
    record Registered(DatasetVersion version, boolean created) {}

    private final SlipwayHome home;
    private final Catalog catalog;
    private final Clock clock;

    Registrar(SlipwayHome home, Catalog catalog, Clock clock) {
        this.home = home;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Registers {@code p}, moving its Parquet file out of the workspace.
     *
     * @throws IOException when the finished file cannot be measured
     */
    Registered register(DuckSession duck, Pending p) throws IOException {
        Path out = p.parquet();
        String snapshotRelation = "read_parquet(" + Sql.str(out.toString()) + ")";
        Profiler.Result measured = Profiler.measure(duck.connection(), snapshotRelation, p.bare());
        Schema schema = Domains.attach(p.bare(), measured);
        BlobId profileBlob = home.blobs().put(ProfileCodec.toJson(measured.profile()));
        String snapshotSha = Hashing.sha256(out, "hashing", ProgressListener.NONE);
        long snapshotBytes = Files.size(out);
        Path target =
                home.datasetsDir()
                        .resolve(p.name())
                        .resolve(p.id() + "-" + snapshotSha.substring(0, 8) + ".parquet");
        home.publish(out, target);
        DatasetVersion v =
                new DatasetVersion(
                        p.name(),
                        p.id(),
                        0,
                        clock.instant().truncatedTo(ChronoUnit.MILLIS),
                        p.rows(),
                        schema,
                        p.source(),
                        p.contentSha256(),
                        target,
                        snapshotSha,
                        snapshotBytes,
                        p.options(),
                        p.lineage());
        Catalog.Entry entry = catalog.insert(v, profileBlob.hex());
        boolean created = entry.version().createdAt().equals(v.createdAt());
        return new Registered(entry.version(), created);
    }
}
