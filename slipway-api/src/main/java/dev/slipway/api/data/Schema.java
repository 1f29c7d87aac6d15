package dev.slipway.api.data;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The ordered columns of a dataset version. Column names are unique. */
public record Schema(List<Field> fields) {
    public Schema {
        fields = List.copyOf(fields);
        Set<String> seen = new HashSet<>();
        for (Field f : fields) {
            if (!seen.add(f.name())) {
                throw new IllegalArgumentException("duplicate column name '" + f.name() + "'");
            }
        }
    }

    /** The field named {@code name}, when there is one. */
    public Optional<Field> find(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The column names, in order. */
    public List<String> names() {
        return fields.stream().map(Field::name).toList();
    }

    /** The number of columns. */
    public int size() {
        return fields.size();
    }
}
