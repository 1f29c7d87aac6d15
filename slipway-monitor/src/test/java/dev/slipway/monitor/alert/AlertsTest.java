package dev.slipway.monitor.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.monitor.alert.AlertEvent.State;
import dev.slipway.store.MetadataStore;
import dev.slipway.store.StoreLocation;
import dev.slipway.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The notification state machine and the history, the same on SQLite and PostgreSQL. */
class AlertsTest {

    static final Instant DAY0 = Instant.parse("2026-11-22T00:00:00Z");
    static final String MODEL = "adult-income";
    static final AlertRules RULES =
            AlertRules.parse(
                    """
                    version: 1
                    rules:
                      - name: auc-low
                        model: adult-income
                        severity: critical
                        condition: {kind: metric, metric: auc, below: 0.8}
                      - name: errors
                        model: "*"
                        condition: {kind: error_rate, above: 0.01}
                    """,
                    "rules.yaml");

    @TempDir Path tmp;

    private final MutableClock clock = new MutableClock(DAY0.plus(Duration.ofMinutes(5)));
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private TestDatabase database(TestDatabase.Kind kind) {
        TestDatabase db = kind.create(tmp);
        toClose.add(db);
        return db;
    }

    private MetadataStore store(TestDatabase db) {
        MetadataStore store = MetadataStore.open(StoreLocation.parse(db.jdbcUrl(), tmp));
        toClose.add(store);
        return store;
    }

    private Alerts alerts(MetadataStore store) {
        Alerts alerts = new Alerts(store, RULES, clock);
        toClose.add(alerts);
        return alerts;
    }

    private Alerts alerts(TestDatabase.Kind kind) {
        return alerts(store(database(kind)));
    }

    static AlertWindow day(int n) {
        return new AlertWindow(DAY0.plus(Duration.ofDays(n)), DAY0.plus(Duration.ofDays(n + 1)));
    }

    /** Day {@code n}'s numbers: auc as given, error rate fine. */
    static Observations auc(int n, double auc) {
        return Observations.builder(MODEL, day(n)).metric("auc", auc, 500).errorRate(0.001).build();
    }

    /** Observes, one hour later than the last check. */
    private CheckResult check(Alerts alerts, Observations o) {
        clock.advance(Duration.ofHours(1));
        return alerts.check(o);
    }

