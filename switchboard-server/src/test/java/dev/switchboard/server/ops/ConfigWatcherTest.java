package dev.switchboard.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWatcherTest {
    @TempDir
    Path dir;

    private final AtomicInteger changes = new AtomicInteger();
    private ConfigWatcher watcher;

    private Path watch(String content) throws Exception {
        Path file = Files.writeString(dir.resolve("config.yaml"), content);
        watcher = new ConfigWatcher(file, Duration.ofMillis(50), changes::incrementAndGet, System::nanoTime);
        watcher.start();
        return file;
    }

    @AfterEach
    void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void reportsAWriteInPlace() throws Exception {
        Path file = watch("a: 1");

        Files.writeString(file, "a: 2");

        await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() == 1);
    }

    @Test
    void reportsAFileReplacedByARenameAsEditorsSaveIt() throws Exception {
        Path file = watch("a: 1");

        Path temp = Files.writeString(dir.resolve(".config.yaml.swp"), "a: 2");
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() == 1);
    }

    @Test
    void reportsABurstOfWritesOnceTheDirectoryIsQuiet() throws Exception {
        Path file = watch("a: 0");

        for (int i = 1; i <= 5; i++) {
            Files.writeString(file, "a: " + i);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() >= 1);
        // a later, different write is reported again: the first report covered the whole burst
        Files.writeString(file, "b: 1");
        await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() >= 2);
        assertThat(changes.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void ignoresOtherFilesAndRewritesWithTheSameContent() throws Exception {
        Path file = watch("a: 1");

        Files.writeString(dir.resolve("other.txt"), "noise");
        Files.writeString(file, "a: 1");
        Files.writeString(file, "a: 2");

        await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() == 1);
        assertThat(changes.get()).isEqualTo(1);
    }
}
