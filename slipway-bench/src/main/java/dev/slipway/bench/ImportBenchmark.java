package dev.slipway.bench;

import dev.slipway.data.DataLimits;
import dev.slipway.data.Datasets;
import dev.slipway.data.ImportOptions;
import dev.slipway.data.ImportResult;
import dev.slipway.data.ProgressListener;
import dev.slipway.store.SlipwayHome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Import + profile throughput of {@code slipway data import}, against DuckDB's own {@code read_csv}
 * + {@code SUMMARIZE} on the same file in the same run, and the peak RSS of each.
 *
 * <p>The input is the UCI Adult training set resampled with replacement (seed 42) to the requested
 * row counts. Every measured run is a fresh child JVM, so that its peak RSS (VmHWM) is its own;
 * runs of the two sides alternate. Prints the median and spread of each side and the ratio of
 * rows/s.
 *
 * <p>Run: {@code ./mvnw -q -pl slipway-bench -am package -Dmaven.test.skip=true && java
 * --enable-native-access=ALL-UNNAMED -cp
 * "slipway-bench/target/slipway-bench-0.1.0-SNAPSHOT.jar:slipway-bench/target/lib/*"
 * dev.slipway.bench.ImportBenchmark ../shared/datasets/adult_train.csv 1000000,10000000 3}
 */
public final class ImportBenchmark {

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Path.of(args[2]), Path.of(args[3]));
            return;
        }
        Path adult = Path.of(args.length > 0 ? args[0] : "../shared/datasets/adult_train.csv");
        String[] sizes = (args.length > 1 ? args[1] : "1000000,10000000").split(",");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Path.of("slipway-bench/target/bench-data").toAbsolutePath();
        Files.createDirectories(work);
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, %s; JDK %s%n",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                Runtime.version());
        for (String s : sizes) {
            long rows = Long.parseLong(s.strip());
            Path csv = resample(adult, rows, work);
            List<double[]> slipway = new ArrayList<>();
            List<double[]> duck = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                slipway.add(runChild("slipway", csv, work.resolve("home-" + r)));
                duck.add(runChild("duckdb", csv, work));
            }
            double ms = median(slipway, 0);
            double dms = median(duck, 0);
            System.out.printf(
                    Locale.ROOT,
                    "%,d rows (%.0f MB): slipway import+profile %.2f s (%s) %.0f rows/s, peak RSS %.0f MB | duckdb read_csv+SUMMARIZE %.2f s (%s) %.0f rows/s, peak RSS %.0f MB | ratio %.2f%n",
                    rows,
                    Files.size(csv) / 1e6,
                    ms / 1000,
                    spread(slipway),
                    rows / (ms / 1000),
                    median(slipway, 1) / 1024,
                    dms / 1000,
                    spread(duck),
                    rows / (dms / 1000),
                    median(duck, 1) / 1024,
                    dms / ms);
        }
    }

    private static double[] runChild(String side, Path csv, Path home) throws Exception {
        deleteTree(home.resolveSibling(home.getFileName() + ""), side.equals("slipway"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p =
                new ProcessBuilder(
                                java,
                                "--enable-native-access=ALL-UNNAMED",
                                "-cp",
                                System.getProperty("java.class.path"),
                                ImportBenchmark.class.getName(),
                                "child",
                                side,
                                csv.toString(),
                                home.toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(side + " run failed: " + out);
        }
        String[] parts = out.split(" ");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }

    private static void child(String side, Path csv, Path home) throws Exception {
        long start = System.nanoTime();
        if (side.equals("slipway")) {
            try (SlipwayHome h = SlipwayHome.open(home)) {
                ImportResult r =
                        new Datasets(h, Clock.systemUTC(), DataLimits.defaults())
                                .importFile(
                                        csv,
                                        "bench",
                                        ImportOptions.defaults(),
                                        ProgressListener.NONE);
                if (!r.created()) {
                    throw new IllegalStateException("the benchmark home was not fresh");
                }
            }
        } else {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t AS SELECT * FROM read_csv('" + csv + "')");
                try (ResultSet rs = s.executeQuery("SUMMARIZE t")) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            }
        }
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.println(ms + " " + peakRssKb());
    }

    static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Adult resampled with replacement to {@code rows} rows, seed 42; cached by row count. */
    static Path resample(Path adult, long rows, Path work) throws IOException {
        Path out = work.resolve("adult_" + rows + ".csv");
        if (Files.isRegularFile(out)) {
            return out;
        }
        List<String> lines = Files.readAllLines(adult, StandardCharsets.UTF_8);
        Random random = new Random(42);
        Path tmp = work.resolve("adult_" + rows + ".csv.tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(lines.get(0));
            w.write('\n');
            int n = lines.size() - 1;
            for (long i = 0; i < rows; i++) {
                w.write(lines.get(1 + random.nextInt(n)));
                w.write('\n');
            }
        }
        Files.move(tmp, out);
        return out;
    }

    static double median(List<double[]> xs, int k) {
        double[] v = xs.stream().mapToDouble(x -> x[k]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String spread(List<double[]> xs) {
        double min = xs.stream().mapToDouble(x -> x[0]).min().orElse(0) / 1000;
        double max = xs.stream().mapToDouble(x -> x[0]).max().orElse(0) / 1000;
        return String.format(Locale.ROOT, "%.2f-%.2f", min, max);
    }

    static String cpuModel() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "unknown CPU";
    }

    private static void deleteTree(Path p, boolean really) throws IOException {
        if (!really || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
