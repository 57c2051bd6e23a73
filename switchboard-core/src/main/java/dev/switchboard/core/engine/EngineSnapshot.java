package dev.switchboard.core.engine;

import dev.switchboard.core.config.GatewayConfig;
import dev.switchboard.core.config.GatewaySettings;
import dev.switchboard.core.policy.Policy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a request needs to know at one moment: the configuration and one endpoint per
 * server, in configuration order. Immutable; a reload builds the next one and swaps it in
 * atomically, so a reader sees either the old state or the new one, never a mix.
 *
 * @param config the configuration in effect
 * @param endpoints the endpoint of every configured server, by name, in configuration order
 * @param policy the access policy of the configuration, compiled
 */
record EngineSnapshot(GatewayConfig config, Map<String, ServerEndpoint> endpoints, Policy policy) {

    EngineSnapshot {
        endpoints = Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    }

    /** The snapshot before the first configuration is applied: no servers. */
    static EngineSnapshot empty(GatewaySettings gateway) {
        return new EngineSnapshot(GatewayConfig.of(gateway, List.of()), Map.of(), Policy.allowAll());
    }
}
