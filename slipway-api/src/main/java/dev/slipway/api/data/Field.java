package dev.slipway.api.data;

import java.util.Objects;

/**
 * One column of a schema: its name, logical type, whether nulls were seen, and the domain seen.
 *
 * @param name the column name, as trimmed on import
 * @param type the logical type
 * @param nullable whether the column may hold missing values
 * @param domain the values seen; its kind fits the type ({@link Domain.Unbounded} fits any)
 */
public record Field(String name, LogicalType type, boolean nullable, Domain domain) {
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(domain, "domain");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a field name must not be empty");
        }
        boolean fits =
                switch (domain) {
                    case Domain.Unbounded u -> true;
                    case Domain.Categories c -> type == LogicalType.CATEGORICAL;
                    case Domain.Range r ->
                            type == LogicalType.NUMERIC || type == LogicalType.INTEGER;
                    case Domain.TimeRange t -> type == LogicalType.TIMESTAMP;
                    case Domain.Flags f -> type == LogicalType.BOOLEAN;
                };
        if (!fits) {
            throw new IllegalArgumentException(
                    "field '%s' of type %s cannot have a %s domain"
                            .formatted(name, type.label(), domain.getClass().getSimpleName()));
        }
    }
}
