package dev.switchboard.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole configuration: the gateway's settings and its servers, immutable, every default filled
 * in. Get one from {@link ConfigLoader} or {@link ConfigValidator}, which check every rule; the
 * constructor only checks for nulls and that each server is filed under its own name.
 *
 * @param gateway the gateway's own settings
 * @param servers the servers by name, in file order ({@code mcpServers} before {@code servers})
 */
public record GatewayConfig(GatewaySettings gateway, Map<String, ServerConfig> servers) {

    /** Copies the servers, keeping their order. */
    public GatewayConfig {
        Objects.requireNonNull(gateway, "gateway");
        Map<String, ServerConfig> copy = new LinkedHashMap<>();
        servers.forEach((name, server) -> {
            if (!name.equals(server.name())) {
                throw new IllegalArgumentException(
                        "servers." + name + ": " + server.name() + " (expected: the server's own name)");
            }
            copy.put(name, server);
        });
        servers = Collections.unmodifiableMap(copy);
    }

    /** A configuration of {@code servers}, in list order. */
    public static GatewayConfig of(GatewaySettings gateway, List<? extends ServerConfig> servers) {
        Map<String, ServerConfig> byName = new LinkedHashMap<>();
        for (ServerConfig server : servers) {
            if (byName.putIfAbsent(server.name(), server) != null) {
                throw new IllegalArgumentException(
                        "servers: \"" + server.name() + "\" twice (expected: each name once)");
            }
        }
        return new GatewayConfig(gateway, byName);
    }

    /** The server named {@code name}, if there is one. */
    public Optional<ServerConfig> server(String name) {
        return Optional.ofNullable(servers.get(name));
    }

    /** The servers that are {@linkplain ServerSettings#enabled() enabled}, in file order. */
    public List<ServerConfig> enabledServers() {
        List<ServerConfig> enabled = new ArrayList<>();
        for (ServerConfig server : servers.values()) {
            if (server.settings().enabled()) {
                enabled.add(server);
            }
        }
        return List.copyOf(enabled);
    }
}
