package dev.slipway.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A second Java process running a main class from the test class path, for tests that need another
 * process (file locks, crashes). Killed forcibly on close. Not thread-safe.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader stdout;
    private final Path stderr;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stdout =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stderr = stderr;
    }

    /**
     * Starts {@code mainClass} with {@code args} in a new JVM, with this JVM's class path.
     *
     * @param stderr a file to receive the child's standard error
     */
    public static ChildJvm start(Class<?> mainClass, Path stderr, String... args) {
        String java =
                ProcessHandle.current()
                        .info()
                        .command()
                        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        try {
            Process p =
                    new ProcessBuilder(command)
                            .redirectError(stderr.toFile())
                            .redirectInput(ProcessBuilder.Redirect.PIPE)
                            .start();
            return new ChildJvm(p, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** The next line the child printed; fails with the child's stderr when none comes in time. */
    public String readLine(Duration timeout) {
        CompletableFuture<String> line =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return stdout.readLine();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
        try {
            String result = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (result == null) {
                throw new AssertionError("the child exited without printing a line" + stderrText());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the child", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("no line from the child within " + timeout + stderrText(), e);
        }
    }

    /** Waits for the child to exit; returns its exit code. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the child still runs after " + timeout + stderrText());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the child", e);
        }
    }

    /** Asks the child to stop, like {@code kill} (SIGTERM): its shutdown hooks run. */
    public void terminate() {
        process.destroy();
    }

    /** Kills the child at once, like {@code kill -9}, and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private String stderrText() {
        try {
            return "; its stderr:\n" + Files.readString(stderr);
        } catch (IOException e) {
            return "; its stderr could not be read: " + e;
        }
    }
}
