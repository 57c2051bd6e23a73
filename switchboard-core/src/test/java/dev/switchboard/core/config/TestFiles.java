package dev.switchboard.core.config;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;

/** The sample configuration files under the test resources of this package. */
final class TestFiles {
    private TestFiles() {}

    static Path resource(String name) {
        URL url = Objects.requireNonNull(TestFiles.class.getResource(name), name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
