package dev.slipway.data;

/**
 * Resources the data engine may use.
 *
 * @param duckdbMemoryMb DuckDB's memory limit in MiB; beyond it, work spills to disk
 * @param threads DuckDB's worker threads
 */
public record DataLimits(int duckdbMemoryMb, int threads) {
    public DataLimits {
        if (duckdbMemoryMb < 64) {
            throw new IllegalArgumentException(
                    "the data engine needs at least 64 MiB, got " + duckdbMemoryMb);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** 1 GiB (or a quarter of the machine's memory, if less) and one thread per core. */
    public static DataLimits defaults() {
        long machineMb = physicalMemoryMb();
        int mb = (int) Math.max(64, Math.min(1024, machineMb / 4));
        return new DataLimits(mb, Runtime.getRuntime().availableProcessors());
    }

    private static long physicalMemoryMb() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return 4096;
    }
}
