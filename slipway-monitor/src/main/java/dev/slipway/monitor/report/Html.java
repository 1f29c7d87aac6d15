package dev.slipway.monitor.report;

/**
 * Writes HTML text: every piece of text and every attribute value is escaped, so that names and
 * values from users (column names, categories, alert messages) cannot become markup. Not
 * thread-safe.
 */
final class Html {

    private final StringBuilder b = new StringBuilder(64 * 1024);

    /** {@code s} with {@code & < > " '} replaced by character references. */
    static String esc(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r =
                    switch (c) {
                        case '&' -> "&amp;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '"' -> "&quot;";
                        case '\'' -> "&#39;";
                        default -> null;
                    };
            if (r != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (r != null) {
                    out.append(r);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    /** Appends markup written by this package, as is. */
    Html raw(String markup) {
        b.append(markup);
        return this;
    }

    /** Appends {@code text}, escaped. */
    Html text(String text) {
        b.append(esc(text));
        return this;
    }

    /**
     * Opens {@code tag} with attributes given as name, value pairs; the values are escaped.
     *
     * @throws IllegalArgumentException when the attributes are not pairs
     */
    Html open(String tag, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes of <" + tag + "> are not pairs");
        }
        b.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            b.append(' ').append(attributes[i]).append("=\"").append(esc(attributes[i + 1]));
            b.append('"');
        }
        b.append('>');
        return this;
    }

    /** Closes {@code tag}. */
    Html close(String tag) {
        b.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag>text</tag>}, the text escaped. */
    Html el(String tag, String text) {
        return open(tag).text(text).close(tag);
    }

    /** {@code <tag attributes>text</tag>}, the text and values escaped. */
    Html el(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** A table cell holding a number, right-aligned. */
    Html num(String text) {
        return el("td", text, "class", "n");
    }

    /** A line break in the source, to keep it readable. */
    Html nl() {
        b.append('\n');
        return this;
    }

    int length() {
        return b.length();
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
