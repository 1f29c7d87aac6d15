package dev.slipway.serve.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One line per answered HTTP request (time, request id, client, method, path, status, duration),
 * written by a background thread so that a slow disk never delays a response. When the buffer is
 * full, lines are dropped and counted.
 */
final class AccessLog implements AutoCloseable {

    private static final String STOP = "\u0000stop";

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(65_536);
    private final AtomicLong dropped = new AtomicLong();
    private final PrintStream out;
    private final Thread writer;

    private AccessLog(PrintStream out) {
        this.out = out;
        this.writer = Thread.ofPlatform().name("slipway-access-log").daemon().start(this::write);
    }

    /** An access log appending to {@code file}. */
    static AccessLog toFile(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            OutputStream os =
                    Files.newOutputStream(
                            file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new AccessLog(new PrintStream(os, false, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open the access log " + file, e);
        }
    }

    void log(
            Instant time,
            String requestId,
            String client,
            String method,
            String path,
            int status,
            long nanos) {
        String line =
                time
                        + " "
                        + requestId
                        + " "
                        + client
                        + " "
                        + method
                        + " "
                        + path
                        + " "
                        + status
                        + " "
                        + (nanos / 1000)
                        + "us";
        if (!lines.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    private void write() {
        try {
            while (true) {
                String line = lines.take();
                if (line == STOP) {
                    break;
                }
                out.println(line);
                String next;
                while ((next = lines.poll()) != null) {
                    if (next == STOP) {
                        out.flush();
                        return;
                    }
                    out.println(next);
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            out.flush();
        }
    }

    @Override
    public void close() {
        try {
            lines.offer(STOP, 1, TimeUnit.SECONDS);
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.close();
    }
}
