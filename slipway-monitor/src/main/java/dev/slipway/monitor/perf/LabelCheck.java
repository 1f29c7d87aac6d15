package dev.slipway.monitor.perf;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.model.Task;
import dev.slipway.monitor.log.MonitorSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks incoming labels (table {@code incoming}) before they are stored. */
final class LabelCheck {

    private static final int SHOWN = 5;

    private LabelCheck() {}

    /**
     * Fails on the first row without a key or a label, then on labels that do not suit the task.
     *
     * @param source the file or request, for messages
     * @param row how a row is called in messages, e.g. {@code data row}
     */
    static void check(MonitorSession s, String source, String row, LabelOptions options)
            throws SQLException {
        missing(s, source, row, "key", options.keyColumn(), "its key");
        missing(s, source, row, "label", options.labelColumn(), "its label");
        if (options.task().isEmpty()) {
            return;
        }
        Task task = options.task().get();
        switch (task) {
            case REGRESSION -> {
                List<String> bad =
                        values(
                                s,
                                row,
                                "SELECT label, line FROM incoming WHERE NOT coalesce(isfinite(TRY_CAST(label AS DOUBLE)), false) ORDER BY line LIMIT "
                                        + SHOWN);
                if (!bad.isEmpty()) {
                    throw InvalidInputException.at(
                            source,
                            0,
                            Optional.of(options.labelColumn()),
                            "%s: the model is a regression, so its labels are finite numbers, but column '%s' holds %s; fix those labels"
                                    .formatted(
                                            source, options.labelColumn(), String.join(", ", bad)),
                            null);
                }
            }
            case BINARY, MULTICLASS -> classes(s, source, row, task, options);
        }
    }

    private static void classes(
            MonitorSession s, String source, String row, Task task, LabelOptions options)
            throws SQLException {
        List<String> labels = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (Statement st = s.connection().createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT label, min(line) AS first FROM incoming GROUP BY label ORDER BY first LIMIT 1001")) {
            while (rs.next()) {
                labels.add(rs.getString(1));
                lines.add(rs.getLong(2));
            }
        }
        String column = options.labelColumn();
        if (!options.classes().isEmpty()) {
            ClassIndex index = new ClassIndex(options.classes());
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < labels.size() && bad.size() < SHOWN; i++) {
                if (index.find(labels.get(i)).isEmpty()) {
                    bad.add("'%s' (%s %d)".formatted(labels.get(i), row, lines.get(i)));
                }
            }
            if (!bad.isEmpty()) {
                throw InvalidInputException.at(
                        source,
                        0,
                        Optional.of(column),
                        "%s: column '%s' holds %s, which %s not a class of the model; its classes are %s. Fix those labels"
                                .formatted(
                                        source,
                                        column,
                                        String.join(", ", bad),
                                        bad.size() == 1 ? "is" : "are",
                                        String.join(", ", options.classes())),
                        null);
            }
        } else if (task == Task.BINARY && labels.size() > 2) {
            String shown = String.join(", ", labels.subList(0, Math.min(SHOWN, labels.size())));
            throw InvalidInputException.at(
                    source,
                    0,
                    Optional.of(column),
                    "%s: the model is binary, so its labels take 2 values, but column '%s' holds %s values (%s%s); fix those labels"
                            .formatted(
                                    source,
                                    column,
                                    labels.size() > 1000 ? "more than 1000" : labels.size(),
                                    shown,
                                    labels.size() > SHOWN ? ", ..." : ""),
                    null);
        }
    }

    private static void missing(
            MonitorSession s, String source, String row, String field, String column, String what)
            throws SQLException {
        try (Statement st = s.connection().createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT line FROM incoming WHERE %s IS NULL OR %s = '' ORDER BY line LIMIT 1"
                                        .formatted(field, field))) {
            if (rs.next()) {
                throw InvalidInputException.at(
                        source,
                        0,
                        Optional.of(column),
                        "%s: %s %d has no value in column '%s'; every label row needs %s"
                                .formatted(source, row, rs.getLong(1), column, what),
                        null);
            }
        }
    }

    private static List<String> values(MonitorSession s, String row, String sql)
            throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = s.connection().createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add("'%s' (%s %d)".formatted(rs.getString(1), row, rs.getLong(2)));
            }
        }
        return out;
    }
}
