package dev.slipway.monitor.perf;

import dev.slipway.monitor.log.DataColumn;
import dev.slipway.monitor.log.DuckSql;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.PredictionTable;
import java.util.Optional;

/**
 * How labels join to predictions. Labels keyed by {@code request_id} match the row with that
 * request id and their row index (a data set without {@code row_index} has one row per request,
 * index 0); labels keyed by another column match the rows whose value in that column has the same
 * text form (see {@link Canonical}).
 */
final class LabelJoin {

    private LabelJoin() {}

    /**
     * The join condition between data rows {@code d} and labels {@code l} keyed by {@code
     * keyColumn}; empty when the data lacks the column.
     */
    static Optional<String> condition(PredictionTable data, String keyColumn, String d, String l) {
        Optional<DataColumn> key = data.column(keyColumn);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String match = Canonical.sql(d, key.get()) + " = " + l + ".key";
        if (keyColumn.equals(PredictionLogs.REQUEST_ID)) {
            String rowIndex =
                    data.column(PredictionLogs.ROW_INDEX).isPresent()
                            ? "coalesce(%s.%s, 0)"
                                    .formatted(d, DuckSql.id(PredictionLogs.ROW_INDEX))
                            : "0";
            match += " AND " + rowIndex + " = " + l + ".row_index";
        }
        return Optional.of(match);
    }
}
