package dev.slipway.store;

import dev.slipway.api.InvalidInputException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a blob: the sha256 of its content, as 64 lower-case hex digits. Immutable.
 *
 * <p>Written as {@code sha256:<hex>} by {@link #toString()}.
 *
 * @param hex 64 lower-case hex digits
 */
public record BlobId(String hex) {

    /** The prefix of the written form. */
    public static final String PREFIX = "sha256:";

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public BlobId {
        Objects.requireNonNull(hex, "hex");
        if (!HEX64.matcher(hex).matches()) {
            throw invalid(hex);
        }
    }

    /**
     * Parses {@code sha256:<hex>} or a bare {@code <hex>}; upper-case hex digits are accepted.
     *
     * @throws InvalidInputException when the text is not 64 hex digits after an optional prefix
     */
    public static BlobId parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.strip();
        if (value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            value = value.substring(PREFIX.length());
        }
        value = value.toLowerCase(Locale.ROOT);
        if (!HEX64.matcher(value).matches()) {
            throw invalid(text);
        }
        return new BlobId(value);
    }

    /** The first 12 hex digits, enough to tell blobs apart in messages and listings. */
    public String shortId() {
        return hex.substring(0, 12);
    }

    /** {@code sha256:<hex>}. */
    @Override
    public String toString() {
        return PREFIX + hex;
    }

    private static InvalidInputException invalid(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return InvalidInputException.of(
                "blob id",
                ("'%s' is not a blob id: expected sha256: followed by 64 hex digits (or the 64"
                                + " digits alone), e.g. sha256:%s")
                        .formatted(
                                shown,
                                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }
}
