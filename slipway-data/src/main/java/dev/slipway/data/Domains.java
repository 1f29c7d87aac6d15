package dev.slipway.data;

import dev.slipway.api.data.Category;
import dev.slipway.api.data.Domain;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Records in a schema the domain each column was seen to take: every category with its count, the
 * numeric or time range, the true/false counts. Everything comes from the profiler's result; the
 * data is not read again.
 */
final class Domains {

    private Domains() {}

    /**
     * {@code bare} with each field's domain, from {@code measured}, the profile of the data written
     * with that schema.
     */
    static Schema attach(Schema bare, Profiler.Result measured) {
        List<Field> fields = new ArrayList<>();
        for (Field f : bare.fields()) {
            ColumnProfile p = measured.profile().column(f.name()).orElseThrow();
            Domain d =
                    switch (f.type()) {
                        case CATEGORICAL ->
                                new Domain.Categories(
                                        measured.categories().getOrDefault(f.name(), List.of()));
                        case NUMERIC, INTEGER ->
                                p.numeric()
                                        .filter(n -> !Double.isNaN(n.min()))
                                        .<Domain>map(n -> new Domain.Range(n.min(), n.max()))
                                        .orElse(new Domain.Unbounded());
                        case TIMESTAMP ->
                                p.time()
                                        .<Domain>map(t -> new Domain.TimeRange(t.min(), t.max()))
                                        .orElse(new Domain.Unbounded());
                        case BOOLEAN -> new Domain.Flags(count(p, "true"), count(p, "false"));
                        case TEXT -> new Domain.Unbounded();
                    };
            fields.add(new Field(f.name(), f.type(), f.nullable(), d));
        }
        return new Schema(fields);
    }

    private static long count(ColumnProfile p, String value) {
        return p.top().stream()
                .filter(c -> c.value().equals(value))
                .mapToLong(Category::count)
                .sum();
    }
}
