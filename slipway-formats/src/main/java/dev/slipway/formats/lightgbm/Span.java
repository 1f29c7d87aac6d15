package dev.slipway.formats.lightgbm;

/**
 * A stretch {@code [start, end)} of the model text: a value of a tree line, read in place rather
 * than copied (a model's trees hold hundreds of thousands of numbers).
 */
record Span(String text, int start, int end) {

    @Override
    public String toString() {
        return text.substring(start, end);
    }

    /** The space-separated tokens of this span, walked without copying. */
    TokenCursor tokens() {
        return new TokenCursor(text, start, end);
    }

    /** Walks space-separated tokens; {@link #start} and {@link #end} bound the current one. */
    static final class TokenCursor {

        private final String text;
        private final int limit;
        private int pos;
        int start;
        int end;

        TokenCursor(String text, int from, int to) {
            this.text = text;
            this.pos = from;
            this.limit = to;
        }

        /** Moves to the next token; false when there is none. */
        boolean next() {
            while (pos < limit && text.charAt(pos) == ' ') {
                pos++;
            }
            if (pos >= limit) {
                return false;
            }
            start = pos;
            while (pos < limit && text.charAt(pos) != ' ') {
                pos++;
            }
            end = pos;
            return true;
        }

        String token() {
            return text.substring(start, end);
        }

        String text() {
            return text;
        }

        /** A cursor with no tokens: LightGBM reads none from a line it expects none on. */
        TokenCursor emptied() {
            pos = limit;
            return this;
        }
    }
}
