package dev.slipway.bench;

import dev.slipway.data.DataLimits;
import dev.slipway.monitor.drift.DatasetDrift;
import dev.slipway.monitor.drift.DriftColumn;
import dev.slipway.monitor.drift.DriftOptions;
import dev.slipway.monitor.drift.DuckDbDrift;
import dev.slipway.monitor.log.MonitorSession;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.PredictionTable;
import dev.slipway.monitor.log.Range;
import dev.slipway.store.SlipwayHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Drift report throughput: the drift of 15 columns (Adult's 14 features and the model's
 * probability) between a reference and a prediction log of 1M and 10M rows, as {@code slipway
 * monitor drift} computes it (the log read through its hive-partitioned Parquet files, one {@code
 * GROUP BY} per column, the statistics in Java), against a DuckDB scan of the same Parquet columns
 * in the same run ({@code sum(hash(column))} over every monitored column of both sides, which reads
 * every value).
 *
 * <p>The log is the UCI Adult training set resampled with replacement (seed 42) to the row count,
 * written in the prediction log's layout, with a probability made from age and hours per week; the
 * reference is the training set itself with the same probability. Every measured run is a fresh
 * child JVM (its peak RSS, VmHWM, is its own); the two sides alternate. Prints medians and spreads
 * of rows x columns per second and the ratio.
 *
 * <p>Run: {@code ./mvnw -q -pl slipway-bench -am package -Dmaven.test.skip=true && java
 * --enable-native-access=ALL-UNNAMED -cp
 * "slipway-bench/target/slipway-bench-0.1.0-SNAPSHOT.jar:slipway-bench/target/lib/*"
 * dev.slipway.bench.DriftBenchmark ../shared/datasets/adult_train.csv 1000000,10000000 3}
 */
public final class DriftBenchmark {

    static final List<String> FEATURES =
            List.of(
                    "age",
                    "workclass",
                    "fnlwgt",
                    "education",
                    "education-num",
                    "marital-status",
                    "occupation",
                    "relationship",
                    "race",
                    "sex",
                    "capital-gain",
                    "capital-loss",
                    "hours-per-week",
                    "native-country");

    static final String PROBABILITY = "probabilities_>50K";

