package dev.slipway.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.CorruptDataException;
import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.data.Category;
import dev.slipway.api.data.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The persisted form of a {@link Profile}: {@code {"format":"slipway.profile","version":1,
 * "rows":N,"columns":[{"name","type","count","nulls","distinct","numeric"?,"time"?,"top",
 * "histogram"?}]}}. Keys are written in that fixed order; NaN and infinities, which JSON numbers
 * cannot hold, are written as the strings {@code "NaN"}, {@code "Infinity"} and {@code
 * "-Infinity"}; times as ISO-8601 local date-times.
 */
final class ProfileCodec {

    static final String FORMAT = "slipway.profile";
    static final int VERSION = 1;

    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private ProfileCodec() {}

    static byte[] toJson(Profile profile) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("rows", profile.rows());
        ArrayNode columns = root.putArray("columns");
        for (ColumnProfile c : profile.columns()) {
            ObjectNode n = columns.addObject();
            n.put("name", c.name());
            n.put("type", c.type().label());
            n.put("count", c.count());
            n.put("nulls", c.nulls());
            n.put("distinct", c.distinct());
            c.numeric().ifPresent(s -> numeric(n.putObject("numeric"), s));
            c.time()
                    .ifPresent(
                            t ->
                                    n.putObject("time")
                                            .put("min", TIME.format(t.min()))
                                            .put("max", TIME.format(t.max())));
            ArrayNode top = n.putArray("top");
            c.top().forEach(t -> top.addObject().put("value", t.value()).put("count", t.count()));
            c.histogram()
                    .ifPresent(
                            h -> {
                                ObjectNode o = n.putObject("histogram");
                                h.edges().forEach(o.putArray("edges")::add);
                                h.counts().forEach(o.putArray("counts")::add);
                            });
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void numeric(ObjectNode o, NumericSummary s) {
        number(o, "min", s.min());
        number(o, "max", s.max());
        number(o, "mean", s.mean());
        number(o, "std", s.std());
        o.put("nonFinite", s.nonFinite());
        ArrayNode qs = o.putArray("quantiles");
        for (Quantile q : s.quantiles()) {
            ObjectNode qn = qs.addObject().put("p", q.p());
            number(qn, "value", q.value());
        }
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.put(key, Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        }
    }

    /**
     * Reads a profile written by {@link #toJson}.
     *
     * @param where what the document is, for messages, e.g. {@code "profile of adult@3f2a"}
     * @throws IncompatibleFormatException when it was written by a newer Slipway
     * @throws CorruptDataException when it is not a valid profile document
     */
    static Profile fromJson(byte[] json, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw corrupt(where, "it is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw corrupt(where, "it cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw corrupt(where, "it is not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw corrupt(where, "its \"format\" is not \"" + FORMAT + "\"");
        }
        JsonNode version = root.path("version");
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            throw corrupt(where, "its \"version\" is not a positive whole number");
        }
        if (version.intValue() > VERSION) {
            throw new IncompatibleFormatException(FORMAT, version.intValue(), VERSION, where);
        }
        try {
            List<ColumnProfile> columns = list(root, "columns", "", ProfileCodec::column);
            return new Profile(whole(root, "rows", ""), columns);
        } catch (IllegalArgumentException e) {
            throw corrupt(where, e.getMessage());
        }
    }

    private static ColumnProfile column(JsonNode n, String at) {
        String typeLabel = text(n, "type", at);
        LogicalType type =
                LogicalType.fromLabel(typeLabel)
                        .orElseThrow(() -> bad(path(at, "type"), "is not a known type", typeLabel));
        return new ColumnProfile(
                text(n, "name", at),
                type,
                whole(n, "count", at),
                whole(n, "nulls", at),
                whole(n, "distinct", at),
                optional(n, "numeric", at, ProfileCodec::numeric),
                optional(
                        n,
                        "time",
                        at,
                        (t, tat) -> new TimeSummary(time(t, "min", tat), time(t, "max", tat))),
                list(
                        n,
                        "top",
                        at,
                        (t, tat) -> new Category(text(t, "value", tat), whole(t, "count", tat))),
                optional(
                        n,
                        "histogram",
                        at,
                        (h, hat) ->
                                new Histogram(
                                        list(h, "edges", hat, ProfileCodec::real),
                                        list(h, "counts", hat, ProfileCodec::whole))));
    }

    private static NumericSummary numeric(JsonNode n, String at) {
        return new NumericSummary(
                real(n, "min", at),
                real(n, "max", at),
                real(n, "mean", at),
                real(n, "std", at),
                list(
                        n,
                        "quantiles",
                        at,
                        (q, qat) -> new Quantile(real(q, "p", qat), real(q, "value", qat))),
                whole(n, "nonFinite", at));
    }

    private interface Read<T> {
        T read(JsonNode node, String at);
    }

    private static <T> Optional<T> optional(JsonNode n, String key, String at, Read<T> read) {
        JsonNode v = n.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            throw bad(path(at, key), "must be an object", v);
        }
        return Optional.of(read.read(v, path(at, key)));
    }

    private static <T> List<T> list(JsonNode n, String key, String at, Read<T> read) {
        JsonNode v = field(n, key, at);
        if (!v.isArray()) {
            throw bad(path(at, key), "must be an array", v);
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(read.read(v.get(i), path(at, key) + "[" + i + "]"));
        }
        return out;
    }

    private static JsonNode field(JsonNode n, String key, String at) {
        if (!n.isObject()) {
            throw bad(at, "must be an object", n);
        }
        JsonNode v = n.get(key);
        if (v == null) {
            throw new IllegalArgumentException(path(at, key) + " is missing");
        }
        return v;
    }

    private static String text(JsonNode n, String key, String at) {
        JsonNode v = field(n, key, at);
        if (!v.isTextual()) {
            throw bad(path(at, key), "must be a string", v);
        }
        return v.textValue();
    }

    private static long whole(JsonNode n, String key, String at) {
        return whole(field(n, key, at), path(at, key));
    }

    private static long whole(JsonNode v, String at) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw bad(at, "must be a whole number", v);
        }
        return v.longValue();
    }

    private static double real(JsonNode n, String key, String at) {
        return real(field(n, key, at), path(at, key));
    }

    private static double real(JsonNode v, String at) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return switch (v.isTextual() ? v.textValue() : "") {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw bad(at, "must be a number, \"NaN\", \"Infinity\" or \"-Infinity\"", v);
        };
    }

    private static LocalDateTime time(JsonNode n, String key, String at) {
        String t = text(n, key, at);
        try {
            return LocalDateTime.parse(t, TIME);
        } catch (DateTimeParseException e) {
            throw bad(
                    path(at, key), "must be an ISO-8601 date-time such as 2024-01-31T12:00:00", t);
        }
    }

    private static String path(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    private static IllegalArgumentException bad(String at, String rule, Object found) {
        return new IllegalArgumentException("%s %s, got %s".formatted(at, rule, found));
    }

    private static CorruptDataException corrupt(String where, String problem) {
        return new CorruptDataException(
                where,
                "%s is not a valid %s document: %s; the stored profile cannot be used, re-import the data to compute it again"
                        .formatted(where, FORMAT, problem));
    }
}
