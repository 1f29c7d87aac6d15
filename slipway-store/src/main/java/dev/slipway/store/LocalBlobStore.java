package dev.slipway.store;

import dev.slipway.api.CorruptDataException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.StoreException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A {@link BlobStore} in a folder: blob {@code sha256:abcd...} is the file {@code ab/cd...}.
 *
 * <p>Content is first written to a temporary file in {@code incoming} (same file system), hashed on
 * the way, flushed to disk, then renamed into place atomically; readers never see a partial blob,
 * and concurrent puts of the same content (in any process) each rename an identical file.
 */
final class LocalBlobStore implements BlobStore {

    private final Path dir;
    private final Path incoming;

    LocalBlobStore(Path dir, Path incoming) {
        this.dir = dir;
        this.incoming = incoming;
    }

    @Override
    public BlobId put(byte[] content) {
        return put(new ByteArrayInputStream(content));
    }

    @Override
    public BlobId putFile(Path file) {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw InvalidInputException.of(
                    file.toString(),
                    "cannot read %s to store it: %s. Check that the file exists and is readable"
                            .formatted(file, e),
                    e);
        }
        try (in) {
            return put(in);
        } catch (IOException e) {
            throw new StoreException("cannot close %s after storing it: %s".formatted(file, e), e);
        }
    }

    @Override
    public BlobId put(InputStream content) {
        Path temp = null;
        try {
            temp = Files.createTempFile(incoming, "blob-", ".part");
            MessageDigest digest = sha256();
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out =
                            new DigestOutputStream(Channels.newOutputStream(channel), digest)) {
                content.transferTo(out);
                out.flush();
                channel.force(true);
            }
            BlobId id = new BlobId(HexFormat.of().formatHex(digest.digest()));
            Path target = path(id);
            // A stored blob of the right size is this content; one of another size is damaged
            // and gets replaced.
            if (!Files.isRegularFile(target) || Files.size(target) != Files.size(temp)) {
                Files.createDirectories(target.getParent());
                FileOps.moveAtomically(temp, target);
                FileOps.fsyncDirectory(target.getParent());
            }
            return id;
        } catch (IOException e) {
            throw new StoreException(
                    "cannot store a blob in %s: %s. Check that the disk has room and the folder is writable"
                            .formatted(dir, e),
                    e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public byte[] read(BlobId id) {
        Path file = path(id);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw notFound(id);
        } catch (IOException e) {
            throw readFailed(id, file, e);
        }
        verify(id, file, sha256().digest(content));
        return content;
    }

    @Override
    public InputStream open(BlobId id) {
        Path file = path(id);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw notFound(id);
        } catch (IOException e) {
            throw readFailed(id, file, e);
        }
        try {
            MessageDigest digest = sha256();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            while (channel.read(buffer) >= 0) {
                digest.update(buffer.flip());
                buffer.clear();
            }
            verify(id, file, digest.digest());
            channel.position(0);
            // The same open file is streamed, so a file renamed over it meanwhile is not seen.
            return Channels.newInputStream(channel);
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io) {
                throw readFailed(id, file, io);
            }
            throw (RuntimeException) e;
        }
    }

    @Override
    public boolean exists(BlobId id) {
        return Files.isRegularFile(path(id));
    }

    @Override
    public long size(BlobId id) {
        Path file = path(id);
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw notFound(id);
        } catch (IOException e) {
            throw readFailed(id, file, e);
        }
    }

    Path path(BlobId id) {
        return dir.resolve(id.hex().substring(0, 2)).resolve(id.hex().substring(2));
    }

    private static void verify(BlobId id, Path file, byte[] actual) {
        String actualHex = HexFormat.of().formatHex(actual);
        if (!actualHex.equals(id.hex())) {
            throw new CorruptDataException(
                    id.toString(),
                    ("blob %s at %s is corrupt: its content does not match its id (the file hashes"
                                    + " to %s%s). Delete the file and store the content again, or"
                                    + " restore the home folder from a backup")
                            .formatted(id, file, BlobId.PREFIX, actualHex));
        }
    }

    private NotFoundException notFound(BlobId id) {
        return new NotFoundException(
                "blob",
                id.toString(),
                ("blob %s is not in the blob store at %s: check the id, and that this is the home"
                                + " folder (--home or SLIPWAY_HOME) it was stored in")
                        .formatted(id, dir));
    }

    private static StoreException readFailed(BlobId id, Path file, IOException e) {
        return new StoreException(
                "cannot read blob %s at %s: %s. Check the file's permissions and the disk"
                        .formatted(id, file, e),
                e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // A leftover temp file is swept with its workspace.
            }
        }
    }
}
