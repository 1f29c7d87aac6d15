package dev.slipway.formats.pipeline;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FeatureColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.StringColumn;
import dev.slipway.api.model.UnseenCategoryPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One feature per training category: 1 for the row's category, 0 for the others; NaN for all of
 * them when the value is missing, or unseen under {@link UnseenCategoryPolicy#MISSING}.
 */
final class OneHotEncoder implements FeatureEncoder {

    private final String column;
    private final List<String> categories;
    private final Map<String, Integer> index;
    private final UnseenCategoryPolicy unseen;

    OneHotEncoder(FeatureColumn.OneHot spec, UnseenCategoryPolicy unseen) {
        this.column = spec.column();
        this.categories = spec.categories();
        this.unseen = unseen;
        this.index = new HashMap<>(categories.size() * 2);
        for (int i = 0; i < categories.size(); i++) {
            index.put(categories.get(i), i);
        }
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public int width() {
        return categories.size();
    }

    @Override
    public void encode(Column c, int rows, float[] out, int stride, int offset) {
        if (c.width() != 1) {
            throw InvalidInputException.of(
                    column,
                    "column '%s' must hold one category per row, got %d"
                            .formatted(column, c.width()));
        }
        int k = categories.size();
        for (int r = 0; r < rows; r++) {
            int hit;
            if (c.isNull(r)) {
                hit = -1;
            } else {
                String value = text(c, r);
                Integer i = index.get(value);
                hit = i == null ? unseen(value, r) : i;
            }
            int at = r * stride + offset;
            if (hit < 0) {
                java.util.Arrays.fill(out, at, at + k, Float.NaN);
            } else {
                // The new array is zero already: set only the row's category.
                out[at + hit] = 1f;
            }
        }
    }

    private int unseen(String value, int row) {
        return switch (unseen) {
            case MISSING -> -1;
            case ERROR ->
                    throw InvalidInputException.of(
                            column,
                            "column '%s' row %d: category '%s' was not in the training data; known: %s"
                                    .formatted(column, row + 1, value, known()));
        };
    }

    private String known() {
        return categories.size() <= 20
                ? String.join(", ", categories)
                : String.join(", ", categories.subList(0, 20))
                        + " and %d more".formatted(categories.size() - 20);
    }

    /** The category of row {@code r}; numbers and booleans are read as their text. */
    private static String text(Column c, int r) {
        return switch (c) {
            case StringColumn s -> s.get(r);
            case LongColumn l -> Long.toString(l.get(r));
            case BoolColumn b -> Boolean.toString(b.get(r));
            case DoubleColumn d -> number(d.get(r));
            case FloatColumn f -> number(f.get(r));
        };
    }

    /** Whole numbers without a fraction, so 3.0 matches the category "3". */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : Double.toString(v);
    }
}
