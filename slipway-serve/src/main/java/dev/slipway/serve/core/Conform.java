package dev.slipway.serve.core;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a request's columns against a model's signature and converts them where the conversion is
 * safe, so that every request in a batch has exactly the model's inputs in its order.
 *
 * <p>Safe conversions: integers and booleans to floating point, FP32 to FP64, and FP64 to FP32
 * (JSON numbers arrive as FP64). Everything else (text for a number, a number for a category, a
 * fraction for an integer) is refused naming the column. Columns the model does not take are
 * dropped.
 */
final class Conform {

    private Conform() {}

    static Frame apply(String model, Signature signature, Frame input) {
        List<ColumnSpec> specs = signature.inputs();
        boolean same = input.columns().size() == specs.size();
        List<Column> out = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            ColumnSpec spec = specs.get(i);
            Column c = column(model, signature, input, spec);
            Column converted = convert(model, spec, c);
            same &= converted == input.columns().get(i);
            out.add(converted);
        }
        return same ? input : new Frame(input.rows(), out);
    }

    private static Column column(String model, Signature signature, Frame input, ColumnSpec spec) {
        return input.find(spec.name())
                .orElseThrow(
                        () ->
                                InvalidInputException.of(
                                        spec.name(),
                                        "missing input '%s': model %s needs %s"
                                                .formatted(
                                                        spec.name(),
                                                        model,
                                                        names(signature.inputs()))));
    }

    private static Column convert(String model, ColumnSpec spec, Column c) {
        if (c.width() != spec.width()) {
            throw InvalidInputException.of(
                    spec.name(),
                    "input '%s' has %d values per row but model %s takes %d; send shape [rows, %d]%s"
                            .formatted(
                                    spec.name(),
                                    c.width(),
                                    model,
                                    spec.width(),
                                    spec.width(),
                                    spec.width() == 1 ? " or [rows]" : ""));
        }
        if (c.dtype() == spec.dtype()) {
            return c.name().equals(spec.name()) ? c : c.renamed(spec.name());
        }
        Column converted =
                switch (spec.dtype()) {
                    case FP64 -> toDouble(c);
                    case FP32 -> toFloat(c);
                    case INT64 -> c instanceof BoolColumn b ? toLong(b) : null;
                    case BOOL, STRING -> null;
                };
        if (converted == null) {
            throw InvalidInputException.of(
                    spec.name(),
                    "input '%s' is %s but model %s needs %s%s"
                            .formatted(
                                    spec.name(),
                                    c.dtype().protocolName(),
                                    model,
                                    spec.dtype().protocolName(),
                                    hint(spec.dtype())));
        }
        return converted;
    }

    private static String hint(DType wanted) {
        return switch (wanted) {
            case STRING -> "; send the category as a string (BYTES)";
            case INT64 -> "; send whole numbers (INT64)";
            case FP32, FP64 -> "; send numbers, not text";
            case BOOL -> "; send true or false (BOOL)";
        };
    }

    private static Column toDouble(Column c) {
        int n = c.rows() * c.width();
        double[] v = new double[n];
        switch (c) {
            case FloatColumn f -> {
                for (int i = 0; i < n; i++) {
                    v[i] = f.values()[i];
                }
            }
            case LongColumn l -> {
                for (int i = 0; i < n; i++) {
                    v[i] = l.values()[i];
                }
            }
            case BoolColumn b -> {
                for (int i = 0; i < n; i++) {
                    v[i] = b.values()[i] ? 1 : 0;
                }
            }
            case DoubleColumn d -> System.arraycopy(d.values(), 0, v, 0, n);
            case StringColumn s -> {
                return null;
            }
        }
        return new DoubleColumn(c.name(), c.width(), v, c.nulls());
    }

    private static Column toFloat(Column c) {
        int n = c.rows() * c.width();
        float[] v = new float[n];
        switch (c) {
            case DoubleColumn d -> {
                for (int i = 0; i < n; i++) {
                    v[i] = (float) d.values()[i];
                }
            }
            case LongColumn l -> {
                for (int i = 0; i < n; i++) {
                    v[i] = l.values()[i];
                }
            }
            case BoolColumn b -> {
                for (int i = 0; i < n; i++) {
                    v[i] = b.values()[i] ? 1 : 0;
                }
            }
            case FloatColumn f -> System.arraycopy(f.values(), 0, v, 0, n);
            case StringColumn s -> {
                return null;
            }
        }
        return new FloatColumn(c.name(), c.width(), v, c.nulls());
    }

    private static Column toLong(BoolColumn b) {
        int n = b.rows() * b.width();
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = b.values()[i] ? 1 : 0;
        }
        return new LongColumn(b.name(), b.width(), v, b.nulls());
    }

    static String names(List<ColumnSpec> specs) {
        List<String> names = specs.stream().map(ColumnSpec::name).toList();
        if (names.size() <= 20) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 20))
                + " and %d more".formatted(names.size() - 20);
    }
}
