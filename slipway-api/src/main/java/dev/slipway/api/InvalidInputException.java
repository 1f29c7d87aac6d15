package dev.slipway.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Input given by a user (a file, an option, a request) is not acceptable.
 *
 * <p>Carries where the problem is: the source (a file path or an option name), and when known the
 * 1-based line and the column name.
 */
public final class InvalidInputException extends SlipwayException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String column;

    private InvalidInputException(
            String source, long line, String column, String message, Throwable cause) {
        super(message, cause);
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.column = column;
    }

    /** An error about {@code source} as a whole. */
    public static InvalidInputException of(String source, String message) {
        return new InvalidInputException(source, 0, null, message, null);
    }

    /** An error about {@code source}, caused by a lower-level failure. */
    public static InvalidInputException of(String source, String message, Throwable cause) {
        return new InvalidInputException(source, 0, null, message, cause);
    }

    /** An error at a 1-based line and, when known (non-empty), a column of {@code source}. */
    public static InvalidInputException at(
            String source, long line, Optional<String> column, String message, Throwable cause) {
        return new InvalidInputException(source, line, column.orElse(null), message, cause);
    }

    /** The file path, option or request the problem is in. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, when known. */
    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }

    /** The column the problem is in, when known. */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }
}
