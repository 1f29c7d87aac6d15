package dev.slipway.formats.xgboost;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The three files XGBoost saves a model as, told apart by their first bytes. */
enum XGBoostFileKind {
    /** {@code model.json}: a JSON object whose first key is {@code "learner"}. */
    JSON,
    /** {@code model.ubj}: the same document in Universal Binary JSON. */
    UBJSON,
    /** The binary format of XGBoost before 1.0, later saved as {@code "deprecated"}. */
    LEGACY_BINARY;

    /** How far into a JSON file the {@code "learner"} key is looked for. */
    private static final int JSON_KEY_WINDOW = 1024;

    private static final byte[] LEARNER = "learner".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERSION = "version".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUOTED_LEARNER = "\"learner\"".getBytes(StandardCharsets.US_ASCII);

    /** The kind of model file that starts with {@code head}, if it is one. */
    static Optional<XGBoostFileKind> of(byte[] head) {
        if (isUbjson(head)) {
            return Optional.of(UBJSON);
        }
        if (isJson(head)) {
            return Optional.of(JSON);
        }
        if (LegacyBinary.looksLike(head)) {
            return Optional.of(LEGACY_BINARY);
        }
        return Optional.empty();
    }

    /** {@code {} then a key: an integer marker, a length, and {@code learner} or {@code version}. */
    private static boolean isUbjson(byte[] head) {
        if (head.length < 3 || head[0] != '{') {
            return false;
        }
        int at = 1;
        int size =
                switch (head[at]) {
                    case 'i', 'U' -> 1;
                    case 'I' -> 2;
                    case 'l' -> 4;
                    case 'L' -> 8;
                    default -> 0;
                };
        if (size == 0 || head.length < at + 1 + size + LEARNER.length) {
            return false;
        }
        long length = 0;
        for (int i = 0; i < size; i++) {
            length = (length << 8) | (head[at + 1 + i] & 0xff);
        }
        int key = at + 1 + size;
        return length == LEARNER.length
                && (matches(head, key, LEARNER) || matches(head, key, VERSION));
    }

    /** White space, {@code {}, and the key {@code "learner"} near the start. */
    private static boolean isJson(byte[] head) {
        int first = 0;
        while (first < head.length && isWhitespace(head[first])) {
            first++;
        }
        if (first == head.length || head[first] != '{') {
            return false;
        }
        int end = Math.min(head.length, first + JSON_KEY_WINDOW) - QUOTED_LEARNER.length;
        for (int i = first + 1; i <= end; i++) {
            if (matches(head, i, QUOTED_LEARNER)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static boolean matches(byte[] bytes, int at, byte[] expected) {
        if (at + expected.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
