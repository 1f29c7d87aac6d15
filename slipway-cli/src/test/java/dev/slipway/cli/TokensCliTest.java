package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.serve.security.Tokens;
import dev.slipway.store.SlipwayHome;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code slipway tokens create, list, revoke}. */
class TokensCliTest {

    private static final Pattern SECRET = Pattern.compile("slw_[A-Za-z0-9_-]{43}");

    @TempDir Path dir;

    /** Runs {@code slipway ARGS --home HOME} in-process. */
    private CliRun slipway(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--home", home().toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private Path home() {
        return dir.resolve("home");
    }

    @Test
    void create_text_printsTheSecretOnceWithHowToUseIt() {
        CliRun r = slipway("tokens", "create", "--name", "ci-deploy", "--scope", "predict");

        assertThat(r.code()).as(r.err()).isZero();
        Matcher m = SECRET.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(m.find()).as("the secret is printed once").isFalse();
        assertThat(r.out())
                .contains("ci-deploy")
                .contains("cannot be shown again")
                .contains("Authorization: Bearer <secret>");
    }

    @Test
    void create_secretPrinted_isAcceptedByTheServersTokens() {
        String secret =
                slipway("tokens", "create", "--name", "ci", "--scope", "predict,admin", "--json")
                        .json()
                        .get("secret")
                        .asText();

        try (SlipwayHome home = SlipwayHome.open(home())) {
            Tokens tokens = new Tokens(home, Clock.systemUTC(), new SecureRandom());

            assertThat(tokens.verify(secret))
                    .hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("ci"));
        }
    }

    @Test
    void create_json_hasSecretIdAndScopes() {
        JsonNode created =
                slipway("tokens", "create", "--name", "ops", "--scope", "ADMIN", "--json").json();

        assertThat(created.get("secret").asText()).matches(SECRET);
        assertThat(created.get("name").asText()).isEqualTo("ops");
        assertThat(created.get("id").asText()).matches("[0-9a-f]{12}");
        assertThat(created.get("scopes")).extracting(JsonNode::asText).containsExactly("admin");
        assertThat(created.get("note").asText()).contains("cannot be shown again");
    }

    @Test
    void create_unknownScope_exit3ListingTheValidOnes() {
        CliRun r = slipway("tokens", "create", "--name", "ci", "--scope", "write");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("'write'").contains("predict, admin");
    }

    @Test
    void create_badName_exit3() {
        CliRun r = slipway("tokens", "create", "--name", "two words", "--scope", "predict");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("'two words' is not a valid token name");
    }

    @Test
    void create_duplicateName_exit5NamingIt() {
        slipway("tokens", "create", "--name", "ci", "--scope", "predict");

        CliRun r = slipway("tokens", "create", "--name", "ci", "--scope", "admin");

        assertThat(r.code()).isEqualTo(ExitCode.CONFLICT);
        assertThat(r.err()).contains("'ci' already exists");
    }

    @Test
    void create_withoutScope_usageError() {
        CliRun r = slipway("tokens", "create", "--name", "ci");

        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--scope");
    }

    @Test
    void list_afterCreate_showsNameIdAndScopesButNoSecret() {
        JsonNode created =
                slipway("tokens", "create", "--name", "ci", "--scope", "predict", "--json").json();

        CliRun text = slipway("tokens", "list");
        CliRun json = slipway("tokens", "list", "--json");

        assertThat(text.code()).isZero();
        assertThat(text.out())
                .contains("ci")
                .contains(created.get("id").asText())
                .contains("predict")
                .doesNotContain(created.get("secret").asText())
                .doesNotContain("slw_");
        assertThat(json.json()).hasSize(1);
        assertThat(json.json().get(0).get("name").asText()).isEqualTo("ci");
        assertThat(json.json().get(0).has("secret")).isFalse();
        assertThat(json.out()).doesNotContain("slw_");
    }

    @Test
    void list_none_saysHowToCreateOne() {
        CliRun r = slipway("tokens", "list");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("No API tokens").contains("slipway tokens create");
    }

    @Test
    void revoke_byName_goneFromListAndRefused() {
        String secret =
                slipway("tokens", "create", "--name", "ci", "--scope", "predict", "--json")
                        .json()
                        .get("secret")
                        .asText();

        CliRun r = slipway("tokens", "revoke", "ci");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Revoked API token ci");
        assertThat(slipway("tokens", "list", "--json").json()).isEmpty();
        try (SlipwayHome home = SlipwayHome.open(home())) {
            assertThat(new Tokens(home, Clock.systemUTC(), new SecureRandom()).verify(secret))
                    .isEmpty();
        }
    }

    @Test
    void revoke_byIdJson_saysRevoked() {
        String id =
                slipway("tokens", "create", "--name", "ci", "--scope", "predict", "--json")
                        .json()
                        .get("id")
                        .asText();

        JsonNode r = slipway("tokens", "revoke", id, "--json").json();

        assertThat(r.get("revoked").asBoolean()).isTrue();
        assertThat(r.get("name").asText()).isEqualTo("ci");
    }

    @Test
    void revoke_unknown_exit4NamingTheTokensThereAre() {
        slipway("tokens", "create", "--name", "ci", "--scope", "predict");

        CliRun r = slipway("tokens", "revoke", "nope");

        assertThat(r.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).contains("'nope'").contains("ci (").contains("slipway tokens list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"create", "list", "revoke"})
    void help_eachCommand_showsAnExample(String command) {
        CliRun r = CliRun.of("tokens", command, "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Example").contains("slipway tokens " + command);
    }

    @Test
    void help_group_listsTheCommandsAndTheHeader() {
        CliRun r = CliRun.of("tokens", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("create")
                .contains("list")
                .contains("revoke")
                .contains("Authorization: Bearer");
        assertThat(CliRun.of("--help").out()).contains("tokens");
    }
}
