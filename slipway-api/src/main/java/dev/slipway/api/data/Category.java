package dev.slipway.api.data;

import java.util.Objects;

/** One category value and how many rows had it. */
public record Category(String value, long count) {
    public Category {
        Objects.requireNonNull(value, "value");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
    }
}
