package dev.slipway.data;

import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

/** Runs DuckDB statements while reporting their progress to a {@link ProgressListener}. */
final class Progress {

    private static final long POLL_MILLIS = 200;

    private final ProgressListener listener;

    Progress(ProgressListener listener) {
        this.listener = listener;
    }

    void execute(Statement s, String sql, String stage) throws SQLException {
        Poller p = poll(s, stage);
        try {
            s.execute(sql);
        } finally {
            p.close();
        }
    }

    private Poller poll(Statement s, String stage) throws SQLException {
        if (listener == ProgressListener.NONE || !s.isWrapperFor(DuckDBPreparedStatement.class)) {
            return new Poller(null);
        }
        DuckDBPreparedStatement duck = s.unwrap(DuckDBPreparedStatement.class);
        Thread t =
                Thread.ofVirtual()
                        .unstarted(
                                () -> {
                                    try {
                                        while (!Thread.currentThread().isInterrupted()) {
                                            Thread.sleep(POLL_MILLIS);
                                            QueryProgress q = duck.getQueryProgress();
                                            double pct = q.getPercentage();
                                            if (pct >= 0) {
                                                listener.update(stage, (long) (pct * 10), 1000);
                                            }
                                        }
                                    } catch (InterruptedException | SQLException e) {
                                        // the statement finished or was closed: stop polling
                                    }
                                });
        t.start();
        return new Poller(t);
    }

    private record Poller(Thread thread) implements AutoCloseable {
        @Override
        public void close() {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
