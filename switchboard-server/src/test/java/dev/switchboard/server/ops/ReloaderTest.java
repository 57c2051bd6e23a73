package dev.switchboard.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.core.ReloadResult;
import dev.switchboard.core.Switchboard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A reload is logged once, by the gateway's reloader, whatever its outcome. */
class ReloaderTest {
    private static final String EMPTY = "{\"mcpServers\": {}}";
    private static final String ONE_SERVER =
            "{\"mcpServers\": {\"remote\": {\"url\": \"http://127.0.0.1:9/mcp\", \"enabled\": false}}}";
    private static final String TWO_PROBLEMS = "{\"mcpServers\": {\"a\": {}, \"b\": {\"url\": \"ftp://x\"}}}";

    @TempDir
    Path dir;

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Path file;
    private Switchboard switchboard;

    @BeforeEach
    void start() throws Exception {
        file = Files.writeString(dir.resolve("switchboard.json"), EMPTY);
        switchboard =
                Switchboard.builder().configFile(file).environment(Map.of()).build();
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logged);
        switchboard.close();
    }

    @Test
    void logsAnAppliedReloadInOneInfoLine() throws Exception {
        Files.writeString(file, ONE_SERVER);

        ReloadResult result = new Reloader(switchboard, file, r -> {}).reload("api");

        assertThat(result.added()).containsExactly("remote");
        assertThat(lines(Level.INFO))
                .singleElement()
                .asString()
                .startsWith("Reload (api) of " + file + " applied: added [remote]");
    }

    @Test
    void logsARejectedReloadInOneWarningWithEveryProblem() throws Exception {
        Files.writeString(file, TWO_PROBLEMS);

        ReloadResult result = new Reloader(switchboard, file, r -> {}).reload("SIGHUP");

        assertThat(result.errors()).hasSize(2);
        assertThat(lines(Level.INFO))
                .singleElement()
                .asString()
                .startsWith("Reload (SIGHUP) of " + file + " rejected")
                .contains("mcpServers.a", "mcpServers.b.url");
    }

    /** The messages logged at {@code level} or above. */
    private List<String> lines(Level level) {
        return logged.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(level))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
