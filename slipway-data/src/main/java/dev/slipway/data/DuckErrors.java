package dev.slipway.data;

import dev.slipway.api.InvalidInputException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns DuckDB's errors about a user's file into messages that name the file and the line. */
final class DuckErrors {

    private static final Pattern CSV_LINE = Pattern.compile("CSV Error on Line: (\\d+)");

    private DuckErrors() {}

    static InvalidInputException unreadable(Path file, SourceFormat format, SQLException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        String reason = firstReason(msg);
        Matcher m = CSV_LINE.matcher(msg);
        if (m.find()) {
            long line = Long.parseLong(m.group(1));
            return InvalidInputException.at(
                    file.toString(),
                    line,
                    Optional.empty(),
                    "%s: line %d: %s".formatted(file, line, reason),
                    e);
        }
        return InvalidInputException.of(
                file.toString(),
                "%s: cannot be read as %s: %s".formatted(file, format.label(), reason),
                e);
    }

    /** The most telling line of a DuckDB message, without the "Error:" prefixes. */
    static String firstReason(String msg) {
        for (String line : msg.split("\n")) {
            String t = line.strip();
            if (t.isEmpty()
                    || t.startsWith("Original Line")
                    || t.startsWith("Invalid Input Error: Attempting to execute")
                    || t.matches("(Invalid Input Error: )?CSV Error on Line: \\d+")) {
                continue;
            }
            return t.replaceFirst("^(Error: )?([A-Za-z ]+ Error: )+", "");
        }
        return msg.strip();
    }
}
