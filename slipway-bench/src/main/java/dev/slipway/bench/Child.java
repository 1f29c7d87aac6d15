package dev.slipway.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process of the serving benchmark pinned to one core with {@code taskset}: its stdout lines are
 * handed over as they come (and copied to a log with its stderr), and its CPU time and memory are
 * read from {@code /proc}.
 */
final class Child implements AutoCloseable {

    /** Clock ticks per second of {@code /proc/PID/stat} times (USER_HZ, 100 on Linux). */
    static final long TICKS_PER_SECOND = 100;

    private final String name;
    private final Process process;
    private final long startNanos;
    private final java.util.concurrent.BlockingQueue<Line> lines =
            new java.util.concurrent.LinkedBlockingQueue<>();

    /** One line the child printed, with when it arrived. */
    record Line(String text, long nanos) {}

    /** Processes still running, stopped if the benchmark itself is stopped. */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> LIVE.forEach(Process::destroyForcibly), "bench-children"));
    }

    private Child(String name, Process process, long startNanos) {
        this.name = name;
        this.process = process;
        this.startNanos = startNanos;
    }

    /** The command line of a JVM running {@code mainClass} on this JVM's class path. */
    static List<String> java(String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> c = new ArrayList<>();
        c.add(ProcessHandle.current().info().command().orElse("java"));
        c.addAll(jvmOptions);
        c.add("--enable-native-access=ALL-UNNAMED");
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(mainClass);
        c.addAll(args);
        return c;
    }

    /** Starts {@code command} on core {@code cpu}; its output goes to {@code log} too. */
    static Child start(String name, int cpu, List<String> command, Path log) throws IOException {
        List<String> pinned = new ArrayList<>(List.of("taskset", "-c", Integer.toString(cpu)));
        pinned.addAll(command);
        Files.createDirectories(log.getParent());
        ProcessBuilder pb =
                new ProcessBuilder(pinned)
                        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long t0 = System.nanoTime();
        Process p = pb.start();
        LIVE.add(p);
        Child child = new Child(name, p, t0);
        Thread.ofPlatform().daemon().name("bench-" + name + "-out").start(() -> child.pump(log));
        return child;
    }

    private void pump(Path log) {
        try (BufferedReader r =
                        new BufferedReader(
                                new InputStreamReader(
                                        process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter w =
                        new PrintWriter(
                                Files.newBufferedWriter(
                                        log,
                                        StandardCharsets.UTF_8,
                                        StandardOpenOption.CREATE,
                                        StandardOpenOption.APPEND),
                                true)) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(new Line(line, System.nanoTime()));
                w.println(line);
            }
        } catch (IOException e) {
            // the process ended; waitFor reports how
        }
    }

    /** When the process was started ({@link System#nanoTime()}). */
    long startNanos() {
        return startNanos;
    }

    long pid() {
        return process.pid();
    }

    /** The next line the child prints that starts with {@code prefix}; fails if it exits first. */
    Line await(String prefix, long timeoutSeconds) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < until) {
            Line l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l != null && l.text().startsWith(prefix)) {
                return l;
            }
            if (l == null && !process.isAlive() && lines.isEmpty()) {
                throw new IllegalStateException(
                        "%s exited with status %d before printing '%s'; see its log"
                                .formatted(name, process.exitValue(), prefix));
            }
        }
        throw new TimeoutException(
                "%s printed no line starting with '%s' within %d s"
                        .formatted(name, prefix, timeoutSeconds));
    }

    /** Waits for the child to exit by itself and returns its status. */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** User plus system CPU time of the process so far, in clock ticks. */
    long cpuTicks() {
        return cpuTicks(pid());
    }

    /** User plus system CPU time of process {@code pid} so far, in clock ticks. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name (which may hold spaces) start at state, field 3.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
    }

    /** A {@code /proc/PID/status} memory figure ({@code VmRSS}, {@code VmHWM}) in KiB. */
    long memoryKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new IllegalStateException("no " + field + " in /proc/" + pid() + "/status");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory of " + name, e);
        }
    }

    /** Asks the process to stop (SIGTERM), and kills it if it has not within 30 s. */
    @Override
    public void close() {
        process.destroy();
        CompletableFuture<Process> exit = process.onExit();
        try {
            exit.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
        LIVE.remove(process);
    }
}
