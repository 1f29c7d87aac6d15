package dev.slipway.monitor.alert;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * POSTs notifications to webhooks in the background, retrying with exponential back-off, and
 * reports each one's final {@link Delivery} to a listener.
 *
 * <p>Requests are asynchronous and the waits between attempts are scheduled, never slept, on one
 * daemon thread of its own: {@link #send} returns at once, and a receiver that never answers holds
 * up nothing but its own delivery (until its per-attempt timeout). Thread-safe.
 */
final class WebhookSender implements AutoCloseable {

    private static final String USER_AGENT = "Slipway-Alerts";

    /** One notification on its way to one webhook. */
    private final class Job {
        final AlertEvent event;
        final Webhook webhook;
        final byte[] body;
        final AtomicBoolean done = new AtomicBoolean();
        volatile int attempts;

        Job(AlertEvent event, Webhook webhook) {
            this.event = event;
            this.webhook = webhook;
            this.body = WebhookBody.of(event);
        }
    }

    private final Clock clock;
    private final BiConsumer<AlertEvent, Delivery> listener;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Object lock = new Object();
    private final Set<Job> inFlight = new HashSet<>();
    private boolean closed;

    /**
     * @param connectTimeout the longest wait for a connection
     * @param listener told each notification's final delivery, on the sender's thread
     */
    WebhookSender(Clock clock, Duration connectTimeout, BiConsumer<AlertEvent, Delivery> listener) {
        this.clock = clock;
        this.listener = listener;
        this.client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(connectTimeout)
                        .build();
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "slipway-alert-webhook");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * Starts delivering {@code event} to {@code webhook} and returns at once; when closed, records
     * the delivery as failed instead.
     */
    void send(AlertEvent event, Webhook webhook) {
        Job job = new Job(event, webhook);
        synchronized (lock) {
            inFlight.add(job);
            if (!closed) {
                scheduler.execute(() -> attempt(job, 1));
                return;
            }
        }
        finish(
                job,
                Delivery.Status.FAILED,
                0,
                "not sent to %s: the alert notifier was closed".formatted(webhook.describe()));
    }

    /** Waits until every delivery started so far has finished; false when time ran out. */
    boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!inFlight.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /**
     * Refuses new deliveries, waits up to {@code grace} for those under way, and records the rest
     * as failed.
     */
    void close(Duration grace) {
        synchronized (lock) {
            closed = true;
        }
        boolean interrupted = false;
        try {
            await(grace);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        List<Job> left;
        synchronized (lock) {
            left = List.copyOf(inFlight);
        }
        for (Job job : left) {
            finish(
                    job,
                    Delivery.Status.FAILED,
                    job.attempts,
                    "not delivered to %s: the alert notifier closed while the delivery was still under way"
                            .formatted(job.webhook.describe()));
        }
        scheduler.shutdownNow();
        client.shutdownNow();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }

    private void attempt(Job job, int attempt) {
        if (job.done.get()) {
            return;
        }
        job.attempts = attempt;
        HttpRequest.Builder request =
                HttpRequest.newBuilder(job.webhook.url())
                        .timeout(job.webhook.timeout())
                        .header("Content-Type", "application/json")
                        .header("User-Agent", USER_AGENT)
                        .header("X-Slipway-Attempt", Integer.toString(attempt))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(job.body));
        job.webhook.headers().forEach(request::setHeader);
        try {
            client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete(
                            (response, error) ->
                                    onScheduler(
                                            () ->
                                                    answered(
                                                            job,
                                                            attempt,
                                                            Optional.ofNullable(response),
                                                            Optional.ofNullable(error))));
        } catch (RuntimeException e) {
            answered(job, attempt, Optional.empty(), Optional.of(e));
        }
    }

    private void answered(
            Job job,
            int attempt,
            Optional<HttpResponse<Void>> response,
            Optional<Throwable> error) {
        String where = job.webhook.describe();
        int status = response.map(HttpResponse::statusCode).orElse(0);
        if (status >= 200 && status < 300) {
            finish(
                    job,
                    Delivery.Status.DELIVERED,
                    attempt,
                    "HTTP %d from %s on attempt %d".formatted(status, where, attempt));
            return;
        }
        boolean retryable = response.isEmpty() || status == 408 || status == 429 || status >= 500;
        String what =
                response.isPresent()
                        ? "HTTP " + status
                        : describe(error.orElseThrow(), job.webhook.timeout());
        if (retryable && attempt < job.webhook.attempts()) {
            Duration delay = job.webhook.delayBefore(attempt + 1);
            LogNotifier.LOG.log(
                    Level.DEBUG,
                    () ->
                            "alert webhook %s: attempt %d got %s; retrying in %d ms"
                                    .formatted(where, attempt, what, delay.toMillis()));
            onScheduler(delay, () -> attempt(job, attempt + 1));
            return;
        }
        String detail =
                retryable
                        ? "%s from %s on the last of %d attempts".formatted(what, where, attempt)
                        : "%s from %s on attempt %d, which is not retried: check the webhook's URL and headers"
                                .formatted(what, where, attempt);
        finish(job, Delivery.Status.FAILED, attempt, detail);
    }

    private static String describe(Throwable error, Duration timeout) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return switch (e) {
            case HttpTimeoutException t -> "no answer within " + timeout.toMillis() + " ms";
            case ConnectException c ->
                    "no connection (" + Optional.ofNullable(c.getMessage()).orElse("refused") + ")";
            case IOException io ->
                    "a network error ("
                            + io.getClass().getSimpleName()
                            + ": "
                            + io.getMessage()
                            + ")";
            default -> "an error (" + e + ")";
        };
    }

    private void onScheduler(Runnable task) {
        onScheduler(Duration.ZERO, task);
    }

    private void onScheduler(Duration delay, Runnable task) {
        try {
            scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closing: close() records the job as not delivered.
        }
    }

    private void finish(Job job, Delivery.Status status, int attempts, String detail) {
        if (!job.done.compareAndSet(false, true)) {
            return;
        }
        Delivery delivery =
                new Delivery(
                        status,
                        attempts,
                        detail,
                        Optional.of(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        try {
            listener.accept(job.event, delivery);
        } finally {
            synchronized (lock) {
                inFlight.remove(job);
                lock.notifyAll();
            }
        }
    }
}
