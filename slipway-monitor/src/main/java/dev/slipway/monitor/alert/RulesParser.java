package dev.slipway.monitor.alert;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.monitor.alert.Condition.MetricBound.Direction;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads a rules file into {@link AlertRules}, with errors that point at the rule and field. */
final class RulesParser {

    /** The condition kinds, as named in the file. */
    static final List<String> KINDS =
            List.of(
                    "dataset_drift",
                    "column_drift",
                    "metric",
                    "null_rate",
                    "error_rate",
                    "latency_p99");

    private static final String RULE_EXAMPLE =
            "{name: auc-low, model: my-model, condition: {kind: metric, metric: auc, below: 0.8}}";

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper YAML =
            YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private RulesParser() {}

    /** How to read the text. */
    enum Syntax {
        JSON,
        YAML,
        /** JSON when it starts with a brace and reads as JSON, else YAML. */
        DETECT
    }

    static AlertRules parse(String text, String source, Syntax syntax) {
        JsonNode root =
                switch (syntax) {
                    case JSON -> read(JSON, "JSON", text, source);
                    case YAML -> read(YAML, "YAML", text, source);
                    case DETECT -> {
                        if (!text.strip().startsWith("{")) {
                            yield read(YAML, "YAML", text, source);
                        }
                        try {
                            yield read(JSON, "JSON", text, source);
                        } catch (InvalidInputException notJson) {
                            // YAML in flow style also starts with a brace.
                            try {
                                yield read(YAML, "YAML", text, source);
                            } catch (InvalidInputException notYaml) {
                                throw notJson;
                            }
                        }
                    }
                };
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw InvalidInputException.of(
                    source,
                    "%s: the alert rules file is empty; start it with 'version: %d' and a list of rules"
                            .formatted(source, AlertRules.FORMAT_VERSION));
        }
        Fields top =
                Fields.of(
                        source, source, root, "an alert rules file", "version: 1 and rules: [...]");
        int version = top.requiredInt("version", "version: " + AlertRules.FORMAT_VERSION);
        if (version > AlertRules.FORMAT_VERSION) {
            throw new IncompatibleFormatException(
                    AlertRules.FORMAT, version, AlertRules.FORMAT_VERSION, source);
        }
        if (version < 1) {
            throw top.error(
                    "field 'version' is %d; the accepted version is %d"
                            .formatted(version, AlertRules.FORMAT_VERSION));
        }
        top.allow("version", "webhook", "rules");
        Optional<Webhook> webhook =
                top.optionalMap("webhook", "webhook: {url: https://hooks.example.org/slipway}")
                        .map(RulesParser::webhook);
        JsonNode list = top.optional("rules").orElse(null);
        if (list == null) {
            throw top.error(
                    "field 'rules' is missing; give a list of rules, e.g. rules: ["
                            + RULE_EXAMPLE
                            + "]");
        }
        if (!list.isArray()) {
            throw top.error("field 'rules' must be a list of rules, not " + Fields.shape(list));
        }
        List<AlertRule> rules = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            AlertRule rule = rule(source, i + 1, list.get(i));
            int same = names.indexOf(rule.name());
            if (same >= 0) {
                throw InvalidInputException.of(
                        source,
                        "%s: rule #%d '%s': field 'name' repeats the name of rule #%d; give each rule its own name"
                                .formatted(source, i + 1, rule.name(), same + 1));
            }
            names.add(rule.name());
            rules.add(rule);
        }
        return new AlertRules(rules, webhook);
    }

    private static JsonNode read(ObjectMapper mapper, String name, String text, String source) {
        try {
            return mapper.readTree(text);
        } catch (JacksonException e) {
            throw InvalidInputException.of(
                    source,
                    "%s: not valid %s: %s".formatted(source, name, e.getOriginalMessage()),
                    e);
        }
    }

    private static AlertRule rule(String source, int index, JsonNode node) {
        String context = source + ": rule #" + index;
        if (node.isObject() && node.path("name").isTextual()) {
            context += " '" + node.get("name").asText() + "'";
        }
        Fields f = Fields.of(source, context, node, "a rule", RULE_EXAMPLE);
        f.allow("name", "model", "severity", "condition", "webhook");
        String name = f.requiredText("name", "name: auc-low");
        if (!AlertRule.NAME.matcher(name).matches()) {
            throw f.error(
                    "field 'name' is '%s'; accepted: 1 to 128 ASCII letters, digits, '-', '_' or '.', starting with a letter or digit"
                            .formatted(name));
        }
        String model = f.requiredText("model", "model: my-model, or model: \"*\" for every model");
        if (model.isBlank() || model.length() > 128) {
            throw f.error(
                    "field 'model' is '%s'; accepted: a model name of 1 to 128 characters, or \"*\" for every model"
                            .formatted(model));
        }
        Severity severity =
                f.optionalText("severity", "severity: critical")
                        .map(s -> severity(f, s))
                        .orElse(Severity.WARNING);
        Condition condition =
                condition(
                        f.requiredMap(
                                "condition", "condition: {kind: metric, metric: auc, below: 0.8}"));
        Optional<Webhook> webhook =
                f.optionalMap("webhook", "webhook: {url: https://hooks.example.org/slipway}")
                        .map(RulesParser::webhook);
        return new AlertRule(
                name,
                model.equals("*") ? Optional.empty() : Optional.of(model),
                condition,
                severity,
                webhook);
    }

    private static Severity severity(Fields f, String value) {
        for (Severity s : Severity.values()) {
            if (s.label().equals(value)) {
                return s;
            }
        }
        throw f.error(
                "field 'severity' is '%s'; accepted values: %s"
                        .formatted(
                                value,
                                Arrays.stream(Severity.values())
                                        .map(Severity::label)
                                        .collect(Collectors.joining(", "))));
    }

    private static Condition condition(Fields c) {
        Optional<JsonNode> kindNode = c.optional("kind");
        String kind = kindNode.filter(JsonNode::isTextual).map(JsonNode::asText).orElse("");
        if (!KINDS.contains(kind)) {
            String got =
                    kindNode.map(n -> n.isTextual() ? "'" + n.asText() + "'" : Fields.shape(n))
                            .orElse("missing");
            throw c.error(
                    "field '%s' is %s; accepted kinds: %s"
                            .formatted(c.path("kind"), got, String.join(", ", KINDS)));
        }
        return switch (kind) {
            case "dataset_drift" -> {
                c.allow("kind", "share_at_least");
                yield new Condition.DatasetDrift(
                        c.requiredShare("share_at_least", "share_at_least: 0.5"));
            }
            case "column_drift" -> {
                c.allow("kind", "column", "score_at_least");
                String column = c.requiredText("column", "column: age");
                OptionalDouble score =
                        c.optional("score_at_least")
                                .map(
                                        n ->
                                                OptionalDouble.of(
                                                        c.number(
                                                                "score_at_least",
                                                                n,
                                                                "score_at_least: 0.2")))
                                .orElse(OptionalDouble.empty());
                yield new Condition.ColumnDrift(column, score);
            }
            case "metric" -> metric(c);
            case "null_rate" -> {
                c.allow("kind", "column", "above");
                String column = c.requiredText("column", "column: age");
                yield new Condition.NullRate(column, c.requiredShare("above", "above: 0.05"));
            }
            case "error_rate" -> {
                c.allow("kind", "above");
                yield new Condition.ErrorRate(c.requiredShare("above", "above: 0.01"));
            }
            case "latency_p99" -> {
                c.allow("kind", "above_ms");
                double ms = c.requiredNumber("above_ms", "above_ms: 250");
                if (ms <= 0) {
                    throw c.error(
                            "field '%s' is %s; accepted values: a positive number of milliseconds, e.g. above_ms: 250"
                                    .formatted(c.path("above_ms"), Numbers.format(ms)));
                }
                yield new Condition.LatencyP99(ms);
            }
            default -> throw new IllegalStateException("unhandled condition kind " + kind);
        };
    }

    private static Condition metric(Fields c) {
        c.allow("kind", "metric", "below", "above", "min_labelled_rows");
        String metric = c.requiredText("metric", "metric: auc");
        Optional<JsonNode> below = c.optional("below");
        Optional<JsonNode> above = c.optional("above");
        if (below.isPresent() == above.isPresent()) {
            throw c.error(
                    "a metric condition needs exactly one of the fields '%s' (for scores such as auc or accuracy) and '%s' (for errors such as rmse), %s"
                            .formatted(
                                    c.path("below"),
                                    c.path("above"),
                                    below.isPresent() ? "not both" : "but has neither"));
        }
        Direction direction = below.isPresent() ? Direction.BELOW : Direction.ABOVE;
        double bound =
                c.number(
                        direction.label(),
                        below.or(() -> above).orElseThrow(),
                        direction.label() + ": 0.8");
        long minRows =
                c.optional("min_labelled_rows")
                        .map(
                                n ->
                                        (long)
                                                c.integer(
                                                        "min_labelled_rows",
                                                        n,
                                                        1,
                                                        Integer.MAX_VALUE,
                                                        "min_labelled_rows: 100"))
                        .orElse(1L);
        return new Condition.MetricBound(metric, direction, bound, minRows);
    }

    private static Webhook webhook(Fields w) {
        w.allow("url", "headers", "attempts", "base_delay_ms", "timeout_ms");
        String text = w.requiredText("url", "url: https://hooks.example.org/slipway");
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw w.error(
                    "field '%s' is not a URL (%s); accepted: an absolute http or https URL, e.g. https://hooks.example.org/slipway"
                            .formatted(w.path("url"), e.getReason()));
        }
        Map<String, String> headers = new TreeMap<>();
        w.optionalMap("headers", "headers: {Authorization: \"Bearer ...\"}")
                .ifPresent(
                        h ->
                                h.forEachText(
                                        (name, value) ->
                                                headers.put(name, header(h, name, value))));
        int attempts =
                w.optional("attempts")
                        .map(n -> w.integer("attempts", n, 1, Webhook.MAX_ATTEMPTS, "attempts: 5"))
                        .orElse(Webhook.DEFAULT_ATTEMPTS);
        Duration baseDelay =
                w.optional("base_delay_ms")
                        .map(
                                n ->
                                        Duration.ofMillis(
                                                w.integer(
                                                        "base_delay_ms",
                                                        n,
                                                        0,
                                                        (int) Webhook.MAX_BASE_DELAY.toMillis(),
                                                        "base_delay_ms: 1000")))
                        .orElse(Webhook.DEFAULT_BASE_DELAY);
        Duration timeout =
                w.optional("timeout_ms")
                        .map(
                                n ->
                                        Duration.ofMillis(
                                                w.integer(
                                                        "timeout_ms",
                                                        n,
                                                        1,
                                                        (int) Webhook.MAX_TIMEOUT.toMillis(),
                                                        "timeout_ms: 10000")))
                        .orElse(Webhook.DEFAULT_TIMEOUT);
        try {
            return new Webhook(url, headers, attempts, baseDelay, timeout);
        } catch (IllegalArgumentException e) {
            throw w.error("field '%s': %s".formatted(w.path("url"), e.getMessage()));
        }
    }

    /** Refuses, at load time, a header the HTTP client would refuse when sending. */
    private static String header(Fields h, String name, String value) {
        try {
            HttpRequest.newBuilder().header(name, value);
        } catch (IllegalArgumentException e) {
            throw h.error(
                    "field '%s' cannot be sent: %s. Headers such as Host, Content-Length, Connection, Expect and Upgrade are set by the HTTP client"
                            .formatted(h.path(name), e.getMessage()));
        }
        return value;
    }
}
