package dev.slipway.serve.security;

import dev.slipway.api.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** What an API token may do on the model server. {@link #ADMIN} includes {@link #PREDICT}. */
public enum Scope {
    /** Ask models for predictions. */
    PREDICT,
    /** Manage the server (load, unload, swap models) and everything {@link #PREDICT} allows. */
    ADMIN;

    /** The scope's name as users write it: {@code predict} or {@code admin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a token with this scope may do what {@code needed} allows. */
    public boolean includes(Scope needed) {
        Objects.requireNonNull(needed, "needed");
        return switch (this) {
            case ADMIN -> true;
            case PREDICT -> needed == PREDICT;
        };
    }

    /**
     * The scope named {@code label}, in any case, e.g. {@code predict} or {@code ADMIN}.
     *
     * @throws InvalidInputException naming the valid scopes when there is none by that name
     */
    public static Scope parse(String label) {
        Objects.requireNonNull(label, "label");
        String wanted = label.strip();
        for (Scope s : values()) {
            if (s.label().equalsIgnoreCase(wanted)) {
                return s;
            }
        }
        throw InvalidInputException.of(
                "scope",
                "'%s' is not a token scope: use one of %s (admin includes predict)"
                        .formatted(label, labels()));
    }

    /** The valid labels, comma-separated: {@code predict, admin}. */
    static String labels() {
        return Arrays.stream(values()).map(Scope::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label();
    }
}
