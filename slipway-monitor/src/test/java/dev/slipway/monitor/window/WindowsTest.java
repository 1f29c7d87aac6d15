package dev.slipway.monitor.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.slipway.api.InvalidInputException;
import dev.slipway.data.DataLimits;
import dev.slipway.monitor.log.DataColumn;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.MonitorSession;
import dev.slipway.monitor.log.PredictionTable;
import dev.slipway.store.SlipwayHome;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowsTest {

    @TempDir Path dir;
    private SlipwayHome home;
    private MonitorSession session;

    @BeforeEach
    void open() {
        home = SlipwayHome.open(dir);
        session = MonitorSession.open(home, new DataLimits(128, 1));
    }

    @AfterEach
    void close() {
        session.close();
        home.close();
    }

    @Test
    void split_hours_countRowsAndKeepEmptyWindows() {
        PredictionTable data =
                table(
                        "2024-03-05T10:05:00Z",
                        "2024-03-05T10:59:59.999999Z",
                        "2024-03-05T11:00:00Z",
                        "2024-03-05T13:30:00Z");

        WindowSet set = Windows.split(session, data, WindowSpec.parse("1h"));

        assertThat(set.windows())
                .extracting(w -> w.start().toString(), Window::rows)
                .containsExactly(
                        tuple("2024-03-05T10:00:00Z", 2L),
                        tuple("2024-03-05T11:00:00Z", 1L),
                        tuple("2024-03-05T12:00:00Z", 0L),
                        tuple("2024-03-05T13:00:00Z", 1L));
        assertThat(set.windows().get(0).end()).isEqualTo(Instant.parse("2024-03-05T11:00:00Z"));
        assertThat(set.relation()).isEqualTo(data.relation());
    }

    @Test
    void split_whereClauses_selectExactlyTheCountedRows() throws SQLException {
        PredictionTable data =
                table(
                        "2024-03-05T10:05:00Z",
                        "2024-03-05T10:59:59.999999Z",
                        "2024-03-05T11:00:00Z",
                        "2024-03-06T13:30:00Z",
                        "2024-03-09T00:00:00Z");

        for (String spec : List.of("30m", "1h", "1d", "7d", "1mo", "2rows")) {
            WindowSet set = Windows.split(session, data, WindowSpec.parse(spec));

            long total = 0;
            for (Window w : set.windows()) {
                long selected =
                        session.count(
                                "(SELECT * FROM %s WHERE %s)".formatted(set.relation(), w.where()));
                assertThat(selected).as("%s window %d", spec, w.index()).isEqualTo(w.rows());
                total += selected;
            }
            assertThat(total).as(spec).isEqualTo(5);
        }
    }

    @Test
    void split_months_followCalendarMonthsInUtc() {
        // 2024-02-01T02:00Z is still January 31 in the JVM's test time zone (America/St_Johns)
        PredictionTable data =
                table(
                        "2024-01-31T23:59:59Z",
                        "2024-02-01T02:00:00Z",
                        "2024-02-29T12:00:00Z",
                        "2024-03-31T23:00:00Z");

        WindowSet set = Windows.split(session, data, WindowSpec.parse("1mo"));

        assertThat(set.windows()).extracting(Window::rows).containsExactly(1L, 2L, 1L);
        assertThat(set.windows())
                .extracting(w -> w.start() + "/" + w.end())
                .containsExactly(
                        "2024-01-01T00:00:00Z/2024-02-01T00:00:00Z",
                        "2024-02-01T00:00:00Z/2024-03-01T00:00:00Z",
                        "2024-03-01T00:00:00Z/2024-04-01T00:00:00Z");
    }

    @Test
    void split_twoMonths_stepFromTheFirstMonth() {
        PredictionTable data = table("2023-11-15T00:00:00Z", "2024-01-02T00:00:00Z");

        WindowSet set = Windows.split(session, data, WindowSpec.parse("2mo"));

        assertThat(set.windows())
                .extracting(w -> w.start() + "/" + w.end() + "=" + w.rows())
                .containsExactly(
                        "2023-11-01T00:00:00Z/2024-01-01T00:00:00Z=1",
                        "2024-01-01T00:00:00Z/2024-03-01T00:00:00Z=1");
    }

    @Test
    void split_sevenDays_startAtMidnightOfTheFirstDay() {
        PredictionTable data = table("2024-01-03T15:00:00Z", "2024-01-10T00:00:00Z");

        WindowSet set = Windows.split(session, data, WindowSpec.parse("7d"));

        assertThat(set.windows())
                .extracting(w -> w.start() + "/" + w.end() + "=" + w.rows())
                .containsExactly(
                        "2024-01-03T00:00:00Z/2024-01-10T00:00:00Z=1",
                        "2024-01-10T00:00:00Z/2024-01-17T00:00:00Z=1");
    }

    @Test
    void split_rows_followRowOrderWithTheLastWindowShorter() throws SQLException {
        // listed out of time order: the row order is by time
        PredictionTable data =
                table(
                        "2024-01-01T05:00:00Z",
                        "2024-01-01T01:00:00Z",
                        "2024-01-01T04:00:00Z",
                        "2024-01-01T02:00:00Z",
                        "2024-01-01T03:00:00Z");

        WindowSet set = Windows.split(session, data, WindowSpec.parse("2rows"));

        assertThat(set.windows())
                .extracting(w -> w.start() + "/" + w.end() + "=" + w.rows())
                .containsExactly(
                        "2024-01-01T01:00:00Z/2024-01-01T02:00:00Z=2",
                        "2024-01-01T03:00:00Z/2024-01-01T04:00:00Z=2",
                        "2024-01-01T05:00:00Z/2024-01-01T05:00:00Z=1");
        assertThat(values(set, set.windows().get(1))).containsExactly(3, 4);
    }

    @Test
    void split_noRows_givesNoWindows() {
        PredictionTable data = table("2024-01-01T00:00:00Z");
        PredictionTable none =
                new PredictionTable(
                        "nothing",
                        "(SELECT * FROM %s WHERE false)".formatted(data.relation()),
                        data.timeColumn(),
                        data.orderColumns(),
                        data.columns(),
                        data.inputs(),
                        data.outputs());

        assertThat(Windows.split(session, none, WindowSpec.parse("1d")).windows()).isEmpty();
        assertThat(Windows.split(session, none, WindowSpec.parse("10rows")).windows()).isEmpty();
    }

    @Test
    void split_minutesOverYears_isRefusedNamingTheSpan() {
        PredictionTable data = table("2020-01-01T00:00:00Z", "2024-01-01T00:00:00Z");

        assertThatThrownBy(() -> Windows.split(session, data, WindowSpec.parse("1m")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(
                        "windows of 1m from 2020-01-01T00:00:00Z to 2024-01-01T00:00:00Z")
                .hasMessageContaining("choose a longer window");
    }

    /** Rows at {@code times}, each with {@code x} its 1-based hour rank in time order. */
    private PredictionTable table(String... times) {
        List<String> rows = new ArrayList<>();
        for (String t : times) {
            Instant i = Instant.parse(t);
            rows.add(
                    "(%s, hour(timezone('UTC', %s)))"
                            .formatted(DuckSql.timestamp(i), DuckSql.timestamp(i)));
        }
        String relation =
                "(SELECT * FROM (VALUES %s) v(ts, x))"
                        .formatted(rows.stream().collect(Collectors.joining(", ")));
        return new PredictionTable(
                "test rows",
                relation,
                "ts",
                List.of("ts"),
                List.of(
                        new DataColumn("ts", "TIMESTAMP WITH TIME ZONE"),
                        new DataColumn("x", "BIGINT")),
                List.of(new DataColumn("x", "BIGINT")),
                List.of());
    }

    private List<Integer> values(WindowSet set, Window w) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement s = session.connection().createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT x FROM %s WHERE %s ORDER BY x"
                                        .formatted(set.relation(), w.where()))) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }
}
