package dev.slipway.serve;

import dev.slipway.api.model.ModelRef;
import dev.slipway.serve.core.CoreOptions;
import dev.slipway.serve.grpc.GrpcOptions;
import dev.slipway.serve.http.HttpOptions;
import dev.slipway.serve.log.PredictionLogOptions;
import dev.slipway.serve.monitor.AlertOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link SlipwayServer} needs to know besides the home.
 *
 * @param models what to serve; empty: every model with an alias (its {@code champion}, else its
 *     first alias)
 * @param http the HTTP listener
 * @param grpc the gRPC listener; empty for none
 * @param core queues, batching, timeouts, alias polling
 * @param log the prediction log's buffer; empty to keep no log
 * @param accessLog whether to write {@code logs/access.log} in the home
 * @param tokens whether requests need API tokens
 * @param grace how long shutdown waits for requests in flight
 * @param version the Slipway version reported in metadata
 * @param alerts the alert rules checked while the server runs; empty for none
 */
public record ServerConfig(
        List<ModelRef> models,
        HttpOptions http,
        Optional<GrpcOptions> grpc,
        CoreOptions core,
        Optional<PredictionLogOptions> log,
        boolean accessLog,
        TokenMode tokens,
        Duration grace,
        String version,
        Optional<AlertOptions> alerts) {

    /** When API tokens are required. */
    public enum TokenMode {
        /** Required when bound to an address other than loopback. */
        AUTO,
        /** Always required. */
        REQUIRED,
        /** Never required. */
        OFF
    }

    public ServerConfig {
        models = List.copyOf(models);
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(grpc, "grpc");
        Objects.requireNonNull(core, "core");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(alerts, "alerts");
    }

    /** Every aliased model on 127.0.0.1:8080 (HTTP) and 8081 (gRPC), with the defaults. */
    public static ServerConfig defaults() {
        return new ServerConfig(
                List.of(),
                HttpOptions.defaults(),
                Optional.of(GrpcOptions.defaults()),
                CoreOptions.defaults(),
                Optional.of(PredictionLogOptions.defaults()),
                true,
                TokenMode.AUTO,
                Duration.ofSeconds(30),
                "dev",
                Optional.empty());
    }

    /** Whether requests need API tokens with this configuration. */
    public boolean tokensRequired() {
        return switch (tokens) {
            case REQUIRED -> true;
            case OFF -> false;
            case AUTO -> !isLoopback(http.host());
        };
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost")
                || host.startsWith("127.")
                || host.equals("::1")
                || host.equals("[::1]");
    }

    /** The same configuration serving {@code refs}. */
    public ServerConfig withModels(List<ModelRef> refs) {
        return new ServerConfig(
                refs, http, grpc, core, log, accessLog, tokens, grace, version, alerts);
    }

    /** The same configuration with other HTTP options. */
    public ServerConfig withHttp(HttpOptions value) {
        return new ServerConfig(
                models, value, grpc, core, log, accessLog, tokens, grace, version, alerts);
    }

    /** The same configuration with other gRPC options (empty: no gRPC). */
    public ServerConfig withGrpc(Optional<GrpcOptions> value) {
        return new ServerConfig(
                models, http, value, core, log, accessLog, tokens, grace, version, alerts);
    }

    /** The same configuration with other core options. */
    public ServerConfig withCore(CoreOptions value) {
        return new ServerConfig(
                models, http, grpc, value, log, accessLog, tokens, grace, version, alerts);
    }

    /** The same configuration with another prediction log setting (empty: none). */
    public ServerConfig withLog(Optional<PredictionLogOptions> value) {
        return new ServerConfig(
                models, http, grpc, core, value, accessLog, tokens, grace, version, alerts);
    }

    /** The same configuration with the access log on or off. */
    public ServerConfig withAccessLog(boolean value) {
        return new ServerConfig(
                models, http, grpc, core, log, value, tokens, grace, version, alerts);
    }

    /** The same configuration with another token mode. */
    public ServerConfig withTokens(TokenMode value) {
        return new ServerConfig(
                models, http, grpc, core, log, accessLog, value, grace, version, alerts);
    }

    /** The same configuration reporting another version. */
    public ServerConfig withVersion(String value) {
        return new ServerConfig(
                models, http, grpc, core, log, accessLog, tokens, grace, value, alerts);
    }

    /** The same configuration checking alert rules while it runs (empty: none). */
    public ServerConfig withAlerts(Optional<AlertOptions> value) {
        return new ServerConfig(
                models, http, grpc, core, log, accessLog, tokens, grace, version, value);
    }
}
