package dev.slipway.monitor.alert;

import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A set of alert rules, as read from a rules file, with the webhook their notifications go to
 * unless a rule names its own.
 *
 * <p>The file is YAML or JSON (the same fields either way) in format version {@value
 * #FORMAT_VERSION}:
 *
 * <pre>{@code
 * version: 1
 * webhook:                          # optional; where every rule's notifications are POSTed
 *   url: https://hooks.example.org/slipway
 *   headers: {Authorization: "Bearer s3cret"}   # optional
 *   attempts: 5                     # optional, 1..20 tries in all (default 5)
 *   base_delay_ms: 1000             # optional, wait before the 2nd try, doubled after (default 1000)
 *   timeout_ms: 10000               # optional, per try (default 10000)
 * rules:
 *   - name: adult-drift             # unique; letters, digits, - _ .
 *     model: adult-income           # or "*" for every model
 *     severity: critical            # optional: warning (default) or critical
 *     condition: {kind: dataset_drift, share_at_least: 0.5}
 *   - name: age-drift
 *     model: "*"
 *     condition: {kind: column_drift, column: age}          # the drift test's verdict
 *   - name: age-drift-score
 *     model: adult-income
 *     condition: {kind: column_drift, column: age, score_at_least: 0.2}
 *   - name: auc-low
 *     model: adult-income
 *     condition: {kind: metric, metric: auc, below: 0.8, min_labelled_rows: 100}
 *   - name: rmse-high
 *     model: house-prices
 *     condition: {kind: metric, metric: rmse, above: 25000}
 *   - name: age-nulls
 *     model: adult-income
 *     condition: {kind: null_rate, column: age, above: 0.05}
 *   - name: errors
 *     model: "*"
 *     condition: {kind: error_rate, above: 0.01}
 *   - name: slow
 *     model: "*"
 *     condition: {kind: latency_p99, above_ms: 250}
 *     webhook: {url: https://oncall.example.org/hook}   # optional; replaces the one above
 * }</pre>
 *
 * <p>Bounds are strict except for {@code share_at_least} and {@code score_at_least}, which fire at
 * the bound itself. Unknown fields are refused, so that a misspelt bound is not silently ignored.
 *
 * <p>Immutable.
 *
 * @param rules the rules, in file order; names are unique
 * @param webhook where notifications go for rules without a webhook of their own, if anywhere
 */
public record AlertRules(List<AlertRule> rules, Optional<Webhook> webhook) {

    /** The rules file format version this build writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** The format's name in messages about versions. */
    public static final String FORMAT = "Slipway alert rules";

    /**
     * @throws IllegalArgumentException when two rules have the same name
     */
    public AlertRules {
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        Objects.requireNonNull(webhook, "webhook");
        Set<String> names = new HashSet<>();
        for (AlertRule rule : rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException(
                        "two alert rules are named '%s': give each rule its own name"
                                .formatted(rule.name()));
            }
        }
    }

    /**
     * Reads a rules file: JSON when its name ends in {@code .json}, YAML when it ends in {@code
     * .yaml} or {@code .yml}, else as {@link #parse} decides.
     *
     * @throws InvalidInputException when the file cannot be read or is not a valid rules file,
     *     naming the rule (by position and name), the field and what is accepted
     * @throws IncompatibleFormatException when it is in a newer format version
     */
    public static AlertRules load(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InvalidInputException.of(
                    file.toString(),
                    "%s: the alert rules file cannot be read: %s. Check the path and its permissions"
                            .formatted(file, e.getMessage()),
                    e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        RulesParser.Syntax syntax =
                name.endsWith(".json")
                        ? RulesParser.Syntax.JSON
                        : name.endsWith(".yaml") || name.endsWith(".yml")
                                ? RulesParser.Syntax.YAML
                                : RulesParser.Syntax.DETECT;
        return RulesParser.parse(text, file.toString(), syntax);
    }

    /**
     * Parses rules text: JSON when it starts with <code>{</code> and reads as JSON, else YAML.
     *
     * @param source where the text came from, for error messages (a file path, an option)
     * @throws InvalidInputException as {@link #load}
     * @throws IncompatibleFormatException as {@link #load}
     */
    public static AlertRules parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        return RulesParser.parse(text, source, RulesParser.Syntax.DETECT);
    }

    /** The rules that watch {@code model}, in file order. */
    public List<AlertRule> rulesFor(String model) {
        Objects.requireNonNull(model, "model");
        return rules.stream().filter(r -> r.appliesTo(model)).toList();
    }

    /** Where {@code rule}'s notifications go: its own webhook, else this file's, if any. */
    public Optional<Webhook> webhookFor(AlertRule rule) {
        return rule.webhook().or(this::webhook);
    }

    /**
     * Evaluates every rule that watches the observations' model; no side effects.
     *
     * @return one result per such rule, in file order
     */
    public List<RuleResult> evaluate(Observations observations) {
        Objects.requireNonNull(observations, "observations");
        return rulesFor(observations.model()).stream()
                .map(rule -> Evaluator.evaluate(rule, observations))
                .toList();
    }
}
