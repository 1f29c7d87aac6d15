package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Aliases, tags, descriptions and deletion of registered models. */
class ModelsEditTest extends ModelsCliTest {

    /** Model toy with versions 1 and 2. */
    @BeforeEach
    void twoVersions() {
        for (int i = 0; i < 2; i++) {
            CliRun r = slipway("models", "import", TOY.toString(), "--name", "toy");
            assertThat(r.code()).as(r.err()).isZero();
        }
    }

    @Test
    void aliasSet_showByAlias_resolvesToThatVersion() {
        slipway("models", "alias", "set", "toy", "champion", "1");

        JsonNode shown = slipway("models", "show", "toy@champion", "--json").json();

        assertThat(shown.get("version").asInt()).isEqualTo(1);
        assertThat(shown.get("aliases")).extracting(JsonNode::asText).containsExactly("champion");
        assertThat(shown.get("latest").asBoolean()).isFalse();
    }

    @Test
    void aliasSet_again_movesItAndSaysWhereFrom() {
        slipway("models", "alias", "set", "toy", "champion", "1");

        CliRun moved = slipway("models", "alias", "set", "toy", "champion", "2");

        assertThat(moved.code()).isZero();
        assertThat(moved.out()).contains("toy@champion -> toy/2 (was toy/1)");
        assertThat(
                        slipway("models", "show", "toy@champion", "--json")
                                .json()
                                .get("version")
                                .asInt())
                .isEqualTo(2);
    }

    @Test
    void aliasDelete_thenShowByAlias_exit4NamingTheAliasesLeft() {
        slipway("models", "alias", "set", "toy", "champion", "1");
        slipway("models", "alias", "set", "toy", "staging", "2");

        CliRun deleted = slipway("models", "alias", "delete", "toy", "champion");
        CliRun shown = slipway("models", "show", "toy@champion");

        assertThat(deleted.code()).isZero();
        assertThat(deleted.out()).contains("toy@champion").contains("toy/1");
        assertThat(shown.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(shown.err()).contains("champion").contains("staging");
    }

    @Test
    void aliasSet_versionThatDoesNotExist_exit4ListingTheVersions() {
        CliRun r = slipway("models", "alias", "set", "toy", "champion", "7");

        assertThat(r.code()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).contains("toy").contains("7");
    }

    @Test
    void aliasSet_versionNotANumber_exit3() {
        CliRun r = slipway("models", "alias", "set", "toy", "champion", "latest");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("'latest' is not a version number");
    }

    @Test
    void tag_versionRef_tagsTheVersionOnly() {
        CliRun r = slipway("models", "tag", "toy/2", "reviewed=yes", "owner=risk", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("tags").get("reviewed").asText()).isEqualTo("yes");
        JsonNode v2 = slipway("models", "show", "toy/2", "--json").json();
        assertThat(v2.get("tags").get("owner").asText()).isEqualTo("risk");
        assertThat(v2.get("model_tags")).isEmpty();
        assertThat(slipway("models", "show", "toy/1", "--json").json().get("tags")).isEmpty();
    }

    @Test
    void tag_bareName_tagsTheModel() {
        slipway("models", "tag", "toy", "team=ml");

        JsonNode list = slipway("models", "list", "--json").json();

        assertThat(list.get(0).get("tags").get("team").asText()).isEqualTo("ml");
        assertThat(list.get(0).get("latest").get("tags")).isEmpty();
    }

    @Test
    void tag_delete_removesOnlyThatKey() {
        slipway("models", "alias", "set", "toy", "champion", "2");
        slipway("models", "tag", "toy@champion", "a=1", "b=2");

        CliRun r = slipway("models", "tag", "toy@champion", "--delete", "a");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Tags of toy/2: b=2");
    }

    @Test
    void tag_withoutEquals_exit3ShowingTheForm() {
        CliRun r = slipway("models", "tag", "toy/1", "reviewed");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("KEY=VALUE");
    }

    @Test
    void describe_versionAndModel_eachShown() {
        slipway("models", "describe", "toy/1", "first try");
        slipway("models", "describe", "toy", "a toy with categorical splits");

        JsonNode v1 = slipway("models", "show", "toy/1", "--json").json();

        assertThat(v1.get("description").asText()).isEqualTo("first try");
        assertThat(v1.get("model_description").asText()).isEqualTo("a toy with categorical splits");
    }

    @Test
    void delete_aliasedVersion_exit5NamingTheAlias() {
        slipway("models", "alias", "set", "toy", "champion", "2");

        CliRun r = slipway("models", "delete", "toy/2");

        assertThat(r.code()).isEqualTo(ExitCode.CONFLICT);
        assertThat(r.err()).contains("champion").contains("--force");
        assertThat(slipway("models", "versions", "toy", "--json").json()).hasSize(2);
    }

    @Test
    void delete_aliasedVersionWithForce_deletesVersionAndAlias() {
        slipway("models", "alias", "set", "toy", "champion", "2");

        CliRun r = slipway("models", "delete", "toy/2", "--force");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Deleted toy/2").contains("champion");
        JsonNode versions = slipway("models", "versions", "toy", "--json").json();
        assertThat(versions).hasSize(1);
        assertThat(slipway("models", "show", "toy@champion").code()).isEqualTo(ExitCode.NOT_FOUND);
    }

    @Test
    void delete_bareNameWithoutAll_exit3AndNothingDeleted() {
        CliRun r = slipway("models", "delete", "toy");

        assertThat(r.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("--all").contains("toy/VERSION");
        assertThat(slipway("models", "versions", "toy", "--json").json()).hasSize(2);
    }

    @Test
    void delete_allOfAnAliasedModel_needsForce() {
        slipway("models", "alias", "set", "toy", "champion", "1");

        CliRun refused = slipway("models", "delete", "toy", "--all");
        CliRun forced = slipway("models", "delete", "toy", "--all", "--force", "--json");

        assertThat(refused.code()).isEqualTo(ExitCode.CONFLICT);
        assertThat(refused.err()).contains("champion");
        assertThat(forced.code()).isZero();
        assertThat(forced.json().get("versions").asInt()).isEqualTo(2);
        assertThat(slipway("models", "list", "--json").json()).isEmpty();
    }
}
