package dev.slipway.store;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The home folder: the metadata store ({@code slipway.db} unless another database is given), the
 * blob store ({@code blobs/}), dataset snapshots ({@code datasets/}) and scratch space ({@code
 * tmp/}).
 *
 * <p>Opening a home deletes the workspaces left in {@code tmp/} by processes that died; those of
 * live processes, here or elsewhere, are left alone. Thread-safe; several processes may open the
 * same home at once.
 */
public final class SlipwayHome implements AutoCloseable {

    /** The environment variable naming the home folder. */
    public static final String HOME_ENV = "SLIPWAY_HOME";

    private final Path root;
    private final MetadataStore metadata;
    private final LocalBlobStore blobs;
    private final Workspace blobIncoming;

    private SlipwayHome(
            Path root, MetadataStore metadata, LocalBlobStore blobs, Workspace blobIncoming) {
        this.root = root;
        this.metadata = metadata;
        this.blobs = blobs;
        this.blobIncoming = blobIncoming;
    }

    /**
     * The home folder to use when none is given: {@code $SLIPWAY_HOME}, else {@code ~/.slipway}.
     */
    public static Path defaultRoot() {
        return defaultRoot(
                Optional.ofNullable(System.getenv(HOME_ENV)), System.getProperty("user.home"));
    }

    static Path defaultRoot(Optional<String> env, String userHome) {
        return env.filter(s -> !s.isBlank())
                .map(s -> Path.of(s.strip()))
                .orElseGet(() -> Path.of(userHome, ".slipway"))
                .toAbsolutePath()
                .normalize();
    }

    /** Opens the home at {@code root} with its metadata store in {@code root/slipway.db}. */
    public static SlipwayHome open(Path root) {
        return open(root, StoreLocation.parse("", root));
    }

    /**
     * Opens the home at {@code root}, creating its folders, with the metadata store at {@code db}.
     *
     * @throws InvalidInputException when {@code root} is a file or cannot be written
     * @throws StoreException when the metadata store cannot be opened
     */
    public static SlipwayHome open(Path root, StoreLocation db) {
        Objects.requireNonNull(db, "db");
        Path home = prepare(Objects.requireNonNull(root, "root").toAbsolutePath().normalize());
        Path tmp = home.resolve("tmp");
        Workspaces.sweep(tmp);
        Workspace incoming = Workspaces.create(tmp, "blob-incoming");
        try {
            MetadataStore metadata = MetadataStore.open(db);
            return new SlipwayHome(
                    home,
                    metadata,
                    new LocalBlobStore(home.resolve("blobs"), incoming.path()),
                    incoming);
        } catch (RuntimeException e) {
            incoming.close();
            throw e;
        }
    }

    private static Path prepare(Path root) {
        String how =
                "choose another home folder with --home DIR or the "
                        + HOME_ENV
                        + " environment variable";
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw InvalidInputException.of(
                    root.toString(),
                    "the Slipway home %s is a file, not a folder: move it away or %s"
                            .formatted(root, how));
        }
        try {
            for (String sub : new String[] {"blobs", "datasets", "tmp"}) {
                Files.createDirectories(root.resolve(sub));
            }
        } catch (IOException e) {
            throw InvalidInputException.of(
                    root.toString(),
                    "cannot create the Slipway home %s: %s. Check its permissions or %s"
                            .formatted(root, e, how),
                    e);
        }
        if (!Files.isWritable(root) || !Files.isWritable(root.resolve("tmp"))) {
            throw InvalidInputException.of(
                    root.toString(),
                    "the Slipway home %s is not writable by this user: fix its permissions or %s"
                            .formatted(root, how));
        }
        return root;
    }

    /** The home folder, absolute. */
    public Path root() {
        return root;
    }

    /** The metadata store; owned by this home, closed with it. */
    public MetadataStore metadata() {
        return metadata;
    }

    /** The blob store in {@code blobs/}. */
    public BlobStore blobs() {
        return blobs;
    }

    /** The folder of dataset snapshots. */
    public Path datasetsDir() {
        return root.resolve("datasets");
    }

    /**
     * A new private scratch folder under {@code tmp/}; close it when done.
     *
     * @param purpose a word for the folder's name, e.g. {@code "import"}
     */
    public Workspace newWorkspace(String purpose) {
        return Workspaces.create(root.resolve("tmp"), Objects.requireNonNull(purpose, "purpose"));
    }

    /**
     * Moves a finished file into place atomically, replacing {@code target}: readers see the old
     * file or the new one, never a part. Creates {@code target}'s folders and flushes the file and
     * folder to disk where the platform allows.
     *
     * @param tempFile a file on the same file system, e.g. in a {@link Workspace}
     * @throws StoreException when the move fails, naming both paths
     */
    public void publish(Path tempFile, Path target) {
        Path parent = target.toAbsolutePath().getParent();
        try {
            FileOps.fsync(tempFile);
            Files.createDirectories(parent);
            FileOps.moveAtomically(tempFile, target);
            FileOps.fsyncDirectory(parent);
        } catch (IOException e) {
            throw new StoreException(
                    "cannot move %s to %s: %s. Check that both are on the same disk, the target folder is writable, and the disk has room"
                            .formatted(tempFile, target, e),
                    e);
        }
    }

    /** Closes the metadata store and removes this home's own scratch folder. */
    @Override
    public void close() {
        try {
            metadata.close();
        } finally {
            blobIncoming.close();
        }
    }

    @Override
    public String toString() {
        return "SlipwayHome[" + root + ", " + metadata.describe() + "]";
    }
}
