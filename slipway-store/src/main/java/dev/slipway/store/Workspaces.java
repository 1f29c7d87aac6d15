package dev.slipway.store;

import dev.slipway.api.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates locked workspaces and sweeps those whose process is gone.
 *
 * <p>OS file locks belong to the process, and on POSIX closing <em>any</em> channel to a file drops
 * all of the process's locks on it. So this JVM never opens a lock file it already has open: every
 * lock file in use here (held by a workspace, or being probed by a sweep) is in {@link #IN_USE},
 * and the sweep skips those. Other processes are told apart by the lock itself.
 */
final class Workspaces {

    static final String LOCK_FILE = ".lock";

    private static final int ATTEMPTS = 5;
    private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();

    private Workspaces() {}

    /** A new locked workspace under {@code tmpDir}, named after {@code purpose}. */
    static Workspace create(Path tmpDir, String purpose) {
        String prefix = safeName(purpose) + "-";
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Path dir;
            try {
                dir = Files.createTempDirectory(tmpDir, prefix);
            } catch (IOException e) {
                last = e;
                continue;
            }
            Path lockFile = dir.resolve(LOCK_FILE);
            IN_USE.add(lockFile);
            FileChannel channel = null;
            try {
                channel =
                        FileChannel.open(
                                lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                // A sweep in another process may have taken the folder between its creation and
                // the lock; then the lock file is gone (or locked by the sweeper) and we retry.
                if (lock != null && Files.exists(lockFile)) {
                    return new Workspace(dir, lockFile, channel, lock);
                }
            } catch (IOException | OverlappingFileLockException e) {
                last = e instanceof IOException io ? io : new IOException(e);
            }
            closeQuietly(channel);
            IN_USE.remove(lockFile);
        }
        throw new StoreException(
                "cannot create a workspace folder in %s after %d attempts: %s. Check that the folder is writable and the disk has room"
                        .formatted(tmpDir, ATTEMPTS, last),
                last);
    }

    /**
     * Deletes every folder in {@code tmpDir} whose lock is free: its process has died. Best effort:
     * what cannot be deleted now is tried again next time.
     */
    static void sweep(Path tmpDir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmpDir)) {
            for (Path dir : entries) {
                if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    Path lockFile = dir.resolve(LOCK_FILE);
                    if (IN_USE.add(lockFile)) {
                        try {
                            sweepOne(dir, lockFile);
                        } finally {
                            IN_USE.remove(lockFile);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // Stale folders only waste space; the next open tries again.
        }
    }

    static void forget(Path lockFile) {
        IN_USE.remove(lockFile);
    }

    private static void sweepOne(Path dir, Path lockFile) {
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            // Never locked (its process died while creating it) or half deleted.
            deleteQuietly(dir);
            return;
        } catch (IOException e) {
            return;
        }
        try (channel) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                // Deleted while locked, the lock file included, so a late creator sees it gone.
                deleteQuietly(dir);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // Locked or unreadable: leave it.
        }
    }

    private static String safeName(String purpose) {
        String name = purpose.replaceAll("[^A-Za-z0-9._-]", "-");
        if (name.length() > 40) {
            name = name.substring(0, 40);
        }
        return name.isEmpty() || name.startsWith(".") ? "work" + name : name;
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileOps.deleteTree(dir);
        } catch (IOException e) {
            // Tried again by the next sweep.
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing was written through it.
            }
        }
    }
}
