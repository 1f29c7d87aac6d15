package dev.slipway.serve.http;

import dev.slipway.api.InvalidInputException;
import io.vertx.core.MultiMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The query parameters of a read route, checked the same way by every route that takes some. */
final class QueryParams {

    private QueryParams() {}

    /**
     * The parameters of {@code params} by name, each given once and each one of {@code accepted}.
     *
     * @throws InvalidInputException naming a parameter the route does not take (and listing those
     *     it does), or one given more than once
     */
    static Map<String, String> check(MultiMap params, Set<String> accepted) {
        Map<String, String> out = new HashMap<>();
        for (String name : params.names()) {
            if (!accepted.contains(name)) {
                throw InvalidInputException.of(
                        name,
                        "unknown query parameter '%s'; this endpoint takes %s"
                                .formatted(
                                        name,
                                        accepted.isEmpty() ? "none" : new TreeSet<>(accepted)));
            }
            List<String> values = params.getAll(name);
            if (values.size() > 1) {
                throw InvalidInputException.of(
                        name,
                        "query parameter '%s' is given %d times; give it once"
                                .formatted(name, values.size()));
            }
            out.put(name, values.getFirst());
        }
        return out;
    }
}
