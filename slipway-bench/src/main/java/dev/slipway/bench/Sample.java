package dev.slipway.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * One measured run of a load against a server.
 *
 * @param requestsPerSecond answered requests per second
 * @param p50Millis median latency
 * @param p99Millis 99th percentile latency
 * @param non2xx answers with a status of 400 or more (wrk) or a gRPC error
 * @param socketErrors connect, read, write errors and timeouts
 * @param cpuMicrosPerRequest the server's user + system CPU time per answered request
 */
record Sample(
        double requestsPerSecond,
        double p50Millis,
        double p99Millis,
        long non2xx,
        long socketErrors,
        double cpuMicrosPerRequest) {

    /** The median of {@code f} over {@code samples}. */
    static double median(List<Sample> samples, ToDoubleFunction<Sample> f) {
        return median(samples.stream().mapToDouble(f).toArray());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** "median (min–max)" of {@code f} over {@code samples}, with {@code format} for each. */
    static String spread(List<Sample> samples, ToDoubleFunction<Sample> f, String format) {
        return spread(samples.stream().mapToDouble(f).toArray(), format);
    }

    static String spread(double[] v, String format) {
        double min = java.util.Arrays.stream(v).min().orElse(Double.NaN);
        double max = java.util.Arrays.stream(v).max().orElse(Double.NaN);
        return String.format(
                Locale.ROOT, format + " (" + format + "–" + format + ")", median(v), min, max);
    }
}
