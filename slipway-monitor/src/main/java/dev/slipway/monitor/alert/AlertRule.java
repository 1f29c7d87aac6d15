package dev.slipway.monitor.alert;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One alert rule: a name, the model it watches (or every model), a condition, a severity and,
 * optionally, its own webhook instead of the rules file's.
 *
 * <p>Immutable.
 *
 * @param name unique in its rules file: 1 to 128 ASCII letters, digits, {@code -}, {@code _} or
 *     {@code .}, starting with a letter or digit
 * @param model the model it watches; empty for every model ({@code model: "*"} in the file)
 * @param condition what makes it fire
 * @param severity how urgent it is
 * @param webhook where its notifications go instead of the rules file's webhook, if anywhere
 */
public record AlertRule(
        String name,
        Optional<String> model,
        Condition condition,
        Severity severity,
        Optional<Webhook> webhook) {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /**
     * @throws IllegalArgumentException when the name or model name is not valid
     */
    public AlertRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(webhook, "webhook");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "alert rule name '%s' is not valid: use 1 to 128 ASCII letters, digits, '-', '_' or '.', starting with a letter or digit"
                            .formatted(name));
        }
        model.ifPresent(
                m -> {
                    if (m.isBlank() || m.length() > 128) {
                        throw new IllegalArgumentException(
                                "the model of alert rule '%s' must be 1 to 128 characters, not '%s'"
                                        .formatted(name, m));
                    }
                });
    }

    /** A rule for {@code model} (or every model when empty), with no webhook of its own. */
    public static AlertRule of(
            String name, Optional<String> model, Condition condition, Severity severity) {
        return new AlertRule(name, model, condition, severity, Optional.empty());
    }

    /** Whether this rule watches {@code model}. */
    public boolean appliesTo(String model) {
        Objects.requireNonNull(model, "model");
        return this.model.map(model::equals).orElse(true);
    }
}
