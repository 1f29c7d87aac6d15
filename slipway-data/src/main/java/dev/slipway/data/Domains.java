package dev.slipway.data;

import dev.slipway.api.StoreException;
import dev.slipway.api.data.Category;
import dev.slipway.api.data.Domain;
import dev.slipway.api.data.Field;
import dev.slipway.api.data.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records in a schema the domain each column was seen to take: every category with its count, the
 * numeric or time range, the true/false counts.
 */
final class Domains {

    private Domains() {}

    static Schema attach(DuckSession duck, String relation, Schema bare, Profile profile) {
        Map<String, List<Category>> categories = categories(duck, relation, bare);
        List<Field> fields = new ArrayList<>();
        for (Field f : bare.fields()) {
            ColumnProfile p = profile.column(f.name()).orElseThrow();
            Domain d =
                    switch (f.type()) {
                        case CATEGORICAL -> new Domain.Categories(categories.get(f.name()));
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

    private static Map<String, List<Category>> categories(
            DuckSession duck, String relation, Schema bare) {
        List<String> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Field f : bare.fields()) {
            if (f.type() == dev.slipway.api.data.LogicalType.CATEGORICAL) {
                parts.add(
                        "SELECT %d AS k, %s AS v, count(*) AS n FROM %s WHERE %s IS NOT NULL GROUP BY %s"
                                .formatted(
                                        names.size(),
                                        Sql.id(f.name()),
                                        relation,
                                        Sql.id(f.name()),
                                        Sql.id(f.name())));
                names.add(f.name());
            }
        }
        Map<String, List<Category>> out = new HashMap<>();
        names.forEach(n -> out.put(n, new ArrayList<>()));
        if (parts.isEmpty()) {
            return out;
        }
        String sql = String.join(" UNION ALL ", parts) + " ORDER BY k, n DESC, v";
        try (Statement s = duck.connection().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.get(names.get(rs.getInt(1))).add(new Category(rs.getString(2), rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read categories of a snapshot: " + e.getMessage(), e);
        }
        return out;
    }
}