    private static List<String> notified(CheckResult r) {
        return r.notifications().stream()
                .map(e -> e.rule() + " " + e.state().label() + " #" + e.sequence())
                .toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void check_startsFiring_notifiesOnceWithTheNumbers(TestDatabase.Kind kind) {
        Alerts alerts = alerts(kind);

        CheckResult r = check(alerts, auc(0, 0.74));

        assertThat(r.anyFiring()).isTrue();
        assertThat(r.firing()).extracting(x -> x.rule().name()).containsExactly("auc-low");
        assertThat(r.notifications()).hasSize(1);
        AlertEvent e = r.notifications().getFirst();
        assertThat(e.rule()).isEqualTo("auc-low");
        assertThat(e.model()).isEqualTo(MODEL);
        assertThat(e.sequence()).isEqualTo(1);
        assertThat(e.state()).isEqualTo(State.FIRING);
        assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(e.condition()).isEqualTo("metric auc below 0.8");
        assertThat(e.observed()).isEqualTo(0.74);
        assertThat(e.bound()).hasValue(0.8);
        assertThat(e.window()).isEqualTo(day(0));
        assertThat(e.time()).isEqualTo(clock.instant());
        assertThat(e.firingSince()).isEqualTo(clock.instant());
        assertThat(e.message())
                .isEqualTo(
                        "auc-low FIRING [critical] for model adult-income in window "
                                + day(0)
                                + ": realized auc 0.74 < 0.8 over 500 labelled row(s)");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void check_sameWindowManyTimesWhileFiring_notifiesOnce(TestDatabase.Kind kind) {
        Alerts alerts = alerts(kind);

        List<String> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.addAll(notified(check(alerts, auc(0, 0.7 + i * 0.01))));
        }

        assertThat(all).containsExactly("auc-low firing #1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void check_firingInEachNewWindow_notifiesOncePerWindowWithTheSameStart(TestDatabase.Kind kind) {
        Alerts alerts = alerts(kind);
        Instant start = clock.instant().plus(Duration.ofHours(1));

        List<AlertEvent> events = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            events.addAll(check(alerts, auc(day, 0.7)).notifications());
            events.addAll(check(alerts, auc(day, 0.7)).notifications());
        }

        assertThat(events).extracting(AlertEvent::window).containsExactly(day(0), day(1), day(2));
        assertThat(events).extracting(AlertEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(AlertEvent::state).containsOnly(State.FIRING);
        assertThat(events).extracting(AlertEvent::firingSince).containsOnly(start);
        assertThat(events.get(1).message()).contains("auc-low STILL FIRING since");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void check_stopsFiring_resolvesOnce(TestDatabase.Kind kind) {
        Alerts alerts = alerts(kind);
        Instant start = clock.instant().plus(Duration.ofHours(1));
        check(alerts, auc(0, 0.7));

        CheckResult resolved = check(alerts, auc(1, 0.9));
        CheckResult again = check(alerts, auc(1, 0.91));
        CheckResult later = check(alerts, auc(2, 0.9));

        assertThat(notified(resolved)).containsExactly("auc-low resolved #2");
        AlertEvent e = resolved.notifications().getFirst();
        assertThat(e.firingSince()).isEqualTo(start);
        assertThat(e.observed()).isEqualTo(0.9);
        assertThat(e.message()).startsWith("auc-low RESOLVED [critical]").contains("0.9 >= 0.8");
        assertThat(resolved.anyFiring()).isFalse();
        assertThat(again.notifications()).isEmpty();
        assertThat(later.notifications()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void check_firesAgainAfterResolve_startsOver(TestDatabase.Kind kind) {
        Alerts alerts = alerts(kind);
        check(alerts, auc(0, 0.7));
        check(alerts, auc(1, 0.9));

        CheckResult refired = check(alerts, auc(2, 0.7));

        assertThat(notified(refired)).containsExactly("auc-low firing #3");
        assertThat(refired.notifications().getFirst().firingSince()).isEqualTo(clock.instant());
        assertThat(refired.notifications().getFirst().message()).contains("auc-low FIRING");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void check_noDataWhileFiring_neitherResolvesNorRepeats(TestDatabase.Kind kind) {
        Alerts alerts = alerts(kind);
        check(alerts, auc(0, 0.7));

        CheckResult noData =
                check(alerts, Observations.builder(MODEL, day(1)).errorRate(0.001).build());
        CheckResult resolved = check(alerts, auc(2, 0.95));

        assertThat(noData.notifications()).isEmpty();
        assertThat(noData.results().getFirst().outcome()).isEqualTo(RuleResult.Outcome.NO_DATA);
        assertThat(noData.anyFiring()).isFalse();
        assertThat(notified(resolved)).containsExactly("auc-low resolved #2");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void check_olderWindowAfterNewer_changesNothing(TestDatabase.Kind kind) {
        Alerts alerts = alerts(kind);
        check(alerts, auc(5, 0.7));

        CheckResult backfillOk = check(alerts, auc(3, 0.95));
        CheckResult backfillFiring = check(alerts, auc(4, 0.6));

        assertThat(backfillOk.notifications()).isEmpty();
        assertThat(backfillFiring.notifications()).isEmpty();
        assertThat(notified(check(alerts, auc(6, 0.95)))).containsExactly("auc-low resolved #2");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void check_rulesPerModelAreIndependent(TestDatabase.Kind kind) {
        Alerts alerts = alerts(kind);
        Observations other = Observations.builder("house-prices", day(0)).errorRate(0.5).build();

        CheckResult adult =
                check(
                        alerts,
                        Observations.builder(MODEL, day(0))
                                .metric("auc", 0.9, 500)
                                .errorRate(0.5)
                                .build());
        CheckResult house = check(alerts, other);

        assertThat(notified(adult)).containsExactly("errors firing #1");
        assertThat(house.results()).extracting(x -> x.rule().name()).containsExactly("errors");
        assertThat(house.notifications())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.model()).isEqualTo("house-prices");
                            assertThat(e.sequence()).isEqualTo(1);
                        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void check_stateSurvivesReopeningTheStore(TestDatabase.Kind kind) {
        TestDatabase db = database(kind);
        try (MetadataStore first = MetadataStore.open(StoreLocation.parse(db.jdbcUrl(), tmp));
                Alerts before = new Alerts(first, RULES, clock)) {
            check(before, auc(0, 0.7));
        }

        Alerts after = alerts(store(db));
        CheckResult sameWindow = check(after, auc(0, 0.7));
        CheckResult nextWindow = check(after, auc(1, 0.7));

        assertThat(sameWindow.notifications()).isEmpty();
        assertThat(notified(nextWindow)).containsExactly("auc-low firing #2");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void history_afterChecks_returnsNotificationsNewestFirstWithDelivery(TestDatabase.Kind kind) {
        MetadataStore store = store(database(kind));
        Alerts alerts = alerts(store);
        AlertEvent fired = check(alerts, auc(0, 0.7)).notifications().getFirst();
        AlertEvent resolved = check(alerts, auc(1, 0.9)).notifications().getFirst();

        List<AlertRecord> history =
                new AlertHistory(store).query(Optional.empty(), Optional.empty(), 100);

        assertThat(history).extracting(AlertRecord::event).containsExactly(resolved, fired);
        assertThat(history)
                .extracting(AlertRecord::delivery)
                .containsOnly(
                        new Delivery(
                                Delivery.Status.NONE,
                                0,
                                "no webhook configured",
                                Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void history_byModelSinceAndLimit_filters(TestDatabase.Kind kind) {
        MetadataStore store = store(database(kind));
        Alerts alerts = alerts(store);
        check(alerts, auc(0, 0.7)); // auc-low #1 for adult-income
        Instant second = clock.instant().plus(Duration.ofHours(1));
        check(alerts, Observations.builder("house-prices", day(0)).errorRate(0.5).build());
        check(alerts, auc(1, 0.7)); // auc-low #2
        check(alerts, auc(2, 0.7)); // auc-low #3
        AlertHistory history = new AlertHistory(store);

        List<AlertRecord> adult = history.query(Optional.of(MODEL), Optional.empty(), 100);
        List<AlertRecord> recent = history.query(Optional.empty(), Optional.of(second), 100);
        List<AlertRecord> latestTwo = history.query(Optional.empty(), Optional.empty(), 2);

        assertThat(adult).extracting(a -> a.event().sequence()).containsExactly(3L, 2L, 1L);
        assertThat(recent)
                .extracting(a -> a.event().model() + " " + a.event().sequence())
                .containsExactly(MODEL + " 3", MODEL + " 2", "house-prices 1");
        assertThat(latestTwo).extracting(a -> a.event().sequence()).containsExactly(3L, 2L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void history_columnDriftVerdict_keepsAbsentBound(TestDatabase.Kind kind) {
        MetadataStore store = store(database(kind));
        AlertRules rules =
                new AlertRules(
                        List.of(
                                AlertRule.of(
                                        "age-drift",
                                        Optional.empty(),
                                        new Condition.ColumnDrift("age", OptionalDouble.empty()),
                                        Severity.WARNING)),
                        Optional.empty());
        try (Alerts alerts = new Alerts(store, rules, clock)) {
            check(
                    alerts,
                    Observations.builder(MODEL, day(0)).columnDrift("age", true, 0.4).build());
        }

        AlertEvent e =
                new AlertHistory(store)
                        .query(Optional.empty(), Optional.empty(), 1)
                        .getFirst()
                        .event();

        assertThat(e.bound()).isEmpty();
        assertThat(e.observed()).isEqualTo(0.4);
        assertThat(e.condition()).isEqualTo("column age drifted");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void check_twoProcessesCheckingTheSameWindowAtOnce_notifyOnceBetweenThem(TestDatabase.Kind kind)
            throws Exception {
        TestDatabase db = database(kind);
        Alerts first = alerts(store(db));
        Alerts second = alerts(store(db));
        check(first, auc(0, 0.9)); // the state exists, not firing
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (Alerts a : List.of(first, second)) {
                counts.add(
                        pool.submit(
                                () -> {
                                    go.await();
                                    int n = 0;
                                    for (int i = 0; i < 10; i++) {
                                        n += a.check(auc(1, 0.7)).notifications().size();
                                    }
                                    return n;
                                }));
            }
            go.countDown();

            int total = 0;
            for (Future<Integer> f : counts) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void check_afterClose_refused(TestDatabase.Kind kind) {
        Alerts alerts = alerts(kind);
        alerts.close();

        assertThatThrownBy(() -> alerts.check(auc(0, 0.7)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void history_limitOutOfRange_refusedNamingOption(TestDatabase.Kind kind) {
        AlertHistory history = new AlertHistory(store(database(kind)));

        assertThatThrownBy(() -> history.query(Optional.empty(), Optional.empty(), 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("between 1 and 10000, not 0");
    }
}
