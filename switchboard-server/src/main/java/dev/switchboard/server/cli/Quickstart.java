package dev.switchboard.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The quick start that {@code serve} runs without {@code --config}: {@code examples/quickstart.yaml}
 * from the working directory, or else the copy in the jar (written to a temporary file, since the
 * gateway reads and watches a file). Its demo server is started with {@code
 * ${SWITCHBOARD_HOME}/switchboard demo-server}; the launcher exports {@code SWITCHBOARD_HOME}, and
 * without the launcher it is the directory above the jar that holds the {@code switchboard} script,
 * or else the working directory.
 */
final class Quickstart {
    static final Path IN_PROJECT = Path.of("examples", "quickstart.yaml");
    static final String HOME_VARIABLE = "SWITCHBOARD_HOME";
    private static final String RESOURCE = "quickstart.yaml";
    private static final int MAX_LEVELS_UP = 4;

    private Quickstart() {}

    /** The file to serve, and whether it is the quick start rather than the user's own. */
    record Resolved(Path path, boolean quickstart) {}

    /**
     * The quick start file.
     *
     * @throws IllegalStateException when there is none in the working directory and the jar's copy
     *     cannot be written out
     */
    static Resolved resolve() {
        if (Files.isRegularFile(IN_PROJECT)) {
            return new Resolved(IN_PROJECT, true);
        }
        try (InputStream in = Quickstart.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "--config: not given, and no " + IN_PROJECT + " here (expected: --config FILE)");
            }
            Path copy = Files.createTempFile("switchboard-quickstart-", ".yaml");
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return new Resolved(copy, true);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "--config: not given, and the quick start cannot be written to a temporary file: " + e.getMessage()
                            + " (expected: --config FILE)",
                    e);
        }
    }

    /** {@code environment} with {@value #HOME_VARIABLE} added when it is missing. */
    static Map<String, String> environment(Map<String, String> environment) {
        if (environment.containsKey(HOME_VARIABLE)) {
            return environment;
        }
        Map<String, String> copy = new HashMap<>(environment);
        Path home = launcherHome();
        copy.put(
                HOME_VARIABLE,
                (home != null ? home : Path.of("")).toAbsolutePath().toString());
        return copy;
    }

    /** The nearest directory above this jar (or classes directory) that holds the launcher script. */
    private static @Nullable Path launcherHome() {
        CodeSource source = Quickstart.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return null;
        }
        try {
            Path dir = Path.of(source.getLocation().toURI()).toAbsolutePath();
            for (int i = 0; i < MAX_LEVELS_UP && dir != null; i++, dir = dir.getParent()) {
                if (Files.isExecutable(dir.resolve("switchboard")) && Files.isRegularFile(dir.resolve("switchboard"))) {
                    return dir;
                }
            }
            return null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
