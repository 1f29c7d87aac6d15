package dev.slipway.monitor.alert;

import dev.slipway.api.CorruptDataException;
import dev.slipway.monitor.alert.Transitions.RuleState;
import dev.slipway.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The {@code alert_state} and {@code alert_events} tables, inside the caller's transaction. */
final class AlertRows {

    private static final String EVENT_COLUMNS =
            "rule, model, seq, state, severity, condition_text, observed, bound, window_start,"
                    + " window_end, message, created_at, firing_since, delivery,"
                    + " delivery_attempts, delivery_detail, delivered_at";

    private AlertRows() {}

    /**
     * The state of {@code rule} for {@code model}, created when missing; on PostgreSQL the row
     * stays locked until the transaction ends, so that two servers checking at once do not both
     * notify. (SQLite write transactions exclude each other already.)
     */
    static RuleState lockState(
            Connection c, Dialect dialect, String rule, String model, Instant now)
            throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement(
                        "INSERT INTO alert_state (rule, model, firing, events, updated_at)"
                                + " VALUES (?, ?, 0, 0, ?) ON CONFLICT (rule, model) DO NOTHING")) {
            s.setString(1, rule);
            s.setString(2, model);
            s.setString(3, Times.format(now));
            s.executeUpdate();
        }
        String lock =
                switch (dialect) {
                    case SQLITE -> "";
                    case POSTGRESQL -> " FOR UPDATE";
                };
        try (PreparedStatement s =
                c.prepareStatement(
                        "SELECT firing, firing_since, last_window_start, last_window_end,"
                                + " notified_window_start, notified_window_end, events"
                                + " FROM alert_state WHERE rule = ? AND model = ?"
                                + lock)) {
            s.setString(1, rule);
            s.setString(2, model);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException(
                            "the alert state of rule %s for model %s vanished while being read"
                                    .formatted(rule, model));
                }
                try {
                    return new RuleState(
                            rs.getInt("firing") != 0,
                            instant(rs.getString("firing_since")),
                            window(
                                    rs.getString("last_window_start"),
                                    rs.getString("last_window_end")),
                            window(
                                    rs.getString("notified_window_start"),
                                    rs.getString("notified_window_end")),
                            rs.getLong("events"));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw new CorruptDataException(
                            "alert state " + rule + "/" + model,
                            "the metadata store's alert state of rule %s for model %s is corrupt: %s. Delete its row from alert_state to start it afresh"
                                    .formatted(rule, model, e.getMessage()));
                }
            }
        }
    }

    static void saveState(Connection c, String rule, String model, RuleState state, Instant now)
            throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement(
                        "UPDATE alert_state SET firing = ?, firing_since = ?,"
                                + " last_window_start = ?, last_window_end = ?,"
                                + " notified_window_start = ?, notified_window_end = ?,"
                                + " events = ?, updated_at = ? WHERE rule = ? AND model = ?")) {
            s.setInt(1, state.firing() ? 1 : 0);
            s.setString(2, state.firingSince().map(Times::format).orElse(null));
            s.setString(3, state.lastWindow().map(w -> Times.format(w.start())).orElse(null));
            s.setString(4, state.lastWindow().map(w -> Times.format(w.end())).orElse(null));
            s.setString(5, state.notifiedWindow().map(w -> Times.format(w.start())).orElse(null));
            s.setString(6, state.notifiedWindow().map(w -> Times.format(w.end())).orElse(null));
            s.setLong(7, state.events());
            s.setString(8, Times.format(now));
            s.setString(9, rule);
            s.setString(10, model);
            s.executeUpdate();
        }
    }

    static void insertEvent(Connection c, AlertEvent e, Delivery d) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement(
                        "INSERT INTO alert_events ("
                                + EVENT_COLUMNS
                                + ") VALUES"
                                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, e.rule());
            s.setString(2, e.model());
            s.setLong(3, e.sequence());
            s.setString(4, e.state().label());
            s.setString(5, e.severity().label());
            s.setString(6, e.condition());
            s.setDouble(7, e.observed());
            if (e.bound().isPresent()) {
                s.setDouble(8, e.bound().getAsDouble());
            } else {
                s.setNull(8, Types.DOUBLE);
            }
            s.setString(9, Times.format(e.window().start()));
            s.setString(10, Times.format(e.window().end()));
            s.setString(11, e.message());
            s.setString(12, Times.format(e.time()));
            s.setString(13, Times.format(e.firingSince()));
            s.setString(14, d.status().label());
            s.setInt(15, d.attempts());
            s.setString(16, d.detail());
            s.setString(17, d.finishedAt().map(Times::format).orElse(null));
            s.executeUpdate();
        }
    }

    static void updateDelivery(Connection c, AlertEvent e, Delivery d) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement(
                        "UPDATE alert_events SET delivery = ?, delivery_attempts = ?,"
                                + " delivery_detail = ?, delivered_at = ?"
                                + " WHERE rule = ? AND model = ? AND seq = ?")) {
            s.setString(1, d.status().label());
            s.setInt(2, d.attempts());
            s.setString(3, d.detail());
            s.setString(4, d.finishedAt().map(Times::format).orElse(null));
            s.setString(5, e.rule());
            s.setString(6, e.model());
            s.setLong(7, e.sequence());
            s.executeUpdate();
        }
    }

    /** Notifications, newest first. */
    static List<AlertRecord> query(
            Connection c, Optional<String> model, Optional<Instant> since, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + EVENT_COLUMNS + " FROM alert_events");
        List<String> args = new ArrayList<>();
        List<String> where = new ArrayList<>();
        model.ifPresent(
                m -> {
                    where.add("model = ?");
                    args.add(m);
                });
        since.ifPresent(
                t -> {
                    where.add("created_at >= ?");
                    args.add(Times.format(t));
                });
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY created_at DESC, model, rule, seq DESC LIMIT ?");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String arg : args) {
                s.setString(i++, arg);
            }
            s.setInt(i, limit);
            List<AlertRecord> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(record(rs));
                }
            }
            return out;
        }
    }

    private static AlertRecord record(ResultSet rs) throws SQLException {
        String rule = rs.getString("rule");
        String model = rs.getString("model");
        long seq = rs.getLong("seq");
        try {
            double bound = rs.getDouble("bound");
            OptionalDouble b = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(bound);
            AlertEvent event =
                    new AlertEvent(
                            rule,
                            model,
                            seq,
                            AlertEvent.State.valueOf(upper(rs.getString("state"))),
                            Severity.valueOf(upper(rs.getString("severity"))),
                            rs.getString("condition_text"),
                            rs.getDouble("observed"),
                            b,
                            new AlertWindow(
                                    Times.parse(rs.getString("window_start")),
                                    Times.parse(rs.getString("window_end"))),
                            rs.getString("message"),
                            Times.parse(rs.getString("created_at")),
                            Times.parse(rs.getString("firing_since")));
            Delivery delivery =
                    new Delivery(
                            Delivery.Status.parse(rs.getString("delivery")),
                            rs.getInt("delivery_attempts"),
                            rs.getString("delivery_detail"),
                            instant(rs.getString("delivered_at")));
            return new AlertRecord(event, delivery);
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new CorruptDataException(
                    "alert " + rule + "/" + model + "/" + seq,
                    "the metadata store's record of alert notification %d of rule %s for model %s is corrupt: %s. Delete that row from alert_events"
                            .formatted(seq, rule, model, e.getMessage()));
        }
    }

    private static String upper(String label) {
        return label.toUpperCase(java.util.Locale.ROOT);
    }

    private static Optional<Instant> instant(String text) {
        return Optional.ofNullable(text).map(Times::parse);
    }

    private static Optional<AlertWindow> window(String start, String end) {
        if (start == null || end == null) {
            return Optional.empty();
        }
        return Optional.of(new AlertWindow(Times.parse(start), Times.parse(end)));
    }
}
