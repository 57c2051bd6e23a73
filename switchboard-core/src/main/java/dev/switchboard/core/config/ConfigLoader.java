package dev.switchboard.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads a configuration file, JSON or YAML, and validates it with a {@link ConfigValidator}. Never
 * throws for a bad file: everything wrong with it, from a missing file or a syntax error (one
 * problem with its line and column) to every invalid value, comes back as {@link ConfigErrors}:
 *
 * <pre>{@code
 * ConfigResult result = new ConfigLoader().load(Path.of("switchboard.yaml"));
 * switch (result) {
 *     case ConfigSnapshot snapshot -> start(snapshot.config());
 *     case ConfigErrors errors -> errors.errors().forEach(System.err::println);
 * }
 * }</pre>
 *
 * <p>The format follows from the file name ({@code .json}, {@code .jsonc}, {@code .yaml}, {@code
 * .yml}), or else from the first character ({@code {} means JSON). JSON may have comments and
 * trailing commas. YAML aliases are not supported. Immutable and thread-safe.
 */
public final class ConfigLoader {
    /** The largest file accepted, in bytes: 2 MiB, within what the YAML parser reads by default. */
    public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

    private final ConfigValidator validator;
    private final DocumentParser parser = new DocumentParser();

    /** A loader that expands variables from this process's environment. */
    public ConfigLoader() {
        this(new ConfigValidator());
    }

    /** A loader that expands variables from {@code environment} (a copy is kept). */
    public ConfigLoader(Map<String, String> environment) {
        this(new ConfigValidator(environment));
    }

    /** A loader that validates with {@code validator}. */
    public ConfigLoader(ConfigValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** Reads, parses and validates {@code file}. */
    public ConfigResult load(Path file) {
        String source = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            return unreadable(source, "no such file (expected: a JSON or YAML configuration file)");
        } catch (AccessDeniedException e) {
            return unreadable(source, "access denied (expected: a file this process may read)");
        } catch (IOException e) {
            String reason = Files.isDirectory(file)
                    ? "a directory"
                    : "cannot be read: " + e.getClass().getSimpleName();
            return unreadable(source, reason + " (expected: a JSON or YAML configuration file)");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            return unreadable(
                    source, "more than " + MAX_FILE_BYTES + " bytes (expected: at most " + MAX_FILE_BYTES + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return unreadable(source, "not UTF-8 text (expected: a JSON or YAML file in UTF-8)");
        }
        return parse(text, source);
    }

    /**
     * Parses and validates {@code text}, such as a file's content; {@code sourceName} (a file name)
     * picks the format by its extension and names the source in messages.
     */
    public ConfigResult parse(String text, String sourceName) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        try {
            return validator.validate(parser.parse(sourceName, text), sourceName);
        } catch (DocumentParser.UnreadableException e) {
            return new ConfigErrors(sourceName, List.of(e.error()));
        }
    }

    private static ConfigErrors unreadable(String source, String message) {
        return new ConfigErrors(source, List.of(new ConfigError(ConfigError.ROOT, message, 0, 0)));
    }
}
