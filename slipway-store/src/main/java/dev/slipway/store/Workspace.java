package dev.slipway.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;

/**
 * A private temporary folder under the home's {@code tmp/}, deleted on {@link #close()}.
 *
 * <p>While open it holds an exclusive lock on a lock file inside it; a workspace whose process died
 * (even by {@code kill -9}) loses its lock and is deleted by the next {@link SlipwayHome#open}.
 * Write scratch files here, then move finished ones into place with {@link
 * SlipwayHome#publish(Path, Path)}. Thread-safe; closing twice is harmless.
 */
public final class Workspace implements AutoCloseable {

    private final Path dir;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    Workspace(Path dir, Path lockFile, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** The folder; empty when created apart from the lock file {@code .lock}. */
    public Path path() {
        return dir;
    }

    /**
     * Deletes the folder and everything left in it, then releases the lock. A folder that cannot be
     * deleted now is left for the next sweep.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // Deleted while still locked, so that no sweeper can mistake it for a stale one.
            FileOps.deleteTree(dir);
        } catch (IOException e) {
            // Without its lock the leftover is swept by the next SlipwayHome.open.
        } finally {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // Closing the channel releases the lock in any case.
            }
            Workspaces.forget(lockFile);
        }
    }

    @Override
    public String toString() {
        return "Workspace[" + dir + "]";
    }
}
