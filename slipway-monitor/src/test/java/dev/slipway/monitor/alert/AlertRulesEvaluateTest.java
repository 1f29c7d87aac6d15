package dev.slipway.monitor.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.monitor.alert.Condition.MetricBound.Direction;
import dev.slipway.monitor.alert.RuleResult.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AlertRulesEvaluateTest {

    static final AlertWindow WINDOW =
            new AlertWindow(
                    Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));

    private static Observations.Builder observed() {
        return Observations.builder("adult-income", WINDOW);
    }

    private static RuleResult evaluate(Condition condition, Observations o) {
        AlertRule rule =
                AlertRule.of("r", Optional.of("adult-income"), condition, Severity.CRITICAL);
        List<RuleResult> results = new AlertRules(List.of(rule), Optional.empty()).evaluate(o);
        assertThat(results).hasSize(1);
        return results.getFirst();
    }

    @Test
    void datasetDrift_shareAtBound_fires() {
        RuleResult r =
                evaluate(
                        new Condition.DatasetDrift(0.5), observed().datasetDriftShare(0.5).build());

        assertThat(r.outcome()).isEqualTo(Outcome.FIRING);
        assertThat(r.observed()).hasValue(0.5);
        assertThat(r.bound()).hasValue(0.5);
        assertThat(r.message())
                .isEqualTo(
                        "r FIRING [critical] for model adult-income in window"
                                + " 2026-11-22T00:00:00Z..2026-11-23T00:00:00Z:"
                                + " dataset drift share 0.5 >= 0.5");
    }

    @Test
    void datasetDrift_shareBelowBound_ok() {
        RuleResult r =
                evaluate(
                        new Condition.DatasetDrift(0.5),
                        observed().datasetDriftShare(0.25).build());

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.detail()).isEqualTo("dataset drift share 0.25 < 0.5");
    }

    @Test
    void datasetDrift_notMeasured_noData() {
        RuleResult r = evaluate(new Condition.DatasetDrift(0.5), observed().build());

        assertThat(r.outcome()).isEqualTo(Outcome.NO_DATA);
        assertThat(r.firing()).isFalse();
        assertThat(r.observed()).isEmpty();
        assertThat(r.message()).contains("no data").contains("no dataset drift share");
    }

    @Test
    void columnDrift_verdictDrifted_firesWithScoreAndNoBound() {
        Condition c = new Condition.ColumnDrift("age", OptionalDouble.empty());

        RuleResult r = evaluate(c, observed().columnDrift("age", true, 0.31).build());

        assertThat(r.outcome()).isEqualTo(Outcome.FIRING);
        assertThat(r.observed()).hasValue(0.31);
        assertThat(r.bound()).isEmpty();
        assertThat(r.detail()).isEqualTo("column age drifted (drift score 0.31)");
    }

    @Test
    void columnDrift_verdictNotDrifted_ok() {
        Condition c = new Condition.ColumnDrift("age", OptionalDouble.empty());

        RuleResult r = evaluate(c, observed().columnDrift("age", false, 0.02).build());

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void columnDrift_scoreAtBound_firesWhateverTheVerdict() {
        Condition c = new Condition.ColumnDrift("age", OptionalDouble.of(0.2));

        RuleResult r = evaluate(c, observed().columnDrift("age", false, 0.2).build());

        assertThat(r.outcome()).isEqualTo(Outcome.FIRING);
        assertThat(r.bound()).hasValue(0.2);
    }

    @Test
    void columnDrift_scoreBelowBound_okWhateverTheVerdict() {
        Condition c = new Condition.ColumnDrift("age", OptionalDouble.of(0.2));

        RuleResult r = evaluate(c, observed().columnDrift("age", true, 0.19).build());

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void columnDrift_otherColumnMeasured_noDataNamingColumn() {
        Condition c = new Condition.ColumnDrift("age", OptionalDouble.empty());

        RuleResult r = evaluate(c, observed().columnDrift("income", true, 0.5).build());

        assertThat(r.outcome()).isEqualTo(Outcome.NO_DATA);
        assertThat(r.detail()).isEqualTo("no drift result was measured for column age");
    }

    @Test
    void metricBelow_scoreUnderBound_fires() {
        Condition c = new Condition.MetricBound("auc", Direction.BELOW, 0.8, 100);

        RuleResult r = evaluate(c, observed().metric("auc", 0.74, 1200).build());

        assertThat(r.outcome()).isEqualTo(Outcome.FIRING);
        assertThat(r.detail()).isEqualTo("realized auc 0.74 < 0.8 over 1200 labelled row(s)");
    }

    @Test
    void metricBelow_scoreAtBound_ok() {
        Condition c = new Condition.MetricBound("accuracy", Direction.BELOW, 0.8, 1);

        RuleResult r = evaluate(c, observed().metric("accuracy", 0.8, 10).build());

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void metricAbove_errorOverBound_fires() {
        Condition c = new Condition.MetricBound("rmse", Direction.ABOVE, 3.5, 1);

        RuleResult r = evaluate(c, observed().metric("rmse", 4.25, 50).build());

        assertThat(r.outcome()).isEqualTo(Outcome.FIRING);
        assertThat(r.observed()).hasValue(4.25);
        assertThat(r.bound()).hasValue(3.5);
    }

    @Test
    void metricAbove_errorAtBound_ok() {
        Condition c = new Condition.MetricBound("rmse", Direction.ABOVE, 3.5, 1);

        RuleResult r = evaluate(c, observed().metric("rmse", 3.5, 50).build());

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void metric_tooFewLabelledRows_noDataSayingHowMany() {
        Condition c = new Condition.MetricBound("auc", Direction.BELOW, 0.8, 100);

        RuleResult r = evaluate(c, observed().metric("auc", 0.5, 12).build());

        assertThat(r.outcome()).isEqualTo(Outcome.NO_DATA);
        assertThat(r.detail()).contains("12 labelled row(s)").contains("the 100 the rule needs");
    }

    @Test
    void metric_notANumber_noData() {
        Condition c = new Condition.MetricBound("auc", Direction.BELOW, 0.8, 1);

        RuleResult r = evaluate(c, observed().metric("auc", Double.NaN, 30).build());

        assertThat(r.outcome()).isEqualTo(Outcome.NO_DATA);
        assertThat(r.detail()).contains("could not be computed");
    }

    @Test
    void metric_notMeasured_noData() {
        Condition c = new Condition.MetricBound("auc", Direction.BELOW, 0.8, 1);

        RuleResult r = evaluate(c, observed().metric("accuracy", 0.5, 30).build());

        assertThat(r.outcome()).isEqualTo(Outcome.NO_DATA);
        assertThat(r.detail()).isEqualTo("no realized auc was measured");
    }

    @Test
    void nullRate_overBound_fires() {
        RuleResult r =
                evaluate(
                        new Condition.NullRate("age", 0.05),
                        observed().nullRate("age", 0.1).build());

        assertThat(r.outcome()).isEqualTo(Outcome.FIRING);
        assertThat(r.detail()).isEqualTo("column age null rate 0.1 > 0.05");
    }

    @Test
    void nullRate_atBound_ok() {
        RuleResult r =
                evaluate(
                        new Condition.NullRate("age", 0.05),
                        observed().nullRate("age", 0.05).build());

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.detail()).isEqualTo("column age null rate 0.05 <= 0.05");
    }

    @Test
    void nullRate_columnNotMeasured_noData() {
        RuleResult r =
                evaluate(
                        new Condition.NullRate("age", 0.05),
                        observed().nullRate("income", 0.5).build());

        assertThat(r.outcome()).isEqualTo(Outcome.NO_DATA);
    }

    @Test
    void errorRate_overBound_fires() {
        RuleResult r = evaluate(new Condition.ErrorRate(0.01), observed().errorRate(0.02).build());

        assertThat(r.outcome()).isEqualTo(Outcome.FIRING);
    }

    @Test
    void errorRate_atBound_ok() {
        RuleResult r = evaluate(new Condition.ErrorRate(0.01), observed().errorRate(0.01).build());

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void errorRate_notMeasured_noData() {
        RuleResult r = evaluate(new Condition.ErrorRate(0.01), observed().build());

        assertThat(r.outcome()).isEqualTo(Outcome.NO_DATA);
    }

    @Test
    void latency_overBound_fires() {
        RuleResult r =
                evaluate(new Condition.LatencyP99(250), observed().latencyP99Millis(312.5).build());

        assertThat(r.outcome()).isEqualTo(Outcome.FIRING);
        assertThat(r.detail()).isEqualTo("p99 latency (ms) 312.5 > 250");
    }

    @Test
    void latency_atBound_ok() {
        RuleResult r =
                evaluate(new Condition.LatencyP99(250), observed().latencyP99Millis(250).build());

        assertThat(r.outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void latency_notMeasured_noData() {
        RuleResult r = evaluate(new Condition.LatencyP99(250), observed().build());

        assertThat(r.outcome()).isEqualTo(Outcome.NO_DATA);
    }

    @Test
    void evaluate_rulesForOtherModels_leftOut() {
        AlertRules rules =
                new AlertRules(
                        List.of(
                                AlertRule.of(
                                        "mine",
                                        Optional.of("adult-income"),
                                        new Condition.ErrorRate(0.1),
                                        Severity.WARNING),
                                AlertRule.of(
                                        "theirs",
                                        Optional.of("house-prices"),
                                        new Condition.ErrorRate(0.1),
                                        Severity.WARNING),
                                AlertRule.of(
                                        "everyone",
                                        Optional.empty(),
                                        new Condition.ErrorRate(0.1),
                                        Severity.WARNING)),
                        Optional.empty());

        List<RuleResult> results = rules.evaluate(observed().errorRate(0.5).build());

        assertThat(results).extracting(r -> r.rule().name()).containsExactly("mine", "everyone");
    }

    @Test
    void observations_shareOutsideZeroToOne_refused() {
        assertThatThrownBy(() -> observed().datasetDriftShare(1.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataset drift share")
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> observed().nullRate("age", -0.1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null rate of column age");
    }

    @Test
    void window_endNotAfterStart_refused() {
        Instant t = Instant.parse("2026-11-22T00:00:00Z");

        assertThatThrownBy(() -> new AlertWindow(t, t))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must end after it starts");
    }

    @Test
    void numbers_inTurkishLocale_useDotsAndFourDigits() {
        assertThat(Numbers.format(0.123456)).isEqualTo("0.1235");
        assertThat(Numbers.format(25000)).isEqualTo("25000");
        assertThat(Numbers.format(1e-5)).isEqualTo("0.00001");
    }
}
