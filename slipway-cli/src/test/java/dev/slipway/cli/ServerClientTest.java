package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.api.InvalidInputException;
import dev.slipway.api.SlipwayException;
import dev.slipway.api.UnavailableException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@link ServerClient} reads addresses and turns the server's answers into exit codes. */
class ServerClientTest {

    private static SlipwayException failure(int status, String body, Optional<String> retry) {
        try (ServerClient client =
                ServerClient.connect("http://127.0.0.1:8080", Optional.empty())) {
            try {
                client.answer("/api/v1/models/x", status, body, retry);
            } catch (SlipwayException e) {
                return e;
            }
        }
        throw new AssertionError("HTTP " + status + " was taken for a success");
    }

    @ParameterizedTest
    @CsvSource({"400, 3", "401, 9", "403, 9", "404, 4", "409, 5", "413, 3", "503, 8", "500, 7"})
    void answer_slipwayError_exitsLikeALocalCommand(int status, int exit) {
        SlipwayException e = failure(status, "{\"error\":\"what went wrong\"}", Optional.empty());

        assertThat(ErrorReporter.exitCode(e)).isEqualTo(exit);
        assertThat(e.getMessage()).contains("what went wrong");
    }

    @Test
    void answer_503WithRetryAfter_carriesTheWait() {
        SlipwayException e = failure(503, "{\"error\":\"queue full\"}", Optional.of("7"));

        assertThat(e).isInstanceOf(UnavailableException.class);
        assertThat(((UnavailableException) e).retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void answer_proxyErrorWithoutJson_exitsUnavailable() {
        SlipwayException e = failure(502, "<html>Bad Gateway</html>", Optional.empty());

        assertThat(ErrorReporter.exitCode(e)).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(e.getMessage()).contains("HTTP 502").contains("Slipway server");
    }

    @Test
    void answer_successThatIsNotJson_asksWhetherItIsASlipwayServer() {
        try (ServerClient client =
                ServerClient.connect("http://127.0.0.1:8080", Optional.empty())) {
            assertThatThrownBy(
                            () -> client.answer("/api/v1/server", 200, "<html/>", Optional.empty()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is it a Slipway server");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1:8080, http://127.0.0.1:8080",
        "http://localhost:9000/, http://localhost:9000",
        "https://models.example.com/slipway, https://models.example.com/slipway",
        "HTTP://[::1]:8080, HTTP://[::1]:8080"
    })
    void parseUrl_serverAddress_isUsedAsTheBase(String given, String base) {
        assertThat(ServerClient.parseUrl(given).toString()).isEqualTo(base);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host", "http://", "http://host:80/?q=1", "http://ho st"})
    void parseUrl_notAServerAddress_throwsInvalidInputNamingTheOption(String given) {
        assertThatThrownBy(() -> ServerClient.parseUrl(given))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(given)
                .hasMessageContaining("http://HOST:PORT");
    }

    @Test
    void segment_nameWithReservedCharacters_isOneEscapedSegment() {
        assertThat(ServerClient.segment("a b/c?d")).isEqualTo("a%20b%2Fc%3Fd");
    }
}
