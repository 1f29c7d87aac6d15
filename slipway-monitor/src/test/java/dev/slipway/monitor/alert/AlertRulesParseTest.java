package dev.slipway.monitor.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.IncompatibleFormatException;
import dev.slipway.api.InvalidInputException;
import dev.slipway.monitor.alert.Condition.MetricBound.Direction;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertRulesParseTest {

    @TempDir Path tmp;

    static final String YAML =
            """
            version: 1
            webhook:
              url: https://hooks.example.org/slipway/T0123/s3cret
              headers: {Authorization: "Bearer abc"}
              attempts: 3
              base_delay_ms: 250
              timeout_ms: 2000
            rules:
              - name: adult-drift
                model: adult-income
                severity: critical
                condition: {kind: dataset_drift, share_at_least: 0.5}
              - name: age-drift
                model: "*"
                condition: {kind: column_drift, column: age}
              - name: age-drift-score
                model: adult-income
                condition: {kind: column_drift, column: age, score_at_least: 0.2}
              - name: auc-low
                model: adult-income
                condition: {kind: metric, metric: auc, below: 0.8, min_labelled_rows: 100}
              - name: rmse-high
                model: house-prices
                condition: {kind: metric, metric: rmse, above: 25000}
              - name: age-nulls
                model: adult-income
                condition: {kind: null_rate, column: age, above: 0.05}
              - name: errors
                model: "*"
                condition: {kind: error_rate, above: 0.01}
              - name: slow
                model: "*"
                condition: {kind: latency_p99, above_ms: 250}
                webhook: {url: "http://127.0.0.1:9/hook"}
            """;

    @Test
    void parse_yamlWithEveryKind_readsEveryRule() {
        AlertRules rules = AlertRules.parse(YAML, "rules.yaml");

        assertThat(rules.rules())
                .extracting(AlertRule::condition)
                .containsExactly(
                        new Condition.DatasetDrift(0.5),
                        new Condition.ColumnDrift("age", OptionalDouble.empty()),
                        new Condition.ColumnDrift("age", OptionalDouble.of(0.2)),
                        new Condition.MetricBound("auc", Direction.BELOW, 0.8, 100),
                        new Condition.MetricBound("rmse", Direction.ABOVE, 25000, 1),
                        new Condition.NullRate("age", 0.05),
                        new Condition.ErrorRate(0.01),
                        new Condition.LatencyP99(250));
        AlertRule first = rules.rules().getFirst();
        assertThat(first.name()).isEqualTo("adult-drift");
        assertThat(first.model()).contains("adult-income");
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(rules.rules().get(1).model()).isEmpty();
        assertThat(rules.rules().get(1).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void parse_webhooks_fileWideAndPerRule() {
        AlertRules rules = AlertRules.parse(YAML, "rules.yaml");

        Webhook shared = rules.webhook().orElseThrow();
        assertThat(shared)
                .isEqualTo(
                        new Webhook(
                                URI.create("https://hooks.example.org/slipway/T0123/s3cret"),
                                Map.of("Authorization", "Bearer abc"),
                                3,
                                Duration.ofMillis(250),
                                Duration.ofSeconds(2)));
        assertThat(rules.webhookFor(rules.rules().getFirst())).contains(shared);
        assertThat(rules.webhookFor(rules.rules().getLast()))
                .contains(Webhook.of(URI.create("http://127.0.0.1:9/hook")));
    }

    @Test
    void webhookToString_urlWithSecretPath_showsHostOnly() {
        Webhook hook = AlertRules.parse(YAML, "rules.yaml").webhook().orElseThrow();

        assertThat(hook.toString())
                .contains("https://hooks.example.org")
                .doesNotContain("s3cret")
                .doesNotContain("Bearer");
    }

    @Test
    void parse_json_sameAsYaml() {
        String json =
                """
                {"version": 1,
                 "rules": [
                   {"name": "auc-low", "model": "adult-income", "severity": "warning",
                    "condition": {"kind": "metric", "metric": "auc", "below": 0.8}},
                   {"name": "slow", "model": "*",
                    "condition": {"kind": "latency_p99", "above_ms": 250}}]}
                """;

        AlertRules rules = AlertRules.parse(json, "rules.json");

        assertThat(rules.webhook()).isEmpty();
        assertThat(rules.rules())
                .containsExactly(
                        AlertRule.of(
                                "auc-low",
                                Optional.of("adult-income"),
                                new Condition.MetricBound("auc", Direction.BELOW, 0.8, 1),
                                Severity.WARNING),
                        AlertRule.of(
                                "slow",
                                Optional.empty(),
                                new Condition.LatencyP99(250),
                                Severity.WARNING));
    }

    @Test
    void load_jsonFile_parsedAsJson() throws Exception {
        Path file =
                Files.writeString(
                        tmp.resolve("rules.json"),
                        "{\"version\": 1, \"rules\": [], \"rules\": []}");

        assertThatThrownBy(() -> AlertRules.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("rules");
    }

    @Test
    void load_yamlFile_readsRules() throws Exception {
        Path file = Files.writeString(tmp.resolve("rules.yaml"), YAML);

        assertThat(AlertRules.load(file).rules()).hasSize(8);
    }

    @Test
    void load_missingFile_namesPath() {
        Path file = tmp.resolve("nope.yaml");

        assertThatThrownBy(() -> AlertRules.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("cannot be read");
    }

    @Test
    void parse_newerVersion_refusesNamingBothNumbers() {
        assertThatThrownBy(() -> AlertRules.parse("version: 2\nrules: []\n", "rules.yaml"))
                .isInstanceOf(IncompatibleFormatException.class)
                .hasMessageContaining("rules.yaml")
                .hasMessageContaining("version 2")
                .hasMessageContaining("up to 1");
    }

    @Test
    void parse_yamlFlowStyleStartingWithBrace_readAsYaml() {
        AlertRules rules =
                AlertRules.parse(
                        "{version: 1, rules: [{name: r, model: m, condition: {kind: error_rate, above: 0.1}}]}",
                        "--rules");

        assertThat(rules.rules()).extracting(AlertRule::name).containsExactly("r");
    }

    @Test
    void parse_brokenJson_saysJson() {
        assertThatThrownBy(() -> AlertRules.parse("{\"version\": 1, \"rules\": [}", "--rules"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--rules: not valid JSON");
    }

    @Test
    void load_fileWithOtherExtension_detectsSyntax() throws Exception {
        Path file =
                Files.writeString(tmp.resolve("alerts.conf"), "{\"version\": 1, \"rules\": []}");

        assertThat(AlertRules.load(file).rules()).isEmpty();
    }

    @Test
    void parse_emptyRuleList_noRules() {
        assertThat(AlertRules.parse("version: 1\nrules: []\n", "r").rules()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            empty file                | ''                                             | is empty
            no version                | 'rules: []'                                    | field 'version' is missing
            version is text           | 'version: "1"\nrules: []'                      | field 'version' must be a whole number
            version zero              | 'version: 0\nrules: []'                        | the accepted version is 1
            no rules                  | 'version: 1'                                   | field 'rules' is missing
            rules not a list          | 'version: 1\nrules: {a: 1}'                    | field 'rules' must be a list
            unknown top-level field   | 'version: 1\nrule: []'                         | unknown field 'rule'; accepted fields here: version, webhook, rules
            broken yaml               | 'version: 1\nrules: [\n'                       | not valid YAML
            top level is a list       | '- 1'                                          | an alert rules file must be a map
            """)
    void parse_badFile_saysWhatIsWrong(String label, String text, String expected) {
        assertThatThrownBy(() -> AlertRules.parse(text.replace("\\n", "\n"), "rules.yaml"))
                .as(label)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("rules.yaml")
                .hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            rule not a map         | '"just text"'                                                                      | rule #2: a rule must be a map
            no name                | '{model: m, condition: {kind: error_rate, above: 0.1}}'                            | rule #2: field 'name' is missing
            bad name               | '{name: "a b", model: m, condition: {kind: error_rate, above: 0.1}}'               | rule #2 'a b': field 'name' is 'a b'; accepted: 1 to 128 ASCII letters
            no model               | '{name: r, condition: {kind: error_rate, above: 0.1}}'                             | rule #2 'r': field 'model' is missing; e.g. model: my-model, or model: "*" for every model
            model is a number      | '{name: r, model: 42, condition: {kind: error_rate, above: 0.1}}'                  | rule #2 'r': field 'model' must be text
            unknown rule field     | '{name: r, model: m, sevrity: critical, condition: {kind: error_rate, above: 0.1}}' | rule #2 'r': unknown field 'sevrity'; accepted fields here: name, model, severity, condition, webhook
            bad severity           | '{name: r, model: m, severity: high, condition: {kind: error_rate, above: 0.1}}'   | rule #2 'r': field 'severity' is 'high'; accepted values: warning, critical
            no condition           | '{name: r, model: m}'                                                              | rule #2 'r': field 'condition' is missing
            condition is text      | '{name: r, model: m, condition: drift}'                                            | rule #2 'r': field 'condition' must be a map
            no kind                | '{name: r, model: m, condition: {above: 0.1}}'                                     | rule #2 'r': field 'condition.kind' is missing; accepted kinds: dataset_drift, column_drift, metric, null_rate, error_rate, latency_p99
            unknown kind           | '{name: r, model: m, condition: {kind: drift}}'                                    | rule #2 'r': field 'condition.kind' is 'drift'; accepted kinds: dataset_drift, column_drift
            misspelt bound         | '{name: r, model: m, condition: {kind: error_rate, abvoe: 0.1}}'                   | rule #2 'r': unknown field 'condition.abvoe'; accepted fields here: kind, above
            share out of range     | '{name: r, model: m, condition: {kind: dataset_drift, share_at_least: 50}}'        | rule #2 'r': field 'condition.share_at_least' is 50; accepted values: 0 to 1
            bound is text          | '{name: r, model: m, condition: {kind: null_rate, column: age, above: high}}'      | rule #2 'r': field 'condition.above' must be a number, e.g. above: 0.05, not the text 'high'
            null rate no column    | '{name: r, model: m, condition: {kind: null_rate, above: 0.1}}'                    | rule #2 'r': field 'condition.column' is missing
            column drift no column | '{name: r, model: m, condition: {kind: column_drift}}'                             | rule #2 'r': field 'condition.column' is missing
            score is text          | '{name: r, model: m, condition: {kind: column_drift, column: a, score_at_least: x}}' | rule #2 'r': field 'condition.score_at_least' must be a number
            metric without bound   | '{name: r, model: m, condition: {kind: metric, metric: auc}}'                      | rule #2 'r': a metric condition needs exactly one of the fields 'condition.below' (for scores such as auc or accuracy) and 'condition.above' (for errors such as rmse), but has neither
            metric both bounds     | '{name: r, model: m, condition: {kind: metric, metric: auc, below: 0.8, above: 0.9}}' | not both
            metric no name         | '{name: r, model: m, condition: {kind: metric, below: 0.8}}'                       | rule #2 'r': field 'condition.metric' is missing
            zero labelled rows     | '{name: r, model: m, condition: {kind: metric, metric: auc, below: 0.8, min_labelled_rows: 0}}' | rule #2 'r': field 'condition.min_labelled_rows' is 0; accepted values: 1 or more
            latency zero           | '{name: r, model: m, condition: {kind: latency_p99, above_ms: 0}}'                 | rule #2 'r': field 'condition.above_ms' is 0; accepted values: a positive number
            latency in seconds     | '{name: r, model: m, condition: {kind: latency_p99, above: 0.25}}'                 | rule #2 'r': unknown field 'condition.above'; accepted fields here: kind, above_ms
            duplicate name         | '{name: ok, model: m, condition: {kind: error_rate, above: 0.1}}'                  | rule #2 'ok': field 'name' repeats the name of rule #1
            webhook no url         | '{name: r, model: m, condition: {kind: error_rate, above: 0.1}, webhook: {}}'      | rule #2 'r': field 'webhook.url' is missing
            webhook ftp url        | '{name: r, model: m, condition: {kind: error_rate, above: 0.1}, webhook: {url: "ftp://x.org/a"}}' | rule #2 'r': field 'webhook.url': a webhook URL must be an absolute http or https URL
            webhook relative url   | '{name: r, model: m, condition: {kind: error_rate, above: 0.1}, webhook: {url: "/hook"}}' | field 'webhook.url': a webhook URL must be an absolute http or https URL
            webhook bad url        | '{name: r, model: m, condition: {kind: error_rate, above: 0.1}, webhook: {url: "http://a b"}}' | rule #2 'r': field 'webhook.url' is not a URL
            webhook attempts 0     | '{name: r, model: m, condition: {kind: error_rate, above: 0.1}, webhook: {url: "http://x.org", attempts: 0}}' | rule #2 'r': field 'webhook.attempts' is 0; accepted values: 1 to 20
            webhook delay text     | '{name: r, model: m, condition: {kind: error_rate, above: 0.1}, webhook: {url: "http://x.org", base_delay_ms: "1s"}}' | rule #2 'r': field 'webhook.base_delay_ms' must be a whole number
            webhook timeout 0      | '{name: r, model: m, condition: {kind: error_rate, above: 0.1}, webhook: {url: "http://x.org", timeout_ms: 0}}' | rule #2 'r': field 'webhook.timeout_ms' is 0; accepted values: 1 to 600000
            webhook host header    | '{name: r, model: m, condition: {kind: error_rate, above: 0.1}, webhook: {url: "http://x.org", headers: {Host: a}}}' | rule #2 'r': field 'webhook.headers.Host' cannot be sent
            webhook header number  | '{name: r, model: m, condition: {kind: error_rate, above: 0.1}, webhook: {url: "http://x.org", headers: {X-Id: 7}}}' | rule #2 'r': field 'webhook.headers.X-Id' must be text
            webhook unknown field  | '{name: r, model: m, condition: {kind: error_rate, above: 0.1}, webhook: {uri: "http://x.org"}}' | rule #2 'r': unknown field 'webhook.uri'; accepted fields here: url, headers, attempts, base_delay_ms, timeout_ms
            """)
    void parse_badSecondRule_namesRuleFieldAndAcceptedValues(
            String label, String rule, String expected) {
        String text =
                """
                version: 1
                rules:
                  - {name: ok, model: m, condition: {kind: error_rate, above: 0.1}}
                  - %s
                """
                        .formatted(rule);

        assertThatThrownBy(() -> AlertRules.parse(text, "rules.yaml"))
                .as(label)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("rules.yaml: rule #2")
                .hasMessageContaining(expected);
    }

    @Test
    void parse_badFileWideWebhook_namesField() {
        String text =
                """
                version: 1
                webhook: {url: "http://x.org", attempts: 21}
                rules: []
                """;

        assertThatThrownBy(() -> AlertRules.parse(text, "rules.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("rules.yaml: field 'webhook.attempts' is 21; accepted values: 1 to 20");
    }

    @Test
    void parse_jsonWithBadRule_namesRuleByIndexAndName() {
        String json =
                """
                {"version": 1, "rules": [
                  {"name": "auc-low", "model": "m", "condition": {"kind": "metric", "metric": "auc", "below": "0.8"}}]}
                """;

        assertThatThrownBy(() -> AlertRules.parse(json, "rules.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "rules.json: rule #1 'auc-low': field 'condition.below' must be a number, e.g. below: 0.8, not the text '0.8'");
    }
}
