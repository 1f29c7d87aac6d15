package dev.slipway.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;

/** Compares frames column by column, floating-point values within a tolerance. */
final class FrameAssertions {

    private FrameAssertions() {}

    /**
     * Asserts that {@code actual} has the columns of {@code expected}, in order, with the same
     * types, widths, missing rows and values; floating-point values may differ by {@code
     * tolerance}, and NaN equals NaN.
     */
    static void assertSameFrame(Frame actual, Frame expected, double tolerance, String what) {
        assertThat(actual.names()).as("%s: columns", what).isEqualTo(expected.names());
        assertThat(actual.rows()).as("%s: rows", what).isEqualTo(expected.rows());
        for (int i = 0; i < expected.columns().size(); i++) {
            assertSameColumn(actual.columns().get(i), expected.columns().get(i), tolerance, what);
        }
    }

    /** Asserts that row {@code row} of {@code whole} equals the only row of {@code single}. */
    static void assertSameRow(Frame single, Frame whole, int row, double tolerance) {
        assertSameFrame(
                single, Frames.slice(whole, row, row + 1), tolerance, "row %d".formatted(row));
    }

    private static void assertSameColumn(
            Column actual, Column expected, double tolerance, String what) {
        String name = "%s: column '%s'".formatted(what, expected.name());
        assertThat(actual.dtype()).as("%s type", name).isEqualTo(expected.dtype());
        assertThat(actual.width()).as("%s width", name).isEqualTo(expected.width());
        assertThat(actual.nulls()).as("%s missing rows", name).isEqualTo(expected.nulls());
        int w = expected.width();
        for (int i = 0; i < expected.rows() * w; i++) {
            boolean same =
                    switch (expected) {
                        case FloatColumn e ->
                                close(((FloatColumn) actual).values()[i], e.values()[i], tolerance);
                        case DoubleColumn e ->
                                close(
                                        ((DoubleColumn) actual).values()[i],
                                        e.values()[i],
                                        tolerance);
                        case LongColumn e -> ((LongColumn) actual).values()[i] == e.values()[i];
                        case BoolColumn e -> ((BoolColumn) actual).values()[i] == e.values()[i];
                        case StringColumn e ->
                                ((StringColumn) actual).values()[i].equals(e.values()[i]);
                    };
            if (!same) {
                fail(
                        "%s, row %d, position %d: got %s, expected %s (tolerance %s)"
                                .formatted(
                                        name,
                                        i / w,
                                        i % w,
                                        value(actual, i),
                                        value(expected, i),
                                        tolerance));
            }
        }
    }

    private static boolean close(double actual, double expected, double tolerance) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        return actual == expected || Math.abs(actual - expected) <= tolerance;
    }

    private static Object value(Column column, int i) {
        return switch (column) {
            case FloatColumn c -> c.values()[i];
            case DoubleColumn c -> c.values()[i];
            case LongColumn c -> c.values()[i];
            case BoolColumn c -> c.values()[i];
            case StringColumn c -> c.values()[i];
        };
    }
}
