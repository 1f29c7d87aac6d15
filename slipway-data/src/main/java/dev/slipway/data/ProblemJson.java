package dev.slipway.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The one JSON shape of validation problems, shared by {@code slipway data validate --json}, the
 * datasets API and the monitor's data-quality reports: {@code [{"severity", "kind", "column",
 * "count", "examples", "message"}]}, severity and kind in lower case.
 */
public final class ProblemJson {

    private ProblemJson() {}

    /** The problems as a JSON array, in their order. */
    public static ArrayNode of(List<Problem> problems) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Problem p : problems) {
            ObjectNode o = a.addObject();
            o.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
            o.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
            o.put("column", p.column());
            o.put("count", p.count());
            ArrayNode ex = o.putArray("examples");
            p.examples().forEach(ex::add);
            o.put("message", p.message());
        }
        return a;
    }
}
