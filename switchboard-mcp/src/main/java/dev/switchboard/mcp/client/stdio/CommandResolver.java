package dev.switchboard.mcp.client.stdio;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds the executable a command names, the way {@code execvp} would in the child: a name with a
 * separator is a path (relative to the child's working directory), anything else is looked up on
 * the {@code PATH} of the child's environment. Used when the child is started through a wrapper
 * ({@code setsid}), so that a command that cannot be run still fails in {@code start()} with a
 * clear message instead of as a wrapper that exits at once.
 */
final class CommandResolver {
    private CommandResolver() {}

    /**
     * The executable file for {@code command}, or {@code null} when there is none.
     *
     * @param command the configured command
     * @param environment the child's environment (its {@code PATH} is searched)
     * @param workingDirectory the child's working directory, or {@code null} for this JVM's
     */
    static @Nullable Path resolve(String command, Map<String, String> environment, @Nullable Path workingDirectory) {
        try {
            if (command.indexOf('/') >= 0 || command.indexOf(File.separatorChar) >= 0) {
                Path path = Path.of(command);
                if (!path.isAbsolute() && workingDirectory != null) {
                    path = workingDirectory.resolve(path);
                }
                return isExecutableFile(path) ? path.toAbsolutePath() : null;
            }
            String searchPath = environment.get("PATH");
            if (searchPath == null) {
                return null;
            }
            for (String dir : searchPath.split(File.pathSeparator, -1)) {
                Path base = dir.isEmpty() ? Path.of("") : Path.of(dir);
                if (!base.isAbsolute() && workingDirectory != null) {
                    base = workingDirectory.resolve(base);
                }
                Path candidate = base.resolve(command);
                if (isExecutableFile(candidate)) {
                    return candidate.toAbsolutePath();
                }
            }
            return null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
