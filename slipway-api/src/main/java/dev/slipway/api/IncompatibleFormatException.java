package dev.slipway.api;

import java.util.Objects;

/** A persisted document was written in a format version this build cannot read. */
public final class IncompatibleFormatException extends SlipwayException {

    private static final long serialVersionUID = 1L;

    private final String format;
    private final int found;
    private final int supported;

    /**
     * @param format the format's name, e.g. {@code "slipway.schema"}
     * @param found the version in the document
     * @param supported the newest version this build reads
     * @param where the file or record the document came from
     */
    public IncompatibleFormatException(String format, int found, int supported, String where) {
        super(
                "%s is in %s format version %d, but this Slipway reads versions up to %d: upgrade Slipway to read it"
                        .formatted(where, format, found, supported));
        this.format = Objects.requireNonNull(format, "format");
        this.found = found;
        this.supported = supported;
    }

    /** The format's name. */
    public String format() {
        return format;
    }

    /** The version found in the document. */
    public int found() {
        return found;
    }

    /** The newest version this build reads. */
    public int supported() {
        return supported;
    }
}
