package dev.slipway.store;

import java.util.regex.Pattern;

/** Removes secrets from JDBC URLs before they are shown. */
final class Redaction {

    /** {@code password=...} up to the next parameter. */
    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("([?&;])password=[^&;]*", Pattern.CASE_INSENSITIVE);

    /** {@code user:secret@} in the authority part. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?]*):[^/@?]*@");

    private Redaction() {}

    static String redact(String url) {
        String noParam = PASSWORD_PARAM.matcher(url).replaceAll("$1password=***");
        return USER_INFO.matcher(noParam).replaceAll("$1:***@");
    }
}
