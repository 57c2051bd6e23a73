package dev.switchboard.server.mcp;

import static dev.switchboard.server.mcp.AggregateViewIT.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Listings that change under a live session: paging over a snapshot with a small page, and
 * {@code list_changed} after a reload that changes what the session may see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogChangesIT {
    private static final String DEMO = Configs.demoStdio("demo", "eager: true");
    private static final String CONFIG = Configs.file("", DEMO);

    private TestGateway gateway;

    @BeforeAll
    void start() {
        gateway = TestGateway.start(CONFIG, ViewSettings.DEFAULTS.withPageSize(5));
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void pagesThroughABigListingWithCursors() {
        McpClient client = gateway.connect("/mcp", null);

        List<String> all = new ArrayList<>();
        JsonNode page = client.request("tools/list", null);
        for (int i = 0; i < 50 && page.has("nextCursor"); i++) {
            assertThat(page.path("tools").size()).isEqualTo(5);
            all.addAll(names(page, "tools"));
            page = client.request(
                    "tools/list",
                    JsonNodeFactory.instance
                            .objectNode()
                            .put("cursor", page.path("nextCursor").asString()));
        }
        all.addAll(names(page, "tools"));

        assertThat(all).hasSizeGreaterThan(10).doesNotHaveDuplicates().contains("demo__echo", "demo__slow");
        JsonRpcException refused = AggregateViewIT.rpcError(() -> client.request(
                "tools/list", JsonNodeFactory.instance.objectNode().put("cursor", "bm90IG1pbmU")));
        assertThat(refused.error().code()).isEqualTo(-32602);
    }

    @Test
    void tellsTheSessionWhenAReloadChangesWhatItMaySee() {
        Recorder recorder = new Recorder();
        McpClient client = gateway.connect("/mcp", recorder);
        assertThat(names(client.request("tools/list", null), "tools")).contains("demo__echo");
        try {
            gateway.reload(Configs.file("  policy:\n    default: deny\n", DEMO));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !recorder.notifications("notifications/tools/list_changed")
                            .isEmpty());
            assertThat(names(client.request("tools/list", null), "tools")).isEmpty();
        } finally {
            gateway.reload(CONFIG);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> recorder.notifications("notifications/tools/list_changed")
                                .size()
                        >= 2);
    }
}
