package dev.slipway.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.CorruptDataException;
import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.data.Category;
import dev.slipway.api.data.Domain;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.LogicalType;
import dev.slipway.api.data.Schema;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The persisted form of a {@link Schema}: {@code {"format":"slipway.schema","version":1,
 * "fields":[{"name","type","nullable","domain":{"kind",...}}]}}.
 */
final class SchemaCodec {

    static final String FORMAT = "slipway.schema";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaCodec() {}

    static String toJson(Schema schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode fields = root.putArray("fields");
        for (Field f : schema.fields()) {
            ObjectNode n = fields.addObject();
            n.put("name", f.name());
            n.put("type", f.type().label());
            n.put("nullable", f.nullable());
            n.set("domain", domain(f.domain()));
        }
        return root.toString();
    }

    /** The domain as JSON; also used by the CLI's {@code --json} output. */
    static ObjectNode domain(Domain d) {
        ObjectNode n = JSON.createObjectNode();
        switch (d) {
            case Domain.Categories c -> {
                n.put("kind", "categories");
                ArrayNode values = n.putArray("values");
                for (Category cat : c.values()) {
                    values.addObject().put("value", cat.value()).put("count", cat.count());
                }
            }
            case Domain.Range r -> n.put("kind", "range").put("min", r.min()).put("max", r.max());
            case Domain.TimeRange t ->
                    n.put("kind", "time_range")
                            .put("min", t.min().toString())
                            .put("max", t.max().toString());
            case Domain.Flags f ->
                    n.put("kind", "flags").put("true", f.trues()).put("false", f.falses());
            case Domain.Unbounded u -> n.put("kind", "unbounded");
        }
        return n;
    }

    static Schema fromJson(String json, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CorruptDataException(where, where + ": the stored schema is not valid JSON");
        }
        int version = root.path("version").asInt(-1);
        if (!FORMAT.equals(root.path("format").asText()) || version < 1) {
            throw new CorruptDataException(
                    where, where + ": the stored schema has no format header");
        }
        if (version > VERSION) {
            throw new IncompatibleFormatException(FORMAT, version, VERSION, where);
        }
        List<Field> fields = new ArrayList<>();
        for (JsonNode n : root.path("fields")) {
            LogicalType type =
                    LogicalType.fromLabel(n.path("type").asText())
                            .orElseThrow(
                                    () ->
                                            new CorruptDataException(
                                                    where,
                                                    where
                                                            + ": unknown column type "
                                                            + n.path("type")));
            fields.add(
                    new Field(
                            n.path("name").asText(),
                            type,
                            n.path("nullable").asBoolean(),
                            readDomain(n.path("domain"))));
        }
        return new Schema(fields);
    }

    private static Domain readDomain(JsonNode n) {
        return switch (n.path("kind").asText()) {
            case "categories" -> {
                List<Category> values = new ArrayList<>();
                for (JsonNode c : n.path("values")) {
                    values.add(new Category(c.path("value").asText(), c.path("count").asLong()));
                }
                yield new Domain.Categories(values);
            }
            case "range" -> new Domain.Range(n.path("min").asDouble(), n.path("max").asDouble());
            case "time_range" ->
                    new Domain.TimeRange(
                            LocalDateTime.parse(n.path("min").asText()),
                            LocalDateTime.parse(n.path("max").asText()));
            case "flags" -> new Domain.Flags(n.path("true").asLong(), n.path("false").asLong());
            default -> new Domain.Unbounded();
        };
    }
}
