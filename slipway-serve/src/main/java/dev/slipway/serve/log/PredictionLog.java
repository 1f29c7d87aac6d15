package dev.slipway.serve.log;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.StoreException;
import dev.slipway.api.model.ModelRef;
import dev.slipway.api.model.Signature;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The prediction log: a record of every answered request, one row per predicted row, kept as
 * Parquet files that DuckDB (and any Parquet reader) can query.
 *
 * <p>{@link #offer} puts an entry in a bounded buffer and returns at once; one background thread
 * moves buffered entries within 50 ms (at once when half the buffer is taken) into staging tables
 * of an in-memory DuckDB, off the Java heap, and writes those every {@link
 * PredictionLogOptions#flushInterval()}, or as soon as they hold as many rows as the buffer, one
 * file per model, date and signature: {@code
 * <dir>/<model>/date=YYYY-MM-DD/part-<yyyyMMdd'T'HHmmss>-<pid>-<seq>.parquet} (UTC). Files appear
 * whole: each is written under a hidden name and renamed into place. When the buffer is full, or
 * writing fails, entries are dropped, counted and logged (as {@code slipway.serve.log}); every
 * offered row ends up written, dropped or pending.
 *
 * <p>The columns of a file are {@code request_id VARCHAR}, {@code row_index INTEGER} (the row's
 * position in its request), {@code ts TIMESTAMP WITH TIME ZONE} (the entry's time, an instant),
 * {@code model VARCHAR}, {@code model_version INTEGER}, {@code protocol VARCHAR}, {@code latency_us
 * BIGINT}, then each input under its name (prefixed {@code input_} when an output or a metadata
 * column has that name), then each output. Types map BOOL to BOOLEAN, INT64 to BIGINT, FP32 to
 * FLOAT, FP64 to DOUBLE and STRING to VARCHAR; a column wider than 1 is a LIST of its type, except
 * an output whose positions have labels, which becomes one column per position named {@code
 * <output>_<label>}. Missing rows and NaN are NULL. Files of one model may differ in columns (after
 * a version changes the signature): read them with {@link #scanSql}.
 *
 * <p>Thread-safe. Close it to write what is buffered: the writer thread is a daemon.
 */
public final class PredictionLog implements AutoCloseable {

    static final System.Logger LOGGER = System.getLogger("slipway.serve.log");

    /** Set in {@link #state} once closed; the low bits count the rows reserved in the buffer. */
    private static final long CLOSED = 1L << 62;

    /**
     * When the writer moves entries from the buffer into staging tables (off the Java heap), and
     * when it writes the staging tables out before the interval.
     *
     * @param stageNanos the longest an entry waits on the heap
     * @param stageRows the writer stages at once when this many rows wait on the heap
     * @param commitRows the writer writes files at once when this many rows are staged
     */
    record Pacing(long stageNanos, long stageRows, long commitRows) {

        /**
         * Entries leave the heap within 50 ms (at once past a quarter of the buffer), so that they
         * die young and garbage collection stays short under heavy traffic; files are written early
         * once half the buffer is staged, so that it keeps room.
         */
        static Pacing of(PredictionLogOptions options) {
            int c = options.capacityRows();
            return new Pacing(
                    TimeUnit.MILLISECONDS.toNanos(50), Math.max(1, c / 4), Math.max(1, c / 2));
        }

        /** Nothing early: entries stay buffered until the interval, a flush or the close. */
        static final Pacing NONE = new Pacing(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    private static final long DROP_REPORT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Path dir;
    private final int capacity;
    private final long intervalNanos;
    private final PartWriter parts;
    private final AtomicLong state = new AtomicLong();
    private final ConcurrentLinkedQueue<LoggedPrediction> queue = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> flushes =
            new ConcurrentLinkedQueue<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Pacing pacing;

    /** Rows in the writer's staging tables (part of {@link #state}'s count); set by the writer. */
    private volatile long stagedRows;

    private final Thread writer;
    private volatile boolean dropSignalled;
    private volatile boolean stopped;

    private PredictionLog(Path dir, PredictionLogOptions options, Pacing pacing, PartWriter parts) {
        this.dir = dir;
        this.capacity = options.capacityRows();
        this.pacing = pacing;
        this.intervalNanos = saturatedNanos(options);
        this.parts = parts;
        this.writer =
                Thread.ofPlatform()
                        .name("slipway-prediction-log")
                        .daemon(true)
                        .unstarted(this::run);
    }

    /**
     * Opens the log in {@code dir} (created if missing) and starts its writer.
     *
     * @param clock gives the time stamps in file names; rows carry the time of their entry
     * @throws StoreException when the folder cannot be created or DuckDB cannot start
     */
    public static PredictionLog open(Path dir, PredictionLogOptions options, Clock clock) {
        Objects.requireNonNull(options, "options");
        return open(dir, options, clock, Pacing.of(options));
    }

    static PredictionLog open(Path dir, PredictionLogOptions options, Clock clock, Pacing pacing) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        Path root = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StoreException(
                    "cannot create the prediction log folder %s: %s; choose a writable folder"
                            .formatted(root, e.getMessage()),
                    e);
        }
        PredictionLog log = new PredictionLog(root, options, pacing, PartWriter.open(root, clock));
        log.writer.start();
        return log;
    }

    /**
     * Buffers {@code p} for writing, without blocking and without I/O. Returns false, and counts
     * its rows as dropped, when the buffer has no room for them or the log is closed; drops are
     * reported in the system log at most every 10 seconds.
     */
    public boolean offer(LoggedPrediction p) {
        Objects.requireNonNull(p, "p");
        int rows = p.rows();
        if (rows == 0) {
            return (state.get() & CLOSED) == 0;
        }
        long s;
        do {
            s = state.get();
            if ((s & CLOSED) != 0 || (s & ~CLOSED) + rows > capacity) {
                refused.addAndGet(rows);
                if (!dropSignalled) {
                    dropSignalled = true;
                    LockSupport.unpark(writer);
                }
                return false;
            }
        } while (!state.compareAndSet(s, s + rows));
        queue.add(p);
        long before = (s & ~CLOSED) - stagedRows;
        if (before <= 0 || (before < pacing.stageRows() && before + rows >= pacing.stageRows())) {
            // The writer arms its timer on the first entry, and stages at once past the mark.
            LockSupport.unpark(writer);
        }
        return true;
    }

    /**
     * The rows dropped so far: refused because the buffer was full or closed, or failed to write.
     */
    public long droppedRows() {
        return refused.get() + failed.get();
    }

    /** The rows written to Parquet files so far. */
    public long writtenRows() {
        return written.get();
    }

    /** The rows buffered or staged, and not yet written. */
    public long pendingRows() {
        return state.get() & ~CLOSED;
    }

    /**
     * Writes every entry offered before this call, and returns once they are in their files (or
     * counted as dropped when writing failed). Returns at once when the log is closed.
     */
    public void flush() {
        if (stopped) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        flushes.add(done);
        if (stopped) {
            done.complete(null);
        }
        LockSupport.unpark(writer);
        done.join();
    }

    /** Writes what is buffered and stops the writer; later offers return false. Idempotent. */
    @Override
    public void close() {
        markClosed();
        LockSupport.unpark(writer);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A DuckDB table expression reading the log of {@code model} under {@code dir}, with the
     * partition column {@code date} (DATE) and the columns of every version: {@code
     * read_parquet('<dir>/<model>/**}{@code /*.parquet', hive_partitioning = true, union_by_name =
     * true)}. DuckDB fails on it while the model has no file yet.
     */
    public static String scanSql(Path dir, String model) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(model, "model");
        if (!ModelRef.NAME.matcher(model).matches()) {
            throw InvalidInputException.of(
                    "model",
                    "'%s' is not a model name, so it has no prediction log".formatted(model));
        }
        String glob = dir.toAbsolutePath().normalize().resolve(model) + "/**/*.parquet";
        return "read_parquet(%s, hive_partitioning = true, union_by_name = true)"
                .formatted(PartWriter.literal(glob));
    }

    private void markClosed() {
        long s;
        do {
            s = state.get();
        } while ((s & CLOSED) == 0 && !state.compareAndSet(s, s | CLOSED));
    }

    private void run() {
        long dropsReported = 0;
        long nextDropReport = System.nanoTime();
        try {
            long nextCommit = System.nanoTime() + intervalNanos;
            while (true) {
                boolean closing;
                boolean commit;
                long stageDue = 0;
                boolean stageArmed = false;
                while (true) {
                    long now = System.nanoTime();
                    long drops = refused.get();
                    if (drops > dropsReported && now - nextDropReport >= 0) {
                        reportDrops(drops - dropsReported, drops);
                        dropsReported = drops;
                        nextDropReport = now + DROP_REPORT_NANOS;
                        dropSignalled = false;
                    }
                    closing = (state.get() & CLOSED) != 0;
                    commit = closing || !flushes.isEmpty() || now - nextCommit >= 0;
                    long buffered = (state.get() & ~CLOSED) - stagedRows;
                    if (buffered > 0 && !stageArmed) {
                        stageArmed = true;
                        stageDue = saturatedAdd(now, pacing.stageNanos());
                    }
                    if (commit
                            || buffered >= pacing.stageRows()
                            || (stageArmed && buffered > 0 && now - stageDue >= 0)) {
                        break;
                    }
                    long wait = nextCommit - now;
                    if (stageArmed) {
                        wait = Math.min(wait, stageDue - now);
                    }
                    if (refused.get() > dropsReported) {
                        wait = Math.min(wait, nextDropReport - now);
                    }
                    LockSupport.parkNanos(this, wait);
                }
                List<CompletableFuture<Void>> served = new ArrayList<>();
                for (CompletableFuture<Void> f; (f = flushes.poll()) != null; ) {
                    served.add(f);
                }
                if (closing) {
                    drainAll();
                } else {
                    stageAll(pollAll());
                }
                if (commit || stagedRows >= pacing.commitRows()) {
                    PartWriter.Committed done = parts.commit();
                    written.addAndGet(done.written());
                    failed.addAndGet(done.failed());
                    stagedRows = 0;
                    state.addAndGet(-(done.written() + done.failed()));
                    nextCommit = System.nanoTime() + intervalNanos;
                }
                served.forEach(f -> f.complete(null));
                if (closing) {
                    long drops = refused.get();
                    if (drops > dropsReported) {
                        reportDrops(drops - dropsReported, drops);
                    }
                    return;
                }
            }
        } finally {
            markClosed();
            stopped = true;
            for (CompletableFuture<Void> f; (f = flushes.poll()) != null; ) {
                f.complete(null);
            }
            parts.close();
        }
    }

    /** Stages until no row is reserved: offers that got room before the close are in flight. */
    private void drainAll() {
        while ((state.get() & ~CLOSED) - stagedRows > 0) {
            List<LoggedPrediction> batch = pollAll();
            if (batch.isEmpty()) {
                Thread.onSpinWait();
            } else {
                stageAll(batch);
            }
        }
    }

    private List<LoggedPrediction> pollAll() {
        List<LoggedPrediction> batch = new ArrayList<>();
        for (LoggedPrediction p; (p = queue.poll()) != null; ) {
            batch.add(p);
        }
        return batch;
    }

    private record Group(String model, LocalDate date, Signature signature) {}

    /**
     * Moves entries from the buffer into the writer's staging tables, one per model, date and
     * signature; a failure costs only its own rows (and those staged before for the same file).
     */
    private void stageAll(List<LoggedPrediction> batch) {
        Map<Group, List<LoggedPrediction>> groups = new LinkedHashMap<>();
        for (LoggedPrediction p : batch) {
            Group g =
                    new Group(
                            p.model(),
                            LocalDate.ofInstant(p.time(), ZoneOffset.UTC),
                            p.signature());
            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<Group, List<LoggedPrediction>> e : groups.entrySet()) {
            Group g = e.getKey();
            List<LoggedPrediction> entries = e.getValue();
            // Staged rows still count in the state until written; lost ones leave it now.
            long lost = parts.stage(g.model(), g.date(), g.signature(), entries);
            lost += parts.takeLostOnReset();
            failed.addAndGet(lost);
            stagedRows = parts.stagedRows();
            state.addAndGet(-lost);
        }
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private void reportDrops(long recent, long total) {
        LOGGER.log(
                Level.WARNING,
                "the prediction log dropped %d rows (%d in all) because its buffer of %d rows was full or it was closed; raise capacityRows or lower flushInterval"
                        .formatted(recent, total, capacity));
    }

    private static long saturatedNanos(PredictionLogOptions options) {
        try {
            return options.flushInterval().toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }
}
