package dev.slipway.monitor.perf;

import java.time.Instant;
import java.util.Objects;

/**
 * What an ingest of labels did.
 *
 * @param model the model the labels are for
 * @param keyColumn the column the labels are keyed by
 * @param received the label rows read
 * @param stored the labels written: one per distinct key of the rows (the last row wins)
 * @param replaced the labels superseded: rows of this ingest that a later row of the same key
 *     replaced, plus labels stored before for keys this ingest labels again
 * @param unmatched the model's stored labels, of any ingest, whose key is not (yet) in its
 *     prediction log; all of them while the model has no log (counted just after {@code total}, so
 *     an ingest by another process in between may be in one count and not the other)
 * @param total the model's stored labels after this ingest, one per key
 * @param arrivedAt the arrival time recorded for these labels
 */
public record IngestResult(
        String model,
        String keyColumn,
        long received,
        long stored,
        long replaced,
        long unmatched,
        long total,
        Instant arrivedAt) {

    public IngestResult {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(keyColumn, "keyColumn");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        if (received < 1 || stored < 1 || stored > received || replaced < 0 || unmatched < 0) {
            throw new IllegalArgumentException(
                    "inconsistent ingest counts: received %d, stored %d, replaced %d, unmatched %d, total %d"
                            .formatted(received, stored, replaced, unmatched, total));
        }
    }
}
