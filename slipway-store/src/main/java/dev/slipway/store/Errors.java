package dev.slipway.store;

import java.sql.SQLException;
import org.sqlite.SQLiteException;

/** Wording shared by the store's error messages. */
final class Errors {

    private Errors() {}

    /** A driver's message without its trailing period, to continue the sentence after it. */
    static String detail(Throwable e) {
        String message = String.valueOf(e.getMessage()).strip();
        while (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        return Redaction.redact(message);
    }

    /** A sentence to add to an error message, saying what to do about {@code e}. */
    static String hint(SQLException e, boolean readOnly) {
        if (readOnly && isWriteInReadOnly(e)) {
            return ". Work given to read() must not write: use inTransaction() for writes";
        }
        if (e instanceof SQLiteException s) {
            String code = s.getResultCode().name();
            if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
                return ". Another process kept the database busy for more than %d s: try again"
                        .formatted(Connector.SQLITE_BUSY_TIMEOUT_MILLIS / 1000);
            }
            if (code.startsWith("SQLITE_CONSTRAINT")) {
                return ". The change conflicts with data already stored; nothing was saved";
            }
            if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_FULL")) {
                return ". Check that the disk has room and the file is writable";
            }
            return "";
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("23")) {
            return " (SQLState %s). The change conflicts with data already stored; nothing was saved"
                    .formatted(state);
        }
        if (state.startsWith("08")) {
            return " (SQLState %s). The connection to the server was lost: check that it is up and try again"
                    .formatted(state);
        }
        if (state.startsWith("40")) {
            return " (SQLState %s). The transaction conflicted with another one: try again"
                    .formatted(state);
        }
        return state.isEmpty() ? "" : " (SQLState " + state + ")";
    }

    private static boolean isWriteInReadOnly(SQLException e) {
        return e instanceof SQLiteException s
                ? s.getResultCode().name().startsWith("SQLITE_READONLY")
                : "25006".equals(e.getSQLState());
    }
}
