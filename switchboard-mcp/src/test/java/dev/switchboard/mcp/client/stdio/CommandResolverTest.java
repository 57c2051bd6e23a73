package dev.switchboard.mcp.client.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class CommandResolverTest {
    @TempDir
    Path dir;

    @Test
    void findsACommandOnTheChildsPath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path tool = executable(bin.resolve("tool"));
        Map<String, String> env = Map.of("PATH", dir.resolve("empty") + File.pathSeparator + bin);

        assertThat(CommandResolver.resolve("tool", env, null)).isEqualTo(tool);
    }

    @Test
    void skipsAFileThatIsNotExecutable() throws IOException {
        Files.writeString(dir.resolve("tool"), "not executable");

        assertThat(CommandResolver.resolve("tool", Map.of("PATH", dir.toString()), null))
                .isNull();
    }

    @Test
    void findsNothingWithoutAPath() {
        assertThat(CommandResolver.resolve("sh", Map.of(), null)).isNull();
    }

    @Test
    void takesANameWithASlashAsAPathRelativeToTheWorkingDirectory() throws IOException {
        Path tool = executable(Files.createDirectories(dir.resolve("scripts")).resolve("run.sh"));

        assertThat(CommandResolver.resolve("scripts/run.sh", Map.of(), dir)).isEqualTo(tool);
        assertThat(CommandResolver.resolve(tool.toString(), Map.of(), null)).isEqualTo(tool);
        assertThat(CommandResolver.resolve("scripts/missing.sh", Map.of(), dir)).isNull();
    }

    @Test
    void ignoresADirectoryOfTheCommandsName() throws IOException {
        Files.createDirectories(dir.resolve("tool"));

        assertThat(CommandResolver.resolve("tool", Map.of("PATH", dir.toString()), null))
                .isNull();
    }

    private static Path executable(Path path) throws IOException {
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
