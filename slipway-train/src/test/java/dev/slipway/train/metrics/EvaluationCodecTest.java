package dev.slipway.train.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.CorruptDataException;
import dev.slipway.api.IncompatibleFormatException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationCodecTest {

    private static final String WHERE = "evaluation of run 7";

    /**
     * Version 1 documents as the format's first release wrote them; later releases must read them.
     */
    private static final String GOLDEN_BINARY_V1 =
            """
            {"format":"slipway.evaluation","version":1,"task":"binary","rows":2,\
            "classes":["no","yes"],"threshold":0.5,"metrics":{"auc":"NaN",\
            "log_loss":0.8573992140459634,"accuracy":0.5,"precision":1.0,"recall":0.5,\
            "f1":0.6666666666666666},"confusion":[[0,0],[1,1]],"calibration":[\
            {"lower":0.2,"upper":0.30000000000000004,"mean_predicted":0.3,"fraction_positive":1.0,"count":1},\
            {"lower":0.5,"upper":0.6000000000000001,"mean_predicted":0.6,"fraction_positive":1.0,"count":1}]}""";

    private static final String GOLDEN_MULTICLASS_V1 =
            """
            {"format":"slipway.evaluation","version":1,"task":"multiclass","rows":3,\
            "classes":["setosa","versicolor","virginica"],"metrics":{"accuracy":0.6666666666666666,\
            "macro_f1":0.5555555555555555,"weighted_f1":0.5555555555555555,\
            "log_loss":0.6904911240102197},"confusion":[[1,0,0],[0,1,0],[1,0,0]],"per_class":[\
            {"name":"setosa","precision":0.5,"recall":1.0,"f1":0.6666666666666666,"support":1},\
            {"name":"versicolor","precision":1.0,"recall":1.0,"f1":1.0,"support":1},\
            {"name":"virginica","precision":0.0,"recall":0.0,"f1":0.0,"support":1}]}""";

    private static final String GOLDEN_REGRESSION_V1 =
            """
            {"format":"slipway.evaluation","version":1,"task":"regression","rows":4,\
            "metrics":{"rmse":0.6123724356957945,"mae":0.5,"r2":0.9486081370449679,\
            "mape":0.3273809523809524}}""";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Evaluation roundTrip(Evaluation e) {
        return EvaluationCodec.fromJson(EvaluationCodec.toJson(e), WHERE);
    }

    @Test
    void roundTrip_binary_isEqual() {
        BinaryEvaluation e =
                Evaluations.binary(
                        new int[] {0, 1, 0, 1, 1},
                        new double[] {0.9, 0.8, 0.7, 0.2, 1.0},
                        0.35,
                        List.of("<=50K", ">50K"));

        assertThat(roundTrip(e)).isEqualTo(e);
    }

    @Test
    void roundTrip_binaryWithUndefinedAuc_keepsNaN() {
        BinaryEvaluation e =
                Evaluations.binary(new int[] {1, 1}, new double[] {0.3, 0.6}, List.of("no", "yes"));

        assertThat(((BinaryEvaluation) roundTrip(e)).auc()).isNaN();
        assertThat(roundTrip(e)).isEqualTo(e);
    }

    @Test
    void roundTrip_multiclass_isEqual() {
        MulticlassEvaluation e =
                Evaluations.multiclass(
                        new int[] {1, 0, 2, 2},
                        new double[][] {
                            {0.2, 0.7, 0.1}, {0.6, 0.2, 0.2}, {0.6, 0.1, 0.3}, {0, 0, 1}
                        },
                        List.of("setosa", "versicolor", "virginica"));

        assertThat(roundTrip(e)).isEqualTo(e);
    }

    @Test
    void roundTrip_regression_isEqual() {
        RegressionEvaluation e =
                Evaluations.regression(new double[] {3, -0.5, 2, 7}, new double[] {2.5, 0, 2, 8});

        assertThat(roundTrip(e)).isEqualTo(e);
    }

    @Test
    void roundTrip_regressionOfOneRow_keepsNaN() {
        RegressionEvaluation e = Evaluations.regression(new double[] {3}, new double[] {2.5});

        assertThat(roundTrip(e)).isEqualTo(e);
    }

    @Test
    void fromJson_goldenBinaryV1_readsEveryField() {
        BinaryEvaluation e =
                (BinaryEvaluation) EvaluationCodec.fromJson(utf8(GOLDEN_BINARY_V1), WHERE);

        assertThat(e.rows()).isEqualTo(2);
        assertThat(e.classes()).containsExactly("no", "yes");
        assertThat(e.threshold()).isEqualTo(0.5);
        assertThat(e.auc()).isNaN();
        assertThat(e.logLoss()).isEqualTo(0.8573992140459634);
        assertThat(e.precision()).isEqualTo(1.0);
        assertThat(e.recall()).isEqualTo(0.5);
        assertThat(e.f1()).isEqualTo(0.6666666666666666);
        assertThat(e.falseNegatives()).isEqualTo(1);
        assertThat(e.truePositives()).isEqualTo(1);
        assertThat(e.calibration())
                .containsExactly(
                        new CalibrationBin(0.2, 0.30000000000000004, 0.3, 1.0, 1),
                        new CalibrationBin(0.5, 0.6000000000000001, 0.6, 1.0, 1));
    }

    @Test
    void fromJson_goldenMulticlassV1_readsEveryField() {
        MulticlassEvaluation e =
                (MulticlassEvaluation) EvaluationCodec.fromJson(utf8(GOLDEN_MULTICLASS_V1), WHERE);

        assertThat(e.classes()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(e.accuracy()).isEqualTo(0.6666666666666666);
        assertThat(e.macroF1()).isEqualTo(0.5555555555555555);
        assertThat(e.logLoss()).isEqualTo(0.6904911240102197);
        assertThat(e.confusion().count(2, 0)).isEqualTo(1);
        assertThat(e.perClass().get(0))
                .isEqualTo(new ClassReport("setosa", 0.5, 1.0, 0.6666666666666666, 1));
    }

    @Test
    void fromJson_goldenRegressionV1_readsEveryField() {
        RegressionEvaluation e =
                (RegressionEvaluation) EvaluationCodec.fromJson(utf8(GOLDEN_REGRESSION_V1), WHERE);

        assertThat(e)
                .isEqualTo(
                        new RegressionEvaluation(
                                4,
                                0.6123724356957945,
                                0.5,
                                0.9486081370449679,
                                0.3273809523809524));
    }

    @Test
    void toJson_goldenDocuments_areWrittenBackByteForByte() {
        for (String golden :
                List.of(GOLDEN_BINARY_V1, GOLDEN_MULTICLASS_V1, GOLDEN_REGRESSION_V1)) {
            Evaluation e = EvaluationCodec.fromJson(utf8(golden), WHERE);

            assertThat(new String(EvaluationCodec.toJson(e), StandardCharsets.UTF_8))
                    .isEqualTo(golden);
        }
    }

    @Test
    void fromJson_newerVersion_isRefusedNamingBothVersions() {
        String newer = GOLDEN_REGRESSION_V1.replace("\"version\":1", "\"version\":2");

        assertThatThrownBy(() -> EvaluationCodec.fromJson(utf8(newer), WHERE))
                .isInstanceOfSatisfying(
                        IncompatibleFormatException.class,
                        e -> {
                            assertThat(e.found()).isEqualTo(2);
                            assertThat(e.supported()).isEqualTo(1);
                            assertThat(e.format()).isEqualTo("slipway.evaluation");
                        })
                .hasMessageContaining("version 2")
                .hasMessageContaining("up to 1")
                .hasMessageContaining(WHERE);
    }

    @Test
    void fromJson_notJson_isCorrupt() {
        assertThatThrownBy(() -> EvaluationCodec.fromJson(utf8("{\"format\":"), WHERE))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining(WHERE)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void fromJson_otherFormat_isCorrupt() {
        String other = GOLDEN_REGRESSION_V1.replace("slipway.evaluation", "slipway.profile");

        assertThatThrownBy(() -> EvaluationCodec.fromJson(utf8(other), WHERE))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("\"format\" is not \"slipway.evaluation\"");
    }

    @Test
    void fromJson_missingMetric_isCorruptNamingIt() {
        String missing = GOLDEN_REGRESSION_V1.replace("\"mae\":0.5,", "");

        assertThatThrownBy(() -> EvaluationCodec.fromJson(utf8(missing), WHERE))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("metrics.mae is missing");
    }

    @Test
    void fromJson_unknownTask_isCorrupt() {
        String unknown = GOLDEN_REGRESSION_V1.replace("\"regression\"", "\"ranking\"");

        assertThatThrownBy(() -> EvaluationCodec.fromJson(utf8(unknown), WHERE))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("\"ranking\"");
    }

    @Test
    void fromJson_inconsistentCounts_isCorrupt() {
        String wrong = GOLDEN_BINARY_V1.replace("\"rows\":2", "\"rows\":3");

        assertThatThrownBy(() -> EvaluationCodec.fromJson(utf8(wrong), WHERE))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining(WHERE);
    }
}
