package dev.slipway.testkit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The resident memory of this process, as Linux reports it in {@code /proc/self/status}. */
final class ResidentMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {}

    /** The resident set size in bytes, or empty where {@code /proc} is not available. */
    static Optional<Long> bytes() {
        if (!Files.isReadable(STATUS)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    String kib = line.substring("VmRSS:".length()).replace("kB", "").strip();
                    return Optional.of(Long.parseLong(kib) * 1024);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STATUS, e);
        }
        return Optional.empty();
    }
}
