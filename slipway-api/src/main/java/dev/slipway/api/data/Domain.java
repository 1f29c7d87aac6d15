package dev.slipway.api.data;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The values a column was seen to take. Which kind a field has follows from its logical type. */
public sealed interface Domain {

    /** The categories seen, most frequent first, with their counts. */
    record Categories(List<Category> values) implements Domain {
        public Categories {
            values = List.copyOf(values);
        }

        /** The count of {@code value}, when it was seen. */
        public Optional<Category> find(String value) {
            return values.stream().filter(c -> c.value().equals(value)).findFirst();
        }
    }

    /** The smallest and largest number seen. */
    record Range(double min, double max) implements Domain {
        public Range {
            if (!(min <= max)) {
                throw new IllegalArgumentException("range min " + min + " > max " + max);
            }
        }

        /** Whether {@code value} lies within [min, max]. */
        public boolean contains(double value) {
            return value >= min && value <= max;
        }
    }

    /** The earliest and latest time seen. */
    record TimeRange(LocalDateTime min, LocalDateTime max) implements Domain {
        public TimeRange {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.isAfter(max)) {
                throw new IllegalArgumentException("time range min " + min + " > max " + max);
            }
        }
    }

    /** How many true and false values were seen. */
    record Flags(long trues, long falses) implements Domain {}

    /** Nothing is recorded about the values: free text, or a column with no non-null value. */
    record Unbounded() implements Domain {}
}
