package dev.slipway.serve.core;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.NotFoundException;
import dev.slipway.api.UnavailableException;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.ModelRef;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One served model: the version answering now, its bounded queue, and the workers that take batches
 * from it. A swap replaces {@link #current} atomically; every model call reads it once, so a batch
 * is answered by one version only.
 */
final class ModelSlot {

    final String name;
    volatile ModelRef ref;
    final AtomicReference<Deployment> current = new AtomicReference<>();
    volatile ServedModel.State state = ServedModel.State.LOADING;
    volatile String lastError = "";

    /** A version that failed to load, not retried until the alias moves again. */
    volatile int failedVersion = -1;

    private final CoreOptions options;
    private final CoreListener listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile int queuedRows;
    private boolean closing;
    private final List<Thread> workers = new ArrayList<>();

    ModelSlot(String name, ModelRef ref, CoreOptions options, CoreListener listener) {
        this.name = name;
        this.ref = ref;
        this.options = options;
        this.listener = listener;
        for (int i = 0; i < options.workers(); i++) {
            Thread t =
                    Thread.ofPlatform()
                            .name("slipway-infer-" + name + "-" + i)
                            .daemon()
                            .unstarted(this::work);
            workers.add(t);
            t.start();
        }
    }

    int queuedRows() {
        return queuedRows;
    }

    CompletableFuture<Inference> submit(Frame input, OptionalInt version) {
        Deployment d = current.get();
        if (d == null) {
            return CompletableFuture.failedFuture(notReady());
        }
        checkVersion(d, version);
        Frame conformed = Conform.apply(name + "/" + d.version, d.signature, input);
        long now = System.nanoTime();
        if (conformed.rows() <= options.inlineMaxRows() && queuedRows == 0) {
            // Nothing waits: answer on the caller's thread unless every worker is busy.
            try {
                if (busy.incrementAndGet() <= options.workers()) {
                    Pending p = new Pending(conformed, version, new CompletableFuture<>(), now, 0);
                    run(List.of(p));
                    return p.result();
                }
            } finally {
                busy.decrementAndGet();
            }
        }
        return enqueue(conformed, version, now);
    }

    private CompletableFuture<Inference> enqueue(Frame input, OptionalInt version, long now) {
        Pending p =
                new Pending(
                        input,
                        version,
                        new CompletableFuture<>(),
                        now,
                        now + options.timeout().toNanos());
        lock.lock();
        try {
            if (closing) {
                return CompletableFuture.failedFuture(
                        new UnavailableException(
                                "model %s is shutting down; send the request to another replica"
                                        .formatted(name),
                                Duration.ofSeconds(1)));
            }
            if (queuedRows > 0 && queuedRows + input.rows() > options.queueCapacityRows()) {
                return CompletableFuture.failedFuture(
                        new UnavailableException(
                                "model %s is overloaded: %d rows are queued (the limit is %d); retry shortly or raise --queue-rows"
                                        .formatted(name, queuedRows, options.queueCapacityRows()),
                                Duration.ofSeconds(1)));
            }
            queue.addLast(p);
            queuedRows += input.rows();
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        return p.result();
    }

    private void work() {
        while (true) {
            List<Pending> batch;
            try {
                batch = take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch.isEmpty()) {
                return;
            }
            busy.incrementAndGet();
            try {
                run(batch);
            } finally {
                busy.decrementAndGet();
            }
        }
    }

    /** The next batch; empty once the slot is closing and the queue is drained. */
    private List<Pending> take() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closing) {
                    return List.of();
                }
                notEmpty.await();
            }
            List<Pending> batch = new ArrayList<>();
            int rows = 0;
            long delay = options.maxDelay().toNanos();
            long until = System.nanoTime() + delay;
            while (true) {
                while (!queue.isEmpty()
                        && (batch.isEmpty()
                                || rows + queue.peekFirst().input().rows()
                                        <= options.maxBatchRows())) {
                    Pending p = queue.pollFirst();
                    batch.add(p);
                    rows += p.input().rows();
                    queuedRows -= p.input().rows();
                }
                long left = until - System.nanoTime();
                if (delay == 0
                        || left <= 0
                        || rows >= options.maxBatchRows()
                        || closing
                        || !queue.isEmpty()) {
                    return batch;
                }
                notEmpty.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Answers a batch with one version; a bad request in it fails alone. */
    private void run(List<Pending> batch) {
        long start = System.nanoTime();
        List<Pending> live = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            if (p.deadlineNanos() != 0 && start > p.deadlineNanos()) {
                p.result()
                        .completeExceptionally(
                                new UnavailableException(
                                        "request to model %s waited more than %d ms in the queue; the server is overloaded, retry shortly"
                                                .formatted(name, options.timeout().toMillis()),
                                        Duration.ofSeconds(1)));
            } else {
                live.add(p);
            }
        }
        if (live.isEmpty()) {
            return;
        }
        Deployment d = acquire();
        if (d == null) {
            live.forEach(p -> p.result().completeExceptionally(notReady()));
            return;
        }
        try {
            List<Pending> mine = new ArrayList<>(live.size());
            for (Pending p : live) {
                try {
                    checkVersion(d, p.version());
                    mine.add(p);
                } catch (NotFoundException e) {
                    p.result().completeExceptionally(e);
                }
            }
            if (!mine.isEmpty()) {
                predict(d, mine, start);
            }
        } finally {
            d.release();
        }
    }

    private void predict(Deployment d, List<Pending> batch, long start) {
        List<Frame> inputs = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            inputs.add(p.input());
        }
        Frame out;
        int rows;
        long t0 = System.nanoTime();
        try {
            Frame in = Frames.concat(inputs);
            rows = in.rows();
            out = d.predictor.predict(in);
        } catch (InvalidInputException e) {
            if (batch.size() == 1) {
                batch.getFirst().result().completeExceptionally(e);
                return;
            }
            // One request spoiled the batch: answer each on its own.
            for (Pending p : batch) {
                predict(d, List.of(p), start);
            }
            return;
        } catch (RuntimeException e) {
            batch.forEach(p -> p.result().completeExceptionally(e));
            return;
        }
        long inferNanos = System.nanoTime() - t0;
        listener.batch(name, d.version, batch.size(), rows, inferNanos);
        int offset = 0;
        for (Pending p : batch) {
            int n = p.input().rows();
            Frame slice = Frames.slice(out, offset, offset + n);
            offset += n;
            p.result()
                    .complete(
                            new Inference(
                                    name,
                                    d.version,
                                    d.predictor.signature(),
                                    p.input(),
                                    slice,
                                    rows,
                                    start - p.enqueuedNanos(),
                                    inferNanos));
        }
    }

    private Deployment acquire() {
        while (true) {
            Deployment d = current.get();
            if (d == null || d.acquire()) {
                return d;
            }
        }
    }

    /** Puts a loaded version in service and retires the one it replaces. */
    void swap(Deployment next) {
        Deployment old = current.getAndSet(next);
        state = ServedModel.State.READY;
        if (old != null) {
            old.release();
        }
    }

    private void checkVersion(Deployment d, OptionalInt version) {
        if (version.isPresent() && version.getAsInt() != d.version) {
            throw new NotFoundException(
                    "model version",
                    name + "/" + version.getAsInt(),
                    "version %d of model %s is not served; version %d is (send no version, or %d)"
                            .formatted(version.getAsInt(), name, d.version, d.version));
        }
    }

    private UnavailableException notReady() {
        return new UnavailableException(
                switch (state) {
                    case LOADING -> "model %s is still loading; retry shortly".formatted(name);
                    case FAILED -> "model %s could not be loaded: %s".formatted(name, lastError);
                    case READY -> "model %s is not loaded".formatted(name);
                },
                Duration.ofSeconds(state == ServedModel.State.FAILED ? 30 : 1));
    }

    ServedModel describe() {
        Deployment d = current.get();
        return new ServedModel(
                name,
                ref.toString(),
                state,
                d == null ? OptionalInt.empty() : OptionalInt.of(d.version),
                d == null ? "" : d.format,
                d == null ? java.util.Optional.empty() : java.util.Optional.of(d.signature),
                d == null ? java.util.Optional.empty() : java.util.Optional.of(d.loadedAt),
                d == null ? 0 : d.loadMillis,
                lastError.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(lastError),
                queuedRows);
    }

    /** Stops taking requests, lets the workers answer what is queued, then retires the model. */
    void close(Duration grace) {
        lock.lock();
        try {
            closing = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
        long until = System.nanoTime() + grace.toNanos();
        for (Thread t : workers) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Deployment d = current.getAndSet(null);
        if (d != null) {
            d.release();
        }
    }
}
