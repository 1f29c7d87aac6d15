package dev.slipway.formats.pipeline;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Column;
import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.FeatureColumn;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import dev.slipway.formats.internal.RowMatrixPredictor;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Raw records in, model features through, class names out. Thread-safe when the model is; holds
 * nothing but the model.
 */
final class PipelinePredictor implements Predictor {

    private final FeaturePipeline pipeline;
    private final Predictor model;
    private final List<FeatureEncoder> encoders;
    private final List<String> modelInputs;
    private final Signature signature;

    PipelinePredictor(FeaturePipeline pipeline, Predictor model) {
        this.pipeline = pipeline;
        this.model = model;
        this.modelInputs = model.signature().inputs().stream().map(ColumnSpec::name).toList();
        if (modelInputs.size() != pipeline.featureCount()) {
            throw InvalidInputException.of(
                    "pipeline",
                    "the feature pipeline writes %d features but the model takes %d inputs; the package's pipeline does not belong to its model file"
                            .formatted(pipeline.featureCount(), modelInputs.size()));
        }
        this.encoders = encoders(pipeline);
        this.signature = new Signature(inputs(pipeline), outputs(model.signature(), pipeline));
    }

    static List<FeatureEncoder> encoders(FeaturePipeline pipeline) {
        return pipeline.features().stream().map(f -> encoder(f, pipeline)).toList();
    }

    /** The features of every row of {@code input}, row after row, in the pipeline's order. */
    static float[] encode(List<FeatureEncoder> encoders, Frame input) {
        int width = 0;
        for (FeatureEncoder e : encoders) {
            width += e.width();
        }
        int rows = input.rows();
        float[] out = new float[Math.multiplyExact(rows, width)];
        int offset = 0;
        for (FeatureEncoder e : encoders) {
            e.encode(input.column(e.column()), rows, out, width, offset);
            offset += e.width();
        }
        return out;
    }

    private static FeatureEncoder encoder(FeatureColumn f, FeaturePipeline pipeline) {
        return switch (f) {
            case FeatureColumn.Numeric n -> new NumericEncoder(n.column());
            case FeatureColumn.OneHot o -> new OneHotEncoder(o, pipeline.unseen());
        };
    }

    private static List<ColumnSpec> inputs(FeaturePipeline pipeline) {
        return pipeline.features().stream()
                .map(
                        f ->
                                switch (f) {
                                    case FeatureColumn.Numeric n ->
                                            ColumnSpec.scalar(n.column(), DType.FP64);
                                    case FeatureColumn.OneHot o ->
                                            ColumnSpec.scalar(o.column(), DType.STRING);
                                })
                .toList();
    }

    private static List<ColumnSpec> outputs(Signature model, FeaturePipeline pipeline) {
        List<String> classes = pipeline.classes();
        if (classes.isEmpty()) {
            return model.outputs();
        }
        List<ColumnSpec> out = new ArrayList<>();
        for (ColumnSpec s : model.outputs()) {
            if (s.name().equals(Signature.LABEL)) {
                out.add(ColumnSpec.scalar(Signature.LABEL, DType.STRING));
            } else if (s.name().equals(Signature.PROBABILITIES)) {
                checkClasses(s, classes);
                out.add(new ColumnSpec(s.name(), s.dtype(), s.width(), classes));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static void checkClasses(ColumnSpec probabilities, List<String> classes) {
        if (probabilities.width() != classes.size()) {
            throw InvalidInputException.of(
                    "pipeline",
                    "the model gives %d class probabilities but the pipeline names %d classes %s"
                            .formatted(probabilities.width(), classes.size(), classes));
        }
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public Frame predict(Frame input) {
        int rows = input.rows();
        float[] features = encode(encoders, input);
        if (model instanceof RowMatrixPredictor matrix) {
            Frame out = matrix.predictRows(features, rows);
            return pipeline.classes().isEmpty() ? out : named(out);
        }
        int width = modelInputs.size();
        List<Column> columns = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            float[] values = new float[rows];
            for (int r = 0; r < rows; r++) {
                values[r] = features[r * width + j];
            }
            columns.add(new FloatColumn(modelInputs.get(j), 1, values, new BitSet()));
        }
        Frame out = model.predict(new Frame(rows, columns));
        return pipeline.classes().isEmpty() ? out : named(out);
    }

    /**
     * Replaces class indices with class names; with two classes, the label is the second class when
     * its probability is at or above the pipeline's threshold.
     */
    private Frame named(Frame out) {
        List<Column> columns = new ArrayList<>(out.columns().size());
        List<String> classes = pipeline.classes();
        Column probabilities = out.find(Signature.PROBABILITIES).orElse(null);
        for (Column c : out.columns()) {
            if (c.name().equals(Signature.LABEL)
                    && classes.size() == 2
                    && probabilities instanceof FloatColumn p
                    && p.width() == 2) {
                String[] names = new String[p.rows()];
                for (int r = 0; r < names.length; r++) {
                    names[r] = classes.get(p.get(r, 1) >= pipeline.threshold() ? 1 : 0);
                }
                columns.add(new StringColumn(Signature.LABEL, 1, names, c.nulls()));
            } else if (c.name().equals(Signature.LABEL) && c instanceof LongColumn label) {
                String[] names = new String[label.rows()];
                for (int r = 0; r < names.length; r++) {
                    long index = label.get(r);
                    if (index < 0 || index >= classes.size()) {
                        throw new IllegalStateException(
                                "the model predicted class index %d but has %d classes"
                                        .formatted(index, classes.size()));
                    }
                    names[r] = classes.get((int) index);
                }
                columns.add(new StringColumn(Signature.LABEL, 1, names, label.nulls()));
            } else {
                columns.add(c);
            }
        }
        return new Frame(out.rows(), columns);
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return "pipeline(" + pipeline.features().size() + " columns) -> " + model;
    }
}
