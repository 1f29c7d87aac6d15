package dev.slipway.store;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Content-addressed storage of immutable byte sequences, each named by the sha256 of its content.
 *
 * <p>Identical content is stored once. Content is verified against its id before any of it is
 * returned: a blob that changed on disk is reported as {@link
 * dev.slipway.api.CorruptDataException}, never returned. Implementations are thread-safe and safe
 * to share between processes.
 */
public interface BlobStore {

    /** Stores {@code content}; returns its id. */
    BlobId put(byte[] content);

    /**
     * Stores everything {@code content} yields, without keeping it all in memory; does not close
     * it.
     */
    BlobId put(InputStream content);

    /**
     * Stores a copy of the file's content.
     *
     * @throws dev.slipway.api.InvalidInputException when the file cannot be read
     */
    BlobId putFile(Path file);

    /**
     * The whole content, verified; for blobs that fit in memory.
     *
     * @throws dev.slipway.api.NotFoundException when there is no such blob
     * @throws dev.slipway.api.CorruptDataException when the stored content does not match the id
     */
    byte[] read(BlobId id);

    /**
     * A stream over the content, verified before it is opened; the caller closes it.
     *
     * @throws dev.slipway.api.NotFoundException when there is no such blob
     * @throws dev.slipway.api.CorruptDataException when the stored content does not match the id
     */
    InputStream open(BlobId id);

    /** Whether a blob with this id is stored (not verified). */
    boolean exists(BlobId id);

    /**
     * The stored size in bytes.
     *
     * @throws dev.slipway.api.NotFoundException when there is no such blob
     */
    long size(BlobId id);
}
