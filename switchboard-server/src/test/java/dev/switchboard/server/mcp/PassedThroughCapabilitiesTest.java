package dev.switchboard.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.jsonrpc.JsonRpcCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A pass-through view declares what it relays, less what the server does not offer. */
class PassedThroughCapabilitiesTest {
    private final JsonRpcCodec codec = new JsonRpcCodec();
    private final ObjectNode ours = CatalogTools.INSTANCE.capabilities(codec);

    @Test
    void keepsOnlyTheKindsTheServerDeclared() {
        JsonNode toolsOnly = codec.mapper().readTree("{\"tools\":{}}");

        ObjectNode caps = ViewSession.passedThrough(ours, toolsOnly);

        assertThat(caps.propertyNames()).containsExactly("tools");
        assertThat(caps.path("tools").path("listChanged").asBoolean()).isTrue();
        assertThat(ours.has("prompts")).as("the view's own set is left alone").isTrue();
    }

    @Test
    void dropsSubscriptionsWhenTheServerHasNone() {
        JsonNode resources = codec.mapper().readTree("{\"resources\":{\"listChanged\":true},\"logging\":{}}");

        ObjectNode caps = ViewSession.passedThrough(ours, resources);

        assertThat(caps.propertyNames()).containsExactlyInAnyOrder("resources", "logging");
        assertThat(caps.path("resources").has("subscribe")).isFalse();
        assertThat(caps.path("resources").path("listChanged").asBoolean()).isTrue();
    }

    @Test
    void keepsEverythingForAServerThatOffersEverything() {
        JsonNode all = codec.mapper()
                .readTree("{\"tools\":{},\"resources\":{\"subscribe\":true},\"prompts\":{},"
                        + "\"completions\":{},\"logging\":{}}");

        assertThat(ViewSession.passedThrough(ours, all)).isEqualTo(ours);
    }
}
