package dev.slipway.formats.pipeline;

import dev.slipway.api.model.Column;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FeatureColumn;
import dev.slipway.api.model.FeaturePipeline;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LoadOptions;
import dev.slipway.api.model.Predictor;
import dev.slipway.api.model.StringColumn;
import dev.slipway.api.model.UnseenCategoryPolicy;
import dev.slipway.formats.xgboost.XGBoostFormat;
import dev.slipway.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The Titanic passengers as raw records, a feature pipeline over five of their columns, and an
 * XGBoost model trained by XGBoost4J on the pipeline's features: the pieces of a trained model.
 */
final class Titanic {

    static final List<String> COLUMNS = List.of("Pclass", "Sex", "Age", "Fare", "Embarked");

    final Frame records;
    final float[] labels;
    final FeaturePipeline pipeline;
    final byte[] modelJson;
    final Booster booster;

    private Titanic(Frame records, float[] labels, UnseenCategoryPolicy unseen) {
        this.records = records;
        this.labels = labels;
        this.pipeline =
                new FeaturePipeline(
                        List.of(
                                new FeatureColumn.Numeric("Pclass"),
                                new FeatureColumn.OneHot("Sex", List.of("female", "male")),
                                new FeatureColumn.Numeric("Age"),
                                new FeatureColumn.Numeric("Fare"),
                                new FeatureColumn.OneHot("Embarked", List.of("C", "Q", "S"))),
                        unseen,
                        "Survived",
                        List.of("died", "survived"));
        try {
            float[] matrix = FeaturePipelines.encodeRows(pipeline, records);
            DMatrix d = new DMatrix(matrix, records.rows(), pipeline.featureCount(), Float.NaN);
            d.setLabel(labels);
            Map<String, Object> params = new HashMap<>();
            params.put("objective", "binary:logistic");
            params.put("max_depth", 4);
            params.put("eta", 0.3);
            params.put("nthread", 1);
            params.put("seed", 1);
            params.put("verbosity", 0);
            this.booster = XGBoost.train(d, params, 30, Map.of(), null, null);
            d.dispose();
            this.modelJson = booster.toByteArray("json");
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        }
    }

    static Titanic load(UnseenCategoryPolicy unseen) {
        List<String> lines;
        try {
            lines = Files.readAllLines(SharedData.dataset("titanic_train.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = split(lines.getFirst());
        int n = lines.size() - 1;
        double[] pclass = new double[n];
        String[] sex = new String[n];
        double[] age = new double[n];
        double[] fare = new double[n];
        String[] embarked = new String[n];
        float[] survived = new float[n];
        BitSet ageNulls = new BitSet();
        for (int i = 0; i < n; i++) {
            List<String> f = split(lines.get(i + 1));
            pclass[i] = Double.parseDouble(f.get(header.indexOf("Pclass")));
            sex[i] = f.get(header.indexOf("Sex"));
            String a = f.get(header.indexOf("Age"));
            if (a.isEmpty()) {
                ageNulls.set(i);
                age[i] = Double.NaN;
            } else {
                age[i] = Double.parseDouble(a);
            }
            fare[i] = Double.parseDouble(f.get(header.indexOf("Fare")));
            String e = f.get(header.indexOf("Embarked"));
            embarked[i] = e.isEmpty() ? null : e;
            survived[i] = Float.parseFloat(f.get(header.indexOf("Survived")));
        }
        Frame records =
                Frame.of(
                        DoubleColumn.of("Pclass", pclass),
                        StringColumn.of("Sex", sex),
                        new DoubleColumn("Age", 1, age, ageNulls),
                        DoubleColumn.of("Fare", fare),
                        StringColumn.ofNullable("Embarked", embarked));
        return new Titanic(records, survived, unseen);
    }

    /** The model through the pipeline, as the registry loads a trained model. */
    Predictor predictor() {
        return FeaturePipelines.wrap(pipeline, raw());
    }

    /** The model alone, taking the pipeline's features. */
    Predictor raw() {
        return new XGBoostFormat()
                .load(modelJson, "titanic.json", new LoadOptions(pipeline.featureNames()));
    }

    /** XGBoost4J's probabilities for {@code frame}'s records, through the same encoding. */
    float[] xgboost4j(Frame frame) throws XGBoostError {
        float[] matrix = FeaturePipelines.encodeRows(pipeline, frame);
        DMatrix d = new DMatrix(matrix, frame.rows(), pipeline.featureCount(), Float.NaN);
        try {
            float[][] p = booster.predict(d);
            float[] out = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                out[i] = p[i][0];
            }
            return out;
        } finally {
            d.dispose();
        }
    }

    /** A column of one row's value, for building single-record frames. */
    static Column row(Column c, int r) {
        return switch (c) {
            case DoubleColumn d -> {
                BitSet nulls = new BitSet();
                if (d.isNull(r)) {
                    nulls.set(0);
                }
                yield new DoubleColumn(d.name(), 1, new double[] {d.get(r)}, nulls);
            }
            case StringColumn s -> StringColumn.ofNullable(s.name(), s.isNull(r) ? null : s.get(r));
            default -> throw new IllegalArgumentException(c.name());
        };
    }

    /** Splits one CSV line with double-quoted fields. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString());
        return out;
    }
}
