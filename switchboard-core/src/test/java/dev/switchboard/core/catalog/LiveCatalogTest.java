package dev.switchboard.core.catalog;

import static dev.switchboard.core.catalog.Fixtures.names;
import static dev.switchboard.core.catalog.Fixtures.server;
import static dev.switchboard.core.catalog.Fixtures.settings;
import static dev.switchboard.core.catalog.Fixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.protocol.McpMethods;
import dev.switchboard.mcp.server.McpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class LiveCatalogTest {
    private final List<CatalogChange> changes = new CopyOnWriteArrayList<>();
    private final LiveCatalog live = new LiveCatalog(settings(false, "a", "b", "c"));
    private final McpRuntime runtime = new McpRuntime();
    private final List<McpClient> clients = new ArrayList<>();

    LiveCatalogTest() {
        live.addListener(changes::add);
    }

    @AfterEach
    void close() {
        clients.forEach(McpClient::close);
        runtime.close();
    }

    @Test
    void putAndRemoveChangeTheCurrentSnapshotAndTellListenersWhatChanged() {
        Catalog empty = live.current();
        live.put(server("a", "echo"));
        assertThat(names(live.current().tools())).containsExactly("echo");
        assertThat(changes).hasSize(1);
        assertThat(changes.getFirst().previous()).isSameAs(empty);
        assertThat(changes.getFirst().current()).isSameAs(live.current());
        assertThat(changes.getFirst().changed()).isEqualTo(Map.of("a", Set.of(Kind.TOOLS)));

        assertThat(live.remove("a")).isTrue();
        assertThat(live.current().tools()).isEmpty();
        assertThat(changes.get(1).changed()).isEqualTo(Map.of("a", Set.of(Kind.TOOLS)));
        assertThat(live.remove("a")).isFalse();
        assertThat(changes).hasSize(2);
    }

    @Test
    void aRenameCausedByAnotherServerIsAChangeOfThatServerToo() {
        live.put(server("b", "echo"));
        changes.clear();

        live.put(server("a", "echo"));

        assertThat(names(live.current().tools())).containsExactly("echo", "b__echo");
        assertThat(changes.getFirst().changed()).isEqualTo(Map.of("a", Set.of(Kind.TOOLS), "b", Set.of(Kind.TOOLS)));
        assertThat(changes.getFirst().kinds()).containsExactly(Kind.TOOLS);
    }

    @Test
    void putOfAnEqualCatalogTellsNobody() {
        live.put(server("a", "echo"));
        changes.clear();
        live.put(server("a", "echo"));
        assertThat(changes).isEmpty();
    }

    @Test
    void reportsEachKindThatChanged() {
        live.put(server("a", "echo"));
        changes.clear();
        ServerCatalog withPrompt = server("a", "echo", "add").with(Kind.PROMPTS, List.of(Fixtures.prompt("p")));
        live.put(withPrompt);
        assertThat(changes.getFirst().kindsOf("a")).containsExactlyInAnyOrder(Kind.TOOLS, Kind.PROMPTS);
        assertThat(changes.getFirst().kindsOf("b")).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotKeepOthersFromHearing() {
        AtomicInteger heard = new AtomicInteger();
        live.addListener(change -> {
            throw new IllegalStateException("listener bug");
        });
        live.addListener(change -> heard.incrementAndGet());
        live.put(server("a", "x"));
        assertThat(heard).hasValue(1);
        assertThat(changes).hasSize(1);
    }

    @Test
    void listenersRunOnTheGivenExecutor() {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "catalog-listeners"));
        try {
            LiveCatalog onExecutor = new LiveCatalog(settings(true, "a"), 10, executor);
            List<String> threads = new CopyOnWriteArrayList<>();
            onExecutor.addListener(change -> threads.add(Thread.currentThread().getName()));
            onExecutor.put(server("a", "x"));
            await().atMost(Duration.ofSeconds(10)).until(() -> threads.size() == 1);
            assertThat(threads).containsExactly("catalog-listeners");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void concurrentPutsOfDifferentServersAreAllKept() throws Exception {
        int servers = 40;
        CatalogSettings settings = CatalogSettings.of("__");
        for (int i = 0; i < servers; i++) {
            settings = settings.withServer("s" + i, true, dev.switchboard.core.config.ToolFilter.ALL);
        }
        LiveCatalog many = new LiveCatalog(settings);
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<CompletableFuture<Void>> done = IntStream.range(0, servers)
                    .mapToObj(i -> CompletableFuture.runAsync(
                            () -> {
                                awaitQuietly(start);
                                many.put(server("s" + i, "t1", "t2"));
                            },
                            pool))
                    .toList();
            start.countDown();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        assertThat(many.current().servers()).hasSize(servers);
        assertThat(many.current().tools()).hasSize(2 * servers);
        assertThat(many.current().servers()).isEqualTo(settings.servers());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void refreshListsAgainAndApplies() {
        List<ObjectNode> tools = new CopyOnWriteArrayList<>(List.of(tool("one")));
        McpClient client = connect(new Paged("tools", () -> tools, 10), null);
        live.put(ServerCatalog.fetch("a", client, 10));
        changes.clear();
        tools.add(tool("two"));

        ServerCatalog after = live.refresh(
                        "a",
                        client,
                        Kind.forNotification(McpMethods.TOOLS_LIST_CHANGED).toArray(Kind[]::new))
                .orElseThrow();

        assertThat(after.tools()).hasSize(2);
        assertThat(names(live.current().tools())).containsExactly("one", "two");
        assertThat(changes)
                .singleElement()
                .satisfies(c -> assertThat(c.kindsOf("a")).containsExactly(Kind.TOOLS));
    }

    @Test
    void refreshOfAServerThatIsNotHereAppliesNothing() {
        McpClient client = connect(new Paged("tools", () -> List.of(tool("x")), 10), null);
        assertThat(live.refresh("a", client)).isEmpty();
        assertThat(live.current().servers()).isEmpty();
    }

    @Test
    void aRefreshThatFinishesAfterTheServerWasRemovedDoesNotBringItBack() throws Exception {
        CountDownLatch listing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        McpClient client = connect(new Paged("tools", () -> List.of(tool("x")), 10), () -> {
            listing.countDown();
            awaitQuietly(release);
        });
        live.put(server("a", "old"));
        CompletableFuture<?> refresh = CompletableFuture.supplyAsync(() -> live.refresh("a", client, Kind.TOOLS));
        assertThat(listing.await(10, TimeUnit.SECONDS)).isTrue();
        live.remove("a");
        release.countDown();
        assertThat(refresh.get(10, TimeUnit.SECONDS)).isEqualTo(java.util.Optional.empty());
        assertThat(live.current().servers()).isEmpty();
    }

    @Test
    void aRefreshThatStartedBeforeANewerPutDoesNotOverwriteIt() throws Exception {
        CountDownLatch listing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        McpClient client = connect(new Paged("tools", () -> List.of(tool("stale")), 10), () -> {
            listing.countDown();
            awaitQuietly(release);
        });
        live.put(server("a", "old"));
        CompletableFuture<?> refresh = CompletableFuture.supplyAsync(() -> live.refresh("a", client, Kind.TOOLS));
        assertThat(listing.await(10, TimeUnit.SECONDS)).isTrue();
        live.put(server("a", "newer"));
        release.countDown();
        refresh.get(10, TimeUnit.SECONDS);
        assertThat(names(live.current().tools())).containsExactly("newer");
    }

    @Test
    void newSettingsRenameAndTellListeners() {
        live.put(server("a", "x"));
        changes.clear();
        live.updateSettings(settings(true, "a"));
        assertThat(names(live.current().tools())).containsExactly("a__x");
        assertThat(changes.getFirst().kindsOf("a")).containsExactly(Kind.TOOLS);
        live.updateSettings(settings(true, "b"));
        assertThat(live.current().servers()).isEmpty();
    }

    /** A client of a server whose tools/list runs {@code before} first (null: nothing). */
    private McpClient connect(Paged tools, Runnable before) {
        McpServer server = McpServer.builder("fixture", "1")
                .capability("tools", JsonNodeFactory.instance.objectNode())
                .handle(McpMethods.TOOLS_LIST, request -> {
                    if (before != null) {
                        before.run();
                    }
                    return tools.handle(request);
                })
                .build();
        McpClient client = MemoryLink.connect(runtime, server, "fixture");
        clients.add(client);
        return client;
    }
}
