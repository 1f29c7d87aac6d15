package dev.slipway.api.model;

import dev.slipway.api.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reference to a registered model version: {@code NAME} (the latest version), {@code NAME/3}
 * (version 3) or {@code NAME@champion} (the version an alias points to).
 */
public sealed interface ModelRef {

    Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    Pattern ALIAS = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    /** The model's name. */
    String name();

    /** The latest version of a model. */
    record Latest(String name) implements ModelRef {
        public Latest {
            requireValidName(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One numbered version of a model. */
    record Version(String name, int version) implements ModelRef {
        public Version {
            requireValidName(name);
            if (version < 1) {
                throw InvalidInputException.of(
                        name + "/" + version,
                        "model versions are numbered from 1; got %d".formatted(version));
            }
        }

        @Override
        public String toString() {
            return name + "/" + version;
        }
    }

    /** The version an alias of a model points to. */
    record Alias(String name, String alias) implements ModelRef {
        public Alias {
            requireValidName(name);
            requireValidAlias(alias);
        }

        @Override
        public String toString() {
            return name + "@" + alias;
        }
    }

    /** Parses {@code NAME}, {@code NAME/VERSION} or {@code NAME@ALIAS}. */
    static ModelRef parse(String text) {
        String t = Objects.requireNonNull(text, "text").strip();
        int slash = t.indexOf('/');
        int at = t.indexOf('@');
        if (slash >= 0 && at < 0) {
            String v = t.substring(slash + 1);
            try {
                return new Version(t.substring(0, slash), Integer.parseInt(v));
            } catch (NumberFormatException e) {
                throw InvalidInputException.of(
                        t,
                        "'%s' is not a model version number in '%s'; write NAME/3 for version 3 or NAME@ALIAS"
                                .formatted(v, t));
            }
        }
        if (at >= 0 && slash < 0) {
            return new Alias(t.substring(0, at), t.substring(at + 1));
        }
        if (at < 0) {
            return new Latest(t);
        }
        throw InvalidInputException.of(
                t,
                "'%s' is not a model reference; write NAME, NAME/VERSION or NAME@ALIAS"
                        .formatted(t));
    }

    /** Checks that {@code name} can name a model. */
    static String requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw InvalidInputException.of(
                    "'" + name + "'",
                    "'%s' is not a valid model name: use 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. adult-income)"
                            .formatted(name));
        }
        return name;
    }

    /** Checks that {@code alias} can name an alias. */
    static String requireValidAlias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw InvalidInputException.of(
                    "'" + alias + "'",
                    "'%s' is not a valid alias: use 1 to 64 letters, digits, '_' or '-', starting with a letter (e.g. champion)"
                            .formatted(alias));
        }
        return alias;
    }
}