    private DriftBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Path.of(args[2]), Long.parseLong(args[3]));
            return;
        }
        Path adult = Path.of(args.length > 0 ? args[0] : "../shared/datasets/adult_train.csv");
        String[] sizes = (args.length > 1 ? args[1] : "1000000,10000000").split(",");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Path.of("slipway-bench/target/bench-drift").toAbsolutePath();
        Files.createDirectories(work);
        System.out.printf(
                Locale.ROOT,
                "machine: %d cores, %s; JDK %s%n",
                Runtime.getRuntime().availableProcessors(),
                ImportBenchmark.cpuModel(),
                Runtime.version());
        Path reference = reference(adult, work);
        int columns = FEATURES.size() + 1;
        for (String s : sizes) {
            long rows = Long.parseLong(s.strip());
            Path home = logHome(adult, rows, work);
            List<double[]> slipway = new ArrayList<>();
            List<double[]> duck = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                slipway.add(runChild("slipway", home, rows));
                duck.add(runChild("duckdb", home, rows));
            }
            double ms = ImportBenchmark.median(slipway, 0);
            double dms = ImportBenchmark.median(duck, 0);
            double cells = (double) (rows + referenceRows(reference)) * columns;
            System.out.printf(
                    Locale.ROOT,
                    "%,d logged rows x %d columns: slipway drift %.2f s (%s) %.1f M cells/s, peak RSS %.0f MB | duckdb scan %.2f s (%s) %.1f M cells/s, peak RSS %.0f MB | ratio %.2f%n",
                    rows,
                    columns,
                    ms / 1000,
                    ImportBenchmark.spread(slipway),
                    cells / (ms / 1000) / 1e6,
                    ImportBenchmark.median(slipway, 1) / 1024,
                    dms / 1000,
                    ImportBenchmark.spread(duck),
                    cells / (dms / 1000) / 1e6,
                    ImportBenchmark.median(duck, 1) / 1024,
                    dms / ms);
        }
    }

    private static double[] runChild(String side, Path home, long rows) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p =
                new ProcessBuilder(
                                java,
                                "--enable-native-access=ALL-UNNAMED",
                                "-cp",
                                System.getProperty("java.class.path"),
                                DriftBenchmark.class.getName(),
                                "child",
                                side,
                                home.toString(),
                                Long.toString(rows))
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(side + " run failed: " + out);
        }
        String[] parts = out.split(" ");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }

    private static void child(String side, Path home, long rows) throws Exception {
        Path reference = home.resolveSibling("reference.parquet");
        String ref = "read_parquet('%s')".formatted(reference);
        long start = System.nanoTime();
        if (side.equals("slipway")) {
            try (SlipwayHome h = SlipwayHome.open(home);
                    MonitorSession session = MonitorSession.open(h, DataLimits.defaults())) {
                PredictionTable log =
                        PredictionLogs.read(
                                session,
                                PredictionLogs.directory(h),
                                "bench",
                                Range.all(),
                                List.of());
                List<DriftColumn> columns = new ArrayList<>();
                FEATURES.forEach(f -> columns.add(DriftColumn.of(f)));
                columns.add(DriftColumn.of(PROBABILITY));
                DatasetDrift d =
                        DuckDbDrift.dataset(
                                session.connection(),
                                ref,
                                log.relation(),
                                columns,
                                DriftOptions.defaults());
                if (d.columns().size() != columns.size()) {
                    throw new IllegalStateException("drift of " + d.columns().size() + " columns");
                }
            }
        } else {
            String sums =
                    allColumns().stream()
                            .map(c -> "sum(hash(\"%s\"))".formatted(c))
                            .collect(Collectors.joining(", "));
            String glob = home.resolve("logs/predictions/bench/date=*/*.parquet").toString();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = c.createStatement()) {
                for (String from : List.of(ref, "read_parquet('%s')".formatted(glob))) {
                    try (ResultSet rs = s.executeQuery("SELECT " + sums + " FROM " + from)) {
                        rs.next();
                    }
                }
            }
        }
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.println(ms + " " + ImportBenchmark.peakRssKb());
    }

    private static List<String> allColumns() {
        List<String> all = new ArrayList<>(FEATURES);
        all.add(PROBABILITY);
        return all;
    }

    /** The select list that adds the probability to Adult's features. */
    private static String withProbability(String alias) {
        return FEATURES.stream()
                        .map(f -> alias + ".\"" + f + "\"")
                        .collect(Collectors.joining(", "))
                + ", "
                + probabilityOnly(alias);
    }

    private static Path reference(Path adult, Path work) throws Exception {
        Path out = work.resolve("reference.parquet");
        if (!Files.isRegularFile(out)) {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = c.createStatement()) {
                s.execute(
                        "COPY (SELECT %s FROM read_csv('%s', nullstr = '?') a) TO '%s' (FORMAT parquet)"
                                .formatted(withProbability("a"), adult.toAbsolutePath(), out));
            }
        }
        return out;
    }

    private static long referenceRows(Path reference) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT count(*) FROM read_parquet('%s')".formatted(reference))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A home whose prediction log of model {@code bench} holds {@code rows} resampled Adult rows in
     * the log's layout (one file per 1M rows); cached by row count.
     */
    private static Path logHome(Path adult, long rows, Path work) throws Exception {
        Path home = work.resolve("home-" + rows);
        Path done = home.resolve("bench.done");
        if (Files.isRegularFile(done)) {
            return home;
        }
        Path csv = ImportBenchmark.resample(adult, rows, work);
        Path dir = home.resolve("logs/predictions/bench/date=2026-12-01");
        Files.createDirectories(dir);
        // The home exists (metadata created) so that the monitor can open it.
        SlipwayHome.open(home).close();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE rows AS SELECT row_number() OVER () AS n, * FROM read_csv('%s', nullstr = '?')"
                            .formatted(csv));
            long part = 1_000_000;
            for (long from = 0; from < rows; from += part) {
                s.execute(
                        ("COPY (SELECT 'r' || a.n AS request_id, 0 AS row_index,"
                                        + " TIMESTAMPTZ '2026-12-01 00:00:00+00' + to_microseconds(a.n * 1000) AS ts,"
                                        + " 'bench' AS model, 1 AS model_version, 'v2-rest' AS protocol,"
                                        + " 900 AS latency_us, %s,"
                                        + " CASE WHEN \"%s\" >= 0.5 THEN '>50K' ELSE '<=50K' END AS label"
                                        + " FROM (SELECT a.*, %s FROM rows a) a"
                                        + " WHERE a.n > %d AND a.n <= %d ORDER BY a.n)"
                                        + " TO '%s' (FORMAT parquet, COMPRESSION zstd)")
                                .formatted(
                                        FEATURES.stream()
                                                        .map(f -> "a.\"" + f + "\"")
                                                        .collect(Collectors.joining(", "))
                                                + ", a.\""
                                                + PROBABILITY
                                                + "\"",
                                        PROBABILITY,
                                        probabilityOnly("a"),
                                        from,
                                        from + part,
                                        dir.resolve("part-%08d.parquet".formatted(from / part))));
            }
        }
        Files.writeString(done, "");
        return home;
    }

    private static String probabilityOnly(String alias) {
        return "round(1 / (1 + exp(-((%s.age - 38) / 10.0 + (%s.\"hours-per-week\" - 40) / 12.0))), 3) AS \"%s\""
                .formatted(alias, alias, PROBABILITY);
    }
}
