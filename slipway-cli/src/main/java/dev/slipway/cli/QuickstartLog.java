package dev.slipway.cli;

import dev.slipway.api.StoreException;
import dev.slipway.data.DataLimits;
import dev.slipway.monitor.log.MonitorSession;
import dev.slipway.monitor.log.PredictionLogs;
import dev.slipway.monitor.log.PredictionTable;
import dev.slipway.monitor.log.Range;
import dev.slipway.store.SlipwayHome;
import java.sql.SQLException;
import java.util.List;

/** What {@code slipway quickstart} finds of a model's prediction log and labels. */
final class QuickstartLog {

    /** The rows of a model's prediction log and the labels stored for it. */
    record Counts(long logRows, long labels) {}

    private QuickstartLog() {}

    /** Whether {@code model} has a prediction log file. */
    static boolean exists(SlipwayHome home, String model) {
        return PredictionLogs.exists(PredictionLogs.directory(home), model);
    }

    /** The rows logged for {@code model} and its stored labels; 0 and 0 without a log. */
    static Counts counts(Services services, String model) {
        long labels = services.monitor().labelCount(model);
        if (!exists(services.home(), model)) {
            return new Counts(0, labels);
        }
        try (MonitorSession s = MonitorSession.open(services.home(), DataLimits.defaults())) {
            PredictionTable table =
                    PredictionLogs.read(
                            s,
                            PredictionLogs.directory(services.home()),
                            model,
                            Range.all(),
                            List.of());
            return new Counts(s.count(table.relation()), labels);
        } catch (SQLException e) {
            throw new StoreException(
                    "cannot count the prediction log of model '%s': %s"
                            .formatted(model, e.getMessage()),
                    e);
        }
    }
}
