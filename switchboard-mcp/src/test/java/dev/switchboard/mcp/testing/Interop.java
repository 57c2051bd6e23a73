package dev.switchboard.mcp.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the pinned npm fixtures (the conformance suite, the TypeScript SDK, server-everything, the
 * inspector CLI) are, and how to run them with Node. Fails loudly when they are not installed:
 * interop tests never skip silently.
 */
public final class Interop {
    private Interop() {}

    /** The project's {@code interop/} folder, from the build's system property or by walking up. */
    public static Path dir() {
        String configured = System.getProperty("switchboard.interop.dir");
        if (configured != null && Files.isRegularFile(Path.of(configured, "package.json"))) {
            return Path.of(configured);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("interop/package.json"))) {
                return p.resolve("interop");
            }
        }
        throw new IllegalStateException(
                "interop/package.json not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * A file under {@code interop/node_modules}.
     *
     * @throws IllegalStateException naming the fix when the fixtures are not installed
     */
    public static Path module(String relative) {
        Path p = dir().resolve("node_modules").resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException(
                    p + " is missing: run `npm ci` in " + dir() + " (./switchboard test does this before the tests)");
        }
        return p;
    }

    /** The entry point of the reference server-everything. */
    public static Path serverEverything() {
        return module("@modelcontextprotocol/server-everything/dist/index.js");
    }

    /** A command line running {@code script} with Node and {@code args}. */
    public static List<String> node(Path script, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("node");
        cmd.add(script.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A command line running a main class of the test classpath in a new JVM. */
    public static List<String> java(Class<?> mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }
}
