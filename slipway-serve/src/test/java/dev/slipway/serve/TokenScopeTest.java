package dev.slipway.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.serve.TestServer.Reply;
import dev.slipway.serve.core.AdultRowsAccess;
import dev.slipway.serve.http.OipBodiesAccess;
import dev.slipway.serve.security.Scope;
import dev.slipway.serve.security.Tokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A server that requires tokens: predict tokens predict, only admin tokens change things. */
class TokenScopeTest {

    private static TestServer server;
    private static String predict;
    private static String admin;
    private static String body;

    @BeforeAll
    static void start() {
        ServeHome home = ServeHome.copy();
        Tokens tokens = new Tokens(home.home(), Clock.systemUTC(), new SecureRandom());
        predict = tokens.create("scorer", Set.of(Scope.PREDICT)).secret();
        admin = tokens.create("operator", Set.of(Scope.ADMIN)).secret();
        server =
                TestServer.start(
                        home, TestServer.config().withTokens(ServerConfig.TokenMode.REQUIRED));
        body = OipBodiesAccess.perColumn(AdultRowsAccess.first(2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String bearer(String secret) {
        return "Bearer " + secret;
    }

    @Test
    void infer_noToken_is401AskingForOne() {
        Reply r = server.post("/v2/models/adult-income/infer", body);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).hasValue("Bearer");
        assertThat(r.json().get("error").asText()).contains("requires an API token");
    }

    @Test
    void infer_unknownToken_is401() {
        Reply r =
                server.post(
                        "/v2/models/adult-income/infer", body, "Authorization", bearer("slw_nope"));
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void infer_predictToken_isAnswered() {
        Reply r =
                server.post(
                        "/v2/models/adult-income/infer", body, "Authorization", bearer(predict));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void mlflow_predictToken_isAnswered() {
        Reply r =
                server.post(
                        "/models/adult-income/invocations",
                        "{\"dataframe_records\": [{\"age\": 39}]}",
                        "Authorization",
                        bearer(predict));
        assertThat(r.status()).isEqualTo(400);
        assertThat(
                        server.post(
                                        "/models/adult-income/invocations",
                                        "{\"dataframe_records\": [{\"age\": 39}]}")
                                .status())
                .isEqualTo(401);
    }

    @Test
    void health_noToken_staysOpenForProbes() {
        assertThat(server.get("/v2/health/live").status()).isEqualTo(200);
        assertThat(server.get("/v2/health/ready").status()).isEqualTo(200);
    }

    @Test
    void aliasMove_predictToken_is403NamingTheScope() {
        Reply r =
                server.put(
                        "/api/v1/models/adult-income/aliases/challenger",
                        "{\"version\": 2}",
                        "Authorization",
                        bearer(predict));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).contains("'scorer'", "admin");
    }

    @Test
    void aliasMove_adminToken_isDone() {
        Reply r =
                server.put(
                        "/api/v1/models/adult-income/aliases/challenger",
                        "{\"version\": 2}",
                        "Authorization",
                        bearer(admin));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(server.home.registry().versions("adult-income").get(1).aliases())
                .contains("challenger");
    }

    @Test
    void repositoryUnload_predictToken_is403() {
        Reply r =
                server.post(
                        "/v2/repository/models/iris/unload", "", "Authorization", bearer(predict));
        assertThat(r.status()).isEqualTo(403);
        assertThat(server.server.core().find("iris")).isPresent();
    }
}
