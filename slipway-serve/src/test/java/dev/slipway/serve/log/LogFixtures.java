package dev.slipway.serve.log;

import dev.slipway.api.model.ColumnSpec;
import dev.slipway.api.model.DType;
import dev.slipway.api.model.DoubleColumn;
import dev.slipway.api.model.FloatColumn;
import dev.slipway.api.model.Frame;
import dev.slipway.api.model.LongColumn;
import dev.slipway.api.model.Signature;
import dev.slipway.api.model.StringColumn;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entries of a classifier-like signature, and reading a log back with DuckDB. */
final class LogFixtures {

    /** Inputs age, workclass, hours, flags (2 wide); outputs label and labelled probabilities. */
    static final Signature CLASSIFIER =
            new Signature(
                    List.of(
                            ColumnSpec.scalar("age", DType.INT64),
                            ColumnSpec.scalar("workclass", DType.STRING),
                            ColumnSpec.scalar("hours", DType.FP64),
                            new ColumnSpec("flags", DType.FP32, 2, List.of())),
                    List.of(
                            ColumnSpec.scalar("label", DType.STRING),
                            new ColumnSpec(
                                    "probabilities", DType.FP32, 2, List.of("<=50K", ">50K"))));

    /** A regressor taking one number. */
    static final Signature REGRESSOR_V1 =
            new Signature(
                    List.of(ColumnSpec.scalar("x", DType.FP64)),
                    List.of(ColumnSpec.scalar("prediction", DType.FP64)));

    /** The regressor's next version, which also takes a string. */
    static final Signature REGRESSOR_V2 =
            new Signature(
                    List.of(
                            ColumnSpec.scalar("x", DType.FP64),
                            ColumnSpec.scalar("city", DType.STRING)),
                    List.of(ColumnSpec.scalar("prediction", DType.FP64)));

    private LogFixtures() {}

    /**
     * Two classifier rows: row 0 complete; row 1 with a missing age, workclass and flags row, and a
     * NaN hours value.
     */
    static LoggedPrediction classified(String requestId, String model, Instant time) {
        BitSet missing = new BitSet();
        missing.set(1);
        Frame inputs =
                Frame.of(
                        new LongColumn("age", 1, new long[] {39, 0}, missing),
                        StringColumn.ofNullable("workclass", "State-gov", null),
                        DoubleColumn.of("hours", 40.5, Double.NaN),
                        new FloatColumn("flags", 2, new float[] {1f, 0.5f, 0f, 0f}, missing));
        Frame outputs =
                Frame.of(
                        StringColumn.of("label", "<=50K", ">50K"),
                        new FloatColumn(
                                "probabilities",
                                2,
                                new float[] {0.75f, 0.25f, 0.125f, 0.875f},
                                new BitSet()));
        return new LoggedPrediction(
                time, requestId, model, 3, "v2-rest", 1234, inputs, outputs, CLASSIFIER);
    }

    /** A regressor entry of {@code rows} rows with x = 0, 1, ... */
    static LoggedPrediction regressed(String requestId, String model, Instant time, int rows) {
        double[] x = new double[rows];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = i;
            y[i] = 2.0 * i;
        }
        return new LoggedPrediction(
                time,
                requestId,
                model,
                1,
                "grpc",
                10,
                Frame.of(DoubleColumn.of("x", x)),
                Frame.of(DoubleColumn.of("prediction", y)),
                REGRESSOR_V1);
    }

    /** The rows of {@code sql}, each as column name to JDBC value, in order. */
    static List<Map<String, Object>> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData md = r.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = r.getObject(i);
                    row.put(
                            md.getColumnName(i),
                            v instanceof java.sql.Array a
                                    ? Arrays.asList((Object[]) a.getArray())
                                    : v);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Column name to DuckDB type of the log of {@code model}. */
    static Map<String, String> types(Path dir, String model) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> row :
                query("DESCRIBE SELECT * FROM " + PredictionLog.scanSql(dir, model))) {
            types.put((String) row.get("column_name"), (String) row.get("column_type"));
        }
        return types;
    }
}
