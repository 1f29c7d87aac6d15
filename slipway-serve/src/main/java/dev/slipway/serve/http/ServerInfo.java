package dev.slipway.serve.http;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the server says about itself in metadata and server info.
 *
 * @param name the server's name ({@code slipway})
 * @param version Slipway's version
 * @param started when the server started
 * @param grpcPort the gRPC port, when gRPC is on
 * @param home the home it serves from
 */
public record ServerInfo(
        String name, String version, Instant started, OptionalInt grpcPort, String home) {

    public ServerInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(grpcPort, "grpcPort");
        Objects.requireNonNull(home, "home");
    }
}
