package dev.slipway.registry;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.ModelFormat;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A tiny model format for registry tests: a text file {@code linear 1}, then {@code weights W...},
 * then optionally {@code names N...}; predicts {@code prediction = sum(w * x)} from one float
 * column per feature, named by the options, the file, or {@code f0, f1, ...}.
 */
final class LinearFormat implements ModelFormat {

    static final String HEADER = "linear 1\n";

    static byte[] file(double... weights) {
        StringBuilder b = new StringBuilder(HEADER).append("weights");
        for (double w : weights) {
            b.append(' ').append(w);
        }
        return b.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String runtime() {
        return "linear-test 1.0";
    }

    @Override
    public boolean recognizes(String fileName, byte[] head) {
        return fileName.endsWith(".linear")
                || new String(head, StandardCharsets.UTF_8).startsWith(HEADER);
    }

    @Override
    public Predictor load(byte[] model, String source, LoadOptions options) {
        String[] lines = new String(model, StandardCharsets.UTF_8).split("\n");
        if (lines.length < 2 || !lines[0].equals("linear 1") || !lines[1].startsWith("weights ")) {
            throw InvalidInputException.of(
                    source, source + " is not a linear model: it is truncated or corrupt");
        }
        String[] parts = lines[1].substring(8).split(" ");
        double[] weights = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            weights[i] = Double.parseDouble(parts[i]);
        }
        List<String> names = new ArrayList<>(options.featureNames());
        if (names.isEmpty() && lines.length > 2 && lines[2].startsWith("names ")) {
            names.addAll(List.of(lines[2].substring(6).split(" ")));
        }
        for (int i = names.size(); i < weights.length; i++) {
            names.add("f" + i);
        }
        return new LinearPredictor(weights, names);
    }

    private record LinearPredictor(double[] weights, List<String> names) implements Predictor {

        @Override
        public Signature signature() {
            return new Signature(
                    names.stream().map(n -> ColumnSpec.scalar(n, DType.FP32)).toList(),
                    List.of(ColumnSpec.scalar(Signature.PREDICTION, DType.FP64)));
        }

        @Override
        public Frame predict(Frame input) {
            double[] out = new double[input.rows()];
            for (int j = 0; j < weights.length; j++) {
                if (!(input.column(names.get(j)) instanceof FloatColumn x)) {
                    throw InvalidInputException.of(
                            names.get(j), "column '%s' must be fp32".formatted(names.get(j)));
                }
                for (int r = 0; r < out.length; r++) {
                    out[r] += weights[j] * x.get(r);
                }
            }
            return Frame.of(new DoubleColumn(Signature.PREDICTION, 1, out, new BitSet()));
        }

        @Override
        public void close() {}
    }
}
