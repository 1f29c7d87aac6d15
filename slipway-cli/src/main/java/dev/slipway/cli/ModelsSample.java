package dev.slipway.cli;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.BoolColumn;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.ModelFormat;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Sample rows for {@code models import --sample}, fitted to what the model takes: columns named as
 * the model's inputs are used as they are; a model with one multi-valued input (e.g. an ONNX {@code
 * float_input} of width 4) takes a file with that many numeric columns, packed in file order.
 */
final class ModelsSample {

    private static final int HEAD_BYTES = 64 * 1024;

    private ModelsSample() {}

    /**
     * The signature of {@code modelFile} as loaded with {@code featureNames}; empty when no format
     * recognizes or loads it (the import then says why).
     */
    static Optional<Signature> probe(
            Path modelFile, List<String> featureNames, List<ModelFormat> formats) {
        byte[] content;
        try {
            content = Files.readAllBytes(modelFile);
        } catch (IOException | OutOfMemoryError e) {
            return Optional.empty();
        }
        byte[] head = Arrays.copyOf(content, Math.min(content.length, HEAD_BYTES));
        String name = modelFile.getFileName().toString();
        for (ModelFormat f : formats) {
            if (f.recognizes(name, head)) {
                try (Predictor p =
                        f.load(content, modelFile.toString(), new LoadOptions(featureNames))) {
                    return Optional.of(p.signature());
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code sample} shaped for a model with {@code signature}. Where the model takes text, numbers
     * become their text; where it takes numbers, a column with no value at all (which a file cannot
     * type) becomes missing numbers.
     */
    static Frame fit(Frame read, Signature signature, Path file) {
        List<ColumnSpec> inputs = signature.inputs();
        boolean packing = inputs.size() == 1 && inputs.getFirst().width() > 1;
        Frame sample =
                new Frame(
                        read.rows(),
                        read.columns().stream().map(c -> retype(c, signature, packing)).toList());
        List<String> missing =
                inputs.stream()
                        .map(ColumnSpec::name)
                        .filter(n -> sample.find(n).isEmpty())
                        .toList();
        if (missing.isEmpty()) {
            return sample;
        }
        if (inputs.size() == 1
                && inputs.getFirst().width() == sample.columns().size()
                && sample.columns().stream().noneMatch(c -> c instanceof StringColumn)) {
            return Frame.of(pack(inputs.getFirst().name(), sample));
        }
        throw InvalidInputException.of(
                file.toString(),
                "the sample %s has the columns %s, but the model takes %s; it lacks %s. Name the sample's columns after the model's inputs, or give the model's feature names in the sample's order with --schema"
                        .formatted(
                                file,
                                preview(sample.names()),
                                preview(inputs.stream().map(ModelViews::describe).toList()),
                                preview(missing)));
    }

    /** A column as the model's input of its name takes it: numbers, or text. */
    private static Column retype(Column c, Signature signature, boolean packing) {
        Optional<ColumnSpec> input =
                packing
                        ? Optional.of(signature.inputs().getFirst())
                        : signature.findInput(c.name());
        if (input.isEmpty()) {
            return c;
        }
        return input.get().dtype().isNumeric() ? numeric(c) : text(c);
    }

    /** A number or flag column as text ({@code 3}, {@code 2.5}, {@code true}); text as it is. */
    private static Column text(Column c) {
        if (c instanceof StringColumn) {
            return c;
        }
        String[] values = new String[c.rows()];
        for (int r = 0; r < c.rows(); r++) {
            values[r] =
                    c.isNull(r)
                            ? ""
                            : switch (c) {
                                case LongColumn l -> Long.toString(l.get(r));
                                case DoubleColumn d -> Double.toString(d.get(r));
                                case FloatColumn f -> Float.toString(f.get(r));
                                case BoolColumn b -> Boolean.toString(b.get(r));
                                case StringColumn s -> s.get(r);
                            };
        }
        return new StringColumn(c.name(), 1, values, (BitSet) c.nulls().clone());
    }

    /** An empty text column as a numeric column of missing values; any other as it is. */
    private static Column numeric(Column c) {
        if (c instanceof StringColumn s && s.nulls().cardinality() == s.rows()) {
            double[] nan = new double[s.rows()];
            Arrays.fill(nan, Double.NaN);
            return new DoubleColumn(s.name(), 1, nan, (BitSet) s.nulls().clone());
        }
        return c;
    }

    /** Every column of {@code sample} side by side as one column of width = their count. */
    private static Column pack(String name, Frame sample) {
        int w = sample.columns().size();
        double[] values = new double[sample.rows() * w];
        for (int j = 0; j < w; j++) {
            Column c = sample.columns().get(j);
            for (int r = 0; r < sample.rows(); r++) {
                values[r * w + j] = c.isNull(r) ? Double.NaN : number(c, r);
            }
        }
        return new DoubleColumn(name, w, values, new BitSet());
    }

    private static double number(Column c, int row) {
        return switch (c) {
            case DoubleColumn d -> d.get(row);
            case FloatColumn f -> f.get(row);
            case LongColumn l -> l.get(row);
            case BoolColumn b -> b.get(row) ? 1 : 0;
            case StringColumn s -> throw new IllegalStateException("text is never packed");
        };
    }

    private static String preview(List<String> names) {
        return names.size() <= 8
                ? names.toString()
                : names.subList(0, 8).toString().replace("]", ", … (" + names.size() + " in all)]");
    }
}
