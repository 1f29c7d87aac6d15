package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.serve.ServerConfig;
import dev.slipway.serve.SlipwayServer;
import dev.slipway.serve.core.CoreOptions;
import dev.slipway.serve.http.HttpOptions;
import dev.slipway.serve.security.Scope;
import dev.slipway.serve.security.Tokens;
import dev.slipway.store.SlipwayHome;
import dev.slipway.testkit.SharedData;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway server ...} and {@code slipway models ... --server URL} against a real server
 * running in-process on a home with two trained versions of adult-income.
 */
class ServerCliTest {

    @TempDir static Path root;

    private SlipwayHome home;
    private SlipwayServer server;

    @BeforeAll
    static void trainTwoVersions() {
        CliRun imported =
                CliRun.of(
                        "data",
                        "import",
                        SharedData.dataset("adult_train.csv").toString(),
                        "--name",
                        "adult",
                        "--home",
                        root.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        for (String alias : List.of("champion", "challenger")) {
            CliRun train =
                    CliRun.of(
                            "train",
                            "--data",
                            "adult",
                            "--target",
                            "income",
                            "--param",
                            "num_round=5",
                            "--name",
                            "adult-income",
                            "--alias",
                            alias,
                            "--home",
                            root.toString());
            assertThat(train.code()).as(train.err()).isZero();
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (home != null) {
            home.close();
        }
    }

    /** Starts a server on the test home, champion at version 1, tokens as given. */
    private String start(ServerConfig.TokenMode tokens) {
        CliRun reset = slipwayLocal("models", "alias", "set", "adult-income", "champion", "1");
        assertThat(reset.code()).as(reset.err()).isZero();
        home = SlipwayHome.open(root);
        ServerConfig config =
                ServerConfig.defaults()
                        .withHttp(HttpOptions.defaults().withAddress("127.0.0.1", 0))
                        .withGrpc(Optional.empty())
                        .withCore(CoreOptions.defaults().withPollInterval(Duration.ZERO))
                        .withLog(Optional.empty())
                        .withAccessLog(false)
                        .withTokens(tokens);
        server =
                SlipwayServer.start(
                        home, Services.open(home).registry(), config, Clock.systemUTC());
        return "http://127.0.0.1:" + server.httpPort();
    }

    private String start() {
        return start(ServerConfig.TokenMode.OFF);
    }

    private static CliRun slipwayLocal(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--home", root.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** The versions GET /v2/models/adult-income names: the one answering now. */
    private static List<String> servedVersions(String url) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> r =
                    client.send(
                            HttpRequest.newBuilder(URI.create(url + "/v2/models/adult-income"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            List<String> versions = new ArrayList<>();
            Output.JSON.readTree(r.body()).get("versions").forEach(v -> versions.add(v.asText()));
            return versions;
        }
    }

    private String token(Scope scope) {
        return new Tokens(home, Clock.systemUTC(), new SecureRandom())
                .create("t-" + scope.label(), Set.of(scope))
                .secret();
    }

    @Test
    void serverInfo_json_describesTheRunningServer() {
        String url = start();

        CliRun r = CliRun.of("server", "info", "--server", url, "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode info = r.json();
        assertThat(info.get("name").asText()).isEqualTo("slipway");
        assertThat(info.get("http_port").asInt()).isEqualTo(server.httpPort());
        assertThat(info.get("tokens_required").asBoolean()).isFalse();
        assertThat(info.get("ready").asBoolean()).isTrue();
        assertThat(info.get("models").get(0).get("ref").asText())
                .isEqualTo("adult-income@champion");
    }

    @Test
    void serverInfo_text_namesServerAndServedModels() {
        String url = start();

        CliRun r = CliRun.of("server", "info", "--server", url);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(url)
                .contains("Tokens    off")
                .contains("adult-income: adult-income@champion, version 1 (xgboost, ready)");
    }

    @Test
    void serverModels_text_listsRefVersionAndState() {
        String url = start();

        CliRun r = CliRun.of("server", "models", "--server", url);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList())
                .first()
                .asString()
                .startsWith("MODEL")
                .contains("LAST ERROR");
        assertThat(r.out().lines().skip(1).toList())
                .singleElement()
                .asString()
                .matches("adult-income +adult-income@champion +1 +ready +xgboost .*");
    }

    @Test
    void aliasSet_withServer_serverAnswersFromTheNewVersionOnReturn() throws Exception {
        String url = start();
        assertThat(servedVersions(url)).containsExactly("1");

        CliRun r =
                CliRun.of(
                        "models", "alias", "set", "adult-income", "champion", "2", "--server", url);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(servedVersions(url)).containsExactly("2");
        assertThat(r.out())
                .contains("adult-income@champion -> adult-income/2 (was adult-income/1)")
                .contains("serves adult-income@champion, version 2 (xgboost, ready)");
        assertThat(Services.open(home).registry().model("adult-income").aliases())
                .containsEntry("champion", 2);
    }

    @Test
    void aliasDelete_withServer_deletesInTheServersRegistry() {
        String url = start();
        assertThat(slipwayLocal("models", "alias", "set", "adult-income", "staging", "2").code())
                .isZero();

        CliRun r =
                CliRun.of("models", "alias", "delete", "adult-income", "staging", "--server", url);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Deleted adult-income@staging (it pointed to adult-income/2)");
        assertThat(Services.open(home).registry().model("adult-income").aliases())
                .doesNotContainKey("staging");
    }

    @Test
    void modelsList_withServer_listsTheRegistryWithWhatIsServed() {
        String url = start();

        CliRun r = CliRun.of("models", "list", "--server", url);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList())
                .hasSize(2)
                .last()
                .asString()
                .matches("adult-income +2 +2 +xgboost .*adult-income@champion \\(1\\)");
    }

    @Test
    void aliasSet_unknownModel_exitsNotFound() {
        String url = start();

        CliRun r = CliRun.of("models", "alias", "set", "nope", "champion", "1", "--server", url);

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(r.err()).startsWith("error: ").contains("nope");
    }

    @Test
    void loadAndUnload_switchWhatTheServerServes() throws Exception {
        String url = start();

        CliRun unload = CliRun.of("server", "unload", "adult-income", "--server", url);
        CliRun none = CliRun.of("server", "models", "--server", url);
        CliRun load =
                CliRun.of(
                        "server",
                        "load",
                        "adult-income",
                        "--ref",
                        "adult-income@challenger",
                        "--server",
                        url);

        assertThat(unload.code()).as(unload.err()).isZero();
        assertThat(none.out()).contains("serves no model");
        assertThat(load.code()).as(load.err()).isZero();
        assertThat(load.out()).contains("adult-income@challenger, version 2 (xgboost, ready)");
        assertThat(servedVersions(url)).containsExactly("2");
    }

    @Test
    void load_refOfAnotherModel_exitsInvalidInput() {
        String url = start();

        CliRun r =
                CliRun.of(
                        "server",
                        "load",
                        "adult-income",
                        "--ref",
                        "other@champion",
                        "--server",
                        url);

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("other@champion");
    }

    @Test
    void unload_notServed_exitsNotFound() {
        String url = start();

        CliRun r = CliRun.of("server", "unload", "nope", "--server", url);

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.NOT_FOUND);
    }

    @Test
    void aliasSet_predictOnlyToken_exitsAccessDeniedAndAdminTokenMovesIt() throws Exception {
        String url = start(ServerConfig.TokenMode.REQUIRED);
        String predict = token(Scope.PREDICT);
        String admin = token(Scope.ADMIN);

        CliRun refused =
                CliRun.of(
                        "models",
                        "alias",
                        "set",
                        "adult-income",
                        "champion",
                        "2",
                        "--server",
                        url,
                        "--token",
                        predict);
        CliRun accepted =
                CliRun.of(
                        "models",
                        "alias",
                        "set",
                        "adult-income",
                        "champion",
                        "2",
                        "--server",
                        url,
                        "--token",
                        admin);

        assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCode.ACCESS_DENIED);
        assertThat(refused.err()).contains("admin");
        assertThat(accepted.code()).as(accepted.err()).isZero();
        assertThat(
                        CliRun.of("server", "models", "--server", url, "--token", admin, "--json")
                                .json()
                                .get(0)
                                .get("version")
                                .asInt())
                .isEqualTo(2);
    }

    @Test
    void serverInfo_noToken_exitsAccessDeniedNamingTheOption() {
        String url = start(ServerConfig.TokenMode.REQUIRED);

        CliRun r = CliRun.of("server", "info", "--server", url);

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.ACCESS_DENIED);
        assertThat(r.err()).contains("--token");
    }

    @Test
    void serverInfo_serverNotRunning_exitsUnavailableNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;

        CliRun info = CliRun.of("server", "info", "--server", url);
        CliRun alias =
                CliRun.of(
                        "models", "alias", "set", "adult-income", "champion", "2", "--server", url);

        assertThat(info.code()).as(info.err()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(info.err())
                .contains("the server at " + url + " is not reachable")
                .contains("slipway serve");
        assertThat(alias.code()).as(alias.err()).isEqualTo(ExitCode.UNAVAILABLE);
    }

    @Test
    void aliasSet_serverAndHome_exitsInvalidInput() {
        CliRun r =
                CliRun.of(
                        "models",
                        "alias",
                        "set",
                        "adult-income",
                        "champion",
                        "2",
                        "--server",
                        "http://127.0.0.1:1",
                        "--home",
                        root.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(r.err()).contains("--server").contains("--home");
    }

    @Test
    void server_help_showsExamples() {
        CliRun r = CliRun.of("server", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("info").contains("load").contains("slipway server info");
    }
}
