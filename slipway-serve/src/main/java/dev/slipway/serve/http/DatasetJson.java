package dev.slipway.serve.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.data.Domain;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.Schema;
import dev.slipway.data.ColumnProfile;
import dev.slipway.data.DatasetSummary;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Histogram;
import dev.slipway.data.NumericSummary;
import dev.slipway.data.Preview;
import dev.slipway.data.ProblemJson;
import dev.slipway.data.Profile;
import dev.slipway.data.Quantile;
import dev.slipway.data.ValidationReport;
import java.util.List;
import java.util.TreeMap;

/**
 * The JSON shapes of the datasets API: snake_case names, times in ISO-8601, a number that is not
 * finite (a mean without values) as {@code null}, lowercase type and severity names as the CLI's
 * {@code --json} writes them.
 */
final class DatasetJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DatasetJson() {}

    /** {@code [{"name", "versions", "latest": VERSION}, ...]}, by name. */
    static ArrayNode list(List<DatasetSummary> all) {
        ArrayNode a = F.arrayNode();
        for (DatasetSummary s : all) {
            ObjectNode n = a.addObject();
            n.put("name", s.name());
            n.put("versions", s.versions());
            n.set("latest", version(s.latest()));
        }
        return a;
    }

    /** {@code {"name", "versions": [VERSION, ...]}}, oldest first. */
    static ObjectNode history(String name, List<DatasetVersion> versions) {
        ObjectNode n = F.objectNode();
        n.put("name", name);
        ArrayNode a = n.putArray("versions");
        versions.forEach(v -> a.add(version(v)));
        return n;
    }

    /**
     * One version: its number in the dataset's history ({@code version}), its content id, counts,
     * origin, hashes and, for a derived version, its lineage.
     */
    static ObjectNode version(DatasetVersion v) {
        ObjectNode n = F.objectNode();
        n.put("dataset", v.dataset());
        n.put("version", v.number());
        n.put("id", v.id());
        n.put("ref", v.dataset() + "@" + v.id());
        n.put("created", v.createdAt().toString());
        n.put("rows", v.rows());
        n.put("columns", v.schema().size());
        n.put("source", v.source());
        n.put("content_sha256", v.contentSha256());
        n.put("snapshot_sha256", v.snapshotSha256());
        n.put("snapshot_bytes", v.snapshotBytes());
        if (v.lineage().isPresent()) {
            var l = v.lineage().get();
            ObjectNode lin = n.putObject("lineage");
            lin.put("parent_dataset", l.parentDataset());
            lin.put("parent_version", l.parentVersion());
            lin.put("operation", l.operation());
            ObjectNode p = lin.putObject("params");
            new TreeMap<>(l.params()).forEach(p::put);
        } else {
            n.putNull("lineage");
        }
        return n;
    }

    /** A version with its schema and profile. */
    static ObjectNode detail(DatasetVersion v, Profile profile) {
        ObjectNode n = version(v);
        n.set("schema", schema(v.schema()));
        ObjectNode p = n.putObject("profile");
        p.put("rows", profile.rows());
        ArrayNode cols = p.putArray("columns");
        profile.columns().forEach(c -> cols.add(column(c)));
        return n;
    }

    /**
     * The columns in order, {@code [{"name", "type", "nullable", "domain"}]}; the data layer
     * records no column roles (a target is chosen when training), so there is no role here.
     */
    static ArrayNode schema(Schema schema) {
        ArrayNode a = F.arrayNode();
        for (Field f : schema.fields()) {
            ObjectNode n = a.addObject();
            n.put("name", f.name());
            n.put("type", f.type().label());
            n.put("nullable", f.nullable());
            n.set("domain", domain(f.domain()));
        }
        return a;
    }

    private static ObjectNode domain(Domain d) {
        ObjectNode n = F.objectNode();
        switch (d) {
            case Domain.Categories c -> {
                n.put("kind", "categories");
                n.put("count", c.values().size());
            }
            case Domain.Range r -> {
                n.put("kind", "range");
                number(n, "min", r.min());
                number(n, "max", r.max());
            }
            case Domain.TimeRange t -> {
                n.put("kind", "time_range");
                n.put("min", t.min().toString());
                n.put("max", t.max().toString());
            }
            case Domain.Flags f -> {
                n.put("kind", "flags");
                n.put("trues", f.trues());
                n.put("falses", f.falses());
            }
            case Domain.Unbounded u -> n.put("kind", "unbounded");
        }
        return n;
    }

    private static ObjectNode column(ColumnProfile c) {
        ObjectNode n = F.objectNode();
        n.put("name", c.name());
        n.put("type", c.type().label());
        n.put("count", c.count());
        n.put("missing", c.nulls());
        n.put("distinct", c.distinct());
        if (c.numeric().isPresent()) {
            n.set("numeric", numeric(c.numeric().get()));
        } else {
            n.putNull("numeric");
        }
        if (c.time().isPresent()) {
            ObjectNode t = n.putObject("time");
            t.put("min", c.time().get().min().toString());
            t.put("max", c.time().get().max().toString());
        } else {
            n.putNull("time");
        }
        ArrayNode top = n.putArray("top");
        c.top()
                .forEach(
                        t -> {
                            ObjectNode o = top.addObject();
                            o.put("value", t.value());
                            o.put("count", t.count());
                        });
        if (c.histogram().isPresent()) {
            n.set("histogram", histogram(c.histogram().get()));
        } else {
            n.putNull("histogram");
        }
        return n;
    }

    private static ObjectNode numeric(NumericSummary s) {
        ObjectNode n = F.objectNode();
        number(n, "min", s.min());
        number(n, "max", s.max());
        number(n, "mean", s.mean());
        number(n, "std", s.std());
        ArrayNode q = n.putArray("quantiles");
        for (Quantile x : s.quantiles()) {
            ObjectNode o = q.addObject();
            o.put("p", x.p());
            number(o, "value", x.value());
        }
        n.put("non_finite", s.nonFinite());
        return n;
    }

    private static ObjectNode histogram(Histogram h) {
        ObjectNode n = F.objectNode();
        ArrayNode edges = n.putArray("edges");
        h.edges().forEach(edges::add);
        ArrayNode counts = n.putArray("counts");
        h.counts().forEach(counts::add);
        return n;
    }

    /**
     * A validation of a version's own snapshot against its schema: {@code {"dataset", "version",
     * "id", "stored": false, "rows", "passed", "errors", "warnings", "problems": [...]}}.
     */
    static ObjectNode validation(DatasetVersion v, ValidationReport r) {
        ObjectNode n = F.objectNode();
        n.put("dataset", v.dataset());
        n.put("version", v.number());
        n.put("id", v.id());
        n.put("against", r.against());
        n.put("checked", "the snapshot of " + v.dataset() + "@" + v.id());
        n.put("stored", false);
        n.put("rows", r.rows());
        n.put("passed", r.passed());
        n.put("errors", r.errors());
        n.put("warnings", r.warnings());
        n.set("problems", ProblemJson.of(r.problems()));
        return n;
    }

    /** {@code {"dataset", "version", "id", "limit", "columns": [...], "rows": [[...], ...]}}. */
    static ObjectNode rows(DatasetVersion v, int limit, Preview preview) {
        ObjectNode n = F.objectNode();
        n.put("dataset", v.dataset());
        n.put("version", v.number());
        n.put("id", v.id());
        n.put("limit", limit);
        ArrayNode cols = n.putArray("columns");
        preview.columns().forEach(cols::add);
        ArrayNode rows = n.putArray("rows");
        for (List<String> r : preview.rows()) {
            ArrayNode row = rows.addArray();
            r.forEach(row::add);
        }
        return n;
    }

    private static void number(ObjectNode n, String key, double value) {
        if (Double.isFinite(value)) {
            n.put(key, value);
        } else {
            n.putNull(key);
        }
    }
}
