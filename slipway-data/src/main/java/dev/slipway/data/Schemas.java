package dev.slipway.data;

import dev.slipway.api.data.Schema;

/**
 * Conversions of {@link Schema}s for other modules, such as the CLI's {@code --json} output.
 * Stateless and thread-safe.
 */
public final class Schemas {

    private Schemas() {}

    /**
     * The schema as the versioned JSON document Slipway stores: {@code
     * {"format":"slipway.schema","version":1,"fields":[{"name","type","nullable","domain"}]}},
     * where a domain is {@code {"kind":"categories","values":[{"value","count"}]}}, {@code
     * {"kind":"range","min","max"}}, {@code {"kind":"time_range","min","max"}}, {@code
     * {"kind":"flags","true","false"}} or {@code {"kind":"unbounded"}}.
     */
    public static String toJson(Schema schema) {
        return SchemaCodec.toJson(schema);
    }
}
