package dev.slipway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.api.data.Category;
import dev.slipway.api.data.Domain;
import dev.slipway.api.data.Schema;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Schemas;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** JSON and text renderings of data-layer values shared by several commands. */
final class Views {

    private Views() {}

    static ObjectNode version(DatasetVersion v) {
        ObjectNode n = Output.object();
        n.put("dataset", v.dataset());
        n.put("version", v.id());
        n.put("number", v.number());
        n.put("ref", v.dataset() + "@" + v.id());
        n.put("created_at", v.createdAt().toString());
        n.put("rows", v.rows());
        n.put("columns", v.schema().size());
        n.put("source", v.source());
        n.put("content_sha256", v.contentSha256());
        n.put("snapshot", v.snapshot().toString());
        n.put("snapshot_sha256", v.snapshotSha256());
        n.put("snapshot_bytes", v.snapshotBytes());
        ObjectNode opts = n.putObject("options");
        new TreeMap<>(v.options()).forEach(opts::put);
        v.lineage()
                .ifPresent(
                        l -> {
                            ObjectNode lin = n.putObject("lineage");
                            lin.put("parent", l.parentDataset() + "@" + l.parentVersion());
                            lin.put("operation", l.operation());
                            ObjectNode p = lin.putObject("params");
                            new TreeMap<>(l.params()).forEach(p::put);
                        });
        return n;
    }

    /** The schema as Slipway stores it (see {@link Schemas#toJson}). */
    static JsonNode schema(Schema s) {
        try {
            return Output.JSON.readTree(Schemas.toJson(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the schema document is not JSON", e);
        }
    }

    /** The domain in a few words: {@code 2 categories: <=50K (24,720), >50K (7,841)}. */
    static String domain(Domain d) {
        return switch (d) {
            case Domain.Categories c -> {
                List<Category> vs = c.values();
                String shown =
                        vs.stream()
                                .limit(4)
                                .map(x -> x.value() + " (" + Output.num(x.count()) + ")")
                                .collect(Collectors.joining(", "));
                yield vs.size() + " categories: " + shown + (vs.size() > 4 ? ", …" : "");
            }
            case Domain.Range r -> "[" + Output.num(r.min()) + ", " + Output.num(r.max()) + "]";
            case Domain.TimeRange t -> t.min() + " .. " + t.max();
            case Domain.Flags f ->
                    "true " + Output.num(f.trues()) + ", false " + Output.num(f.falses());
            case Domain.Unbounded u -> "";
        };
    }
}
