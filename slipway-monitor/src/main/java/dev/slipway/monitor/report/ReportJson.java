package dev.slipway.monitor.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.monitor.json.MonitorJson;
import dev.slipway.monitor.log.Range;

/**
 * A monitoring report as a versioned JSON document: {@code {"format": "slipway monitoring report",
 * "version": 1, ...}}. Each part has the shape {@link MonitorJson} gives it everywhere ({@code
 * drift}, {@code performance}, {@code outliers}, {@code quality}, each of {@code alerts}); a
 * missing part is {@code null} and explained in {@code notes}. Readers should refuse a version
 * newer than the one they know. Stateless.
 */
public final class ReportJson {

    /** The value of {@code "format"}. */
    public static final String FORMAT = "slipway monitoring report";

    /** The value of {@code "version"}; raised when a field changes meaning or goes away. */
    public static final int VERSION = 1;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ReportJson() {}

    /**
     * The JSON document of {@code r}: {@code format}, {@code version}, {@code model}, {@code
     * generated_at}, {@code range} ({@code from}, {@code to}, {@code last_rows}, null when open),
     * {@code window}, {@code drift}, {@code distributions} (per column: {@code column}, {@code
     * kind}, {@code n_ref}, {@code n_cur}, {@code bins} of {@code label}, {@code reference}, {@code
     * current}), {@code performance}, {@code outliers}, {@code quality}, {@code latency_ms} ({@code
     * p50}, {@code p99}), {@code alerts} and {@code notes} ({@code part}, {@code message}).
     */
    public static ObjectNode of(MonitoringReport r) {
        ObjectNode n = F.objectNode();
        n.put("format", FORMAT);
        n.put("version", VERSION);
        n.put("model", r.model());
        n.put("generated_at", r.generatedAt().toString());
        n.set("range", range(r.range()));
        n.put("window", r.window().text());
        n.set("drift", MonitorJson.drift(r.drift()));
        ArrayNode ds = n.putArray("distributions");
        r.distributions().forEach(d -> ds.add(MonitorJson.distribution(d)));
        n.set("performance", r.performance().map(MonitorJson::performance).orElse(null));
        n.set("outliers", r.outliers().map(MonitorJson::outliers).orElse(null));
        n.set("quality", r.quality().map(MonitorJson::quality).orElse(null));
        if (r.latency().isPresent()) {
            ObjectNode l = n.putObject("latency_ms");
            MonitorJson.number(l, "p50", r.latency().get().p50Millis());
            MonitorJson.number(l, "p99", r.latency().get().p99Millis());
        } else {
            n.putNull("latency_ms");
        }
        ArrayNode alerts = n.putArray("alerts");
        r.alerts().forEach(a -> alerts.add(MonitorJson.alert(a)));
        ArrayNode notes = n.putArray("notes");
        for (MonitoringReport.Note note : r.notes()) {
            notes.addObject().put("part", note.part().label()).put("message", note.message());
        }
        return n;
    }

    private static ObjectNode range(Range range) {
        ObjectNode n = F.objectNode();
        n.put("from", range.from().map(Object::toString).orElse(null));
        n.put("to", range.to().map(Object::toString).orElse(null));
        if (range.lastRows().isPresent()) {
            n.put("last_rows", range.lastRows().getAsLong());
        } else {
            n.putNull("last_rows");
        }
        return n;
    }
}
