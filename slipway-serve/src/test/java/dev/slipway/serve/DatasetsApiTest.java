package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.api.data.DatasetRef;
import dev.slipway.data.ColumnProfile;
import dev.slipway.data.DatasetVersion;
import dev.slipway.data.Preview;
import dev.slipway.data.SplitResult;
import dev.slipway.data.SplitSpec;
import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.security.Scope;
import dev.slipway.serve.security.Tokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The datasets API on a real server whose home has the Adult data imported: the list, a dataset's
 * history with lineage, a version's schema and profile, a validation of its snapshot, its first
 * rows, and the errors for unknown names and bad limits.
 */
class DatasetsApiTest {

    private static final String ADULT = "/api/v1/datasets/adult";

    private static TestServer server;
    private static DatasetVersion adult;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config());
        adult = server.home.datasets().resolve(DatasetRef.latest("adult"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode ok(String path) {
        Reply r = server.get(path);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void list_homeWithAdult_givesEachDatasetWithItsLatestVersion() {
        JsonNode all = ok("/api/v1/datasets");

        List<String> names = new ArrayList<>();
        all.forEach(d -> names.add(d.get("name").asText()));
        assertThat(names).contains("adult", "adult_test");
        JsonNode a = find(all, "name", "adult");
        JsonNode latest = a.get("latest");
        assertThat(latest.get("id").asText()).isEqualTo(adult.id());
        assertThat(latest.get("version").asInt()).isEqualTo(adult.number());
        assertThat(latest.get("rows").asLong()).isEqualTo(adult.rows()).isGreaterThan(30_000);
        assertThat(latest.get("columns").asInt()).isEqualTo(15);
        assertThat(latest.get("created").asText()).isEqualTo(adult.createdAt().toString());
    }

    @Test
    void history_adult_givesVersionsWithHashRowsAndSource() {
        JsonNode h = ok(ADULT);

        assertThat(h.get("name").asText()).isEqualTo("adult");
        JsonNode first = h.get("versions").get(0);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("content_sha256").asText()).isEqualTo(adult.contentSha256());
        assertThat(first.get("source").asText()).endsWith("adult_train.csv");
        assertThat(first.get("lineage").isNull()).isTrue();
    }

    @Test
    void history_splitVersion_showsItsParentAndParameters() {
        SplitSpec spec =
                new SplitSpec(
                        0.25,
                        7,
                        Optional.empty(),
                        Optional.empty(),
                        "adult_test-train",
                        "adult_test-test");
        SplitResult split = server.home.datasets().split(DatasetRef.latest("adult_test"), spec);
        String testPart = split.test().dataset();

        JsonNode h = ok("/api/v1/datasets/" + testPart);

        JsonNode lineage = h.get("versions").get(h.get("versions").size() - 1).get("lineage");
        DatasetVersion parent = server.home.datasets().resolve(DatasetRef.latest("adult_test"));
        assertThat(lineage.get("parent_dataset").asText()).isEqualTo("adult_test");
        assertThat(lineage.get("parent_version").asText()).isEqualTo(parent.id());
        assertThat(lineage.get("operation").asText()).isEqualTo("split");
        assertThat(lineage.get("params").get("part").asText()).isEqualTo("test");
    }

    @Test
    void version_latest_givesSchemaAndTheProfileWithHistogramsAndTopValues() {
        JsonNode v = ok(ADULT + "/versions/latest");

        assertThat(v.get("id").asText()).isEqualTo(adult.id());
        JsonNode schema = v.get("schema");
        assertThat(schema).hasSize(15);
        JsonNode age = find(schema, "name", "age");
        assertThat(age.get("type").asText()).isEqualTo("integer");
        assertThat(age.get("nullable").isBoolean()).isTrue();
        assertThat(find(schema, "name", "workclass").get("type").asText()).isEqualTo("categorical");

        ColumnProfile expected =
                server.home.datasets().profile(adult.ref()).column("age").orElseThrow();
        JsonNode ageProfile = find(v.get("profile").get("columns"), "name", "age");
        assertThat(ageProfile.get("count").asLong()).isEqualTo(expected.count());
        assertThat(ageProfile.get("missing").asLong()).isEqualTo(expected.nulls());
        assertThat(ageProfile.get("numeric").get("mean").asDouble())
                .isEqualTo(expected.numeric().orElseThrow().mean());
        assertThat(ageProfile.get("numeric").get("quantiles")).hasSize(7);
        JsonNode hist = ageProfile.get("histogram");
        assertThat(hist.get("edges").size()).isEqualTo(hist.get("counts").size() + 1);
        long total = 0;
        for (JsonNode c : hist.get("counts")) {
            total += c.asLong();
        }
        assertThat(total).isEqualTo(expected.count());

        JsonNode workclass = find(v.get("profile").get("columns"), "name", "workclass");
        assertThat(workclass.get("histogram").isNull()).isTrue();
        assertThat(workclass.get("top").get(0).get("value").asText()).isEqualTo("Private");
        assertThat(v.get("validation_url").asText())
                .isEqualTo(ADULT + "/versions/" + adult.number() + "/validation");
    }

    @Test
    void version_byNumberAndById_isTheSameVersion() {
        assertThat(ok(ADULT + "/versions/1").get("id").asText()).isEqualTo(adult.id());
        assertThat(ok(ADULT + "/versions/" + adult.id()).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void validation_ownSnapshot_checksEveryRowAndPasses() {
        JsonNode r = ok(ADULT + "/versions/1/validation");

        assertThat(r.get("stored").asBoolean()).isFalse();
        assertThat(r.get("rows").asLong()).isEqualTo(adult.rows());
        assertThat(r.get("passed").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.get("errors").asInt()).isZero();
        assertThat(r.get("problems").isArray()).isTrue();
    }

    @Test
    void rows_noLimit_givesTheFirst20RowsAsTheDataLayerReadsThem() {
        JsonNode r = ok(ADULT + "/versions/latest/rows");

        Preview expected = server.home.datasets().head(adult.ref(), 20);
        assertThat(r.get("limit").asInt()).isEqualTo(20);
        assertThat(r.get("columns")).hasSize(15);
        assertThat(r.get("columns").get(0).asText()).isEqualTo(expected.columns().get(0));
        assertThat(r.get("rows")).hasSize(20);
        assertThat(r.get("rows").get(0).get(0).asText()).isEqualTo(expected.rows().get(0).get(0));
    }

    @Test
    void rows_limit1000_givesAThousandRows() {
        assertThat(ok(ADULT + "/versions/1/rows?limit=1000").get("rows")).hasSize(1000);
    }

    @Test
    void rows_limitAboveMaximum_is400NamingTheLimit() {
        Reply r = server.get(ADULT + "/versions/1/rows?limit=1001");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("limit", "1000", "1001");
    }

    @Test
    void rows_unknownParameter_is400NamingIt() {
        Reply r = server.get(ADULT + "/versions/1/rows?rows=5");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("'rows'", "limit");
    }

    @Test
    void history_unknownDataset_is404SayingSo() {
        Reply r = server.get("/api/v1/datasets/no-such-data");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).contains("no dataset named 'no-such-data'");
    }

    @Test
    void version_unknownVersion_is404SayingSo() {
        Reply r = server.get(ADULT + "/versions/99");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).contains("has no version '99'");
    }

    @Test
    void rows_unknownDataset_is404() {
        assertThat(server.get("/api/v1/datasets/nope/versions/latest/rows").status())
                .isEqualTo(404);
    }

    @Test
    void datasets_tokensRequired_needAToken_andThePredictScopeSuffices() {
        ServeHome home = ServeHome.copy();
        Tokens tokens = new Tokens(home.home(), Clock.systemUTC(), new SecureRandom());
        String predict = "Bearer " + tokens.create("reader", Set.of(Scope.PREDICT)).secret();
        try (TestServer secured =
                TestServer.start(
                        home, TestServer.config().withTokens(ServerConfig.TokenMode.REQUIRED))) {
            assertThat(secured.get("/api/v1/datasets").status()).isEqualTo(401);
            assertThat(secured.get(ADULT + "/versions/1/rows").status()).isEqualTo(401);
            Reply r = secured.get(ADULT + "/versions/1", "Authorization", predict);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    private static JsonNode find(JsonNode array, String key, String value) {
        for (JsonNode n : array) {
            if (n.get(key).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no element with " + key + "=" + value + " in " + array);
    }
}
