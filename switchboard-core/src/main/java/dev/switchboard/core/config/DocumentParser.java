package dev.switchboard.core.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads the text of a configuration file, JSON (comments and trailing commas allowed, as VS Code
 * writes them) or YAML, into a tree, remembering where each value started. Syntax errors become one
 * {@link ConfigError} with line and column, never a stack trace; the parser's own words are kept
 * but the quoted source lines it adds are dropped, since they may hold secrets. Thread-safe.
 */
final class DocumentParser {
    /** The format of a file, from its name or else its first character. */
    enum Format {
        JSON,
        YAML;

        static Format of(String sourceName, String text) {
            String name = sourceName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".json") || name.endsWith(".jsonc")) {
                return JSON;
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return YAML;
            }
            String start = text.stripLeading();
            boolean json =
                    start.startsWith("{") || start.startsWith("[") || start.startsWith("//") || start.startsWith("/*");
            return json ? JSON : YAML;
        }
    }

    /** Thrown when the text is not a document of its format at all. */
    static final class UnreadableException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ConfigError error;

        UnreadableException(ConfigError error) {
            super(error.toString(), null, false, false);
            this.error = error;
        }

        ConfigError error() {
            return error;
        }
    }

    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '[^']*'");
    /** The parser's internals: where a structure started in its own source notation, a limit's getter. */
    private static final Pattern PARSER_DETAILS =
            Pattern.compile("\\s*\\(start marker at \\[.*?\\]\\)|, from `StreamReadConstraints[^`]*`");

    private static final int MAX_MESSAGE = 300;

    private final ObjectMapper json = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private final ObjectMapper yaml = YAMLMapper.builder().build();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /**
     * Reads {@code text}, whose format follows from {@code sourceName} or else its first character.
     *
     * @throws UnreadableException when the text is not a document of that format
     */
    ParsedDocument parse(String sourceName, String text) throws UnreadableException {
        Format format = Format.of(sourceName, text);
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        ObjectMapper mapper = format == Format.JSON ? json : yaml;
        try (JsonParser parser = mapper.createParser(content)) {
            TreeBuilder builder = new TreeBuilder(parser);
            if (parser.nextToken() == null) {
                throw new UnreadableException(new ConfigError(
                        ConfigError.ROOT,
                        "an empty file (expected: a " + format.name() + " object such as {\"mcpServers\": {}})",
                        0,
                        0));
            }
            JsonNode root = builder.read(ConfigPath.ROOT);
            if (parser.nextToken() != null) {
                TokenStreamLocation at = parser.currentTokenLocation();
                throw new UnreadableException(
                        unreadable(at, "a second document", "one " + format.name() + " document"));
            }
            return new ParsedDocument(root, builder.positions, builder.problems, builder.replaced);
        } catch (JacksonException e) {
            throw new UnreadableException(unreadable(e.getLocation(), describe(e), "valid " + format.name()));
        }
    }

    private static ConfigError unreadable(TokenStreamLocation at, String what, String expected) {
        int line = Math.max(at == null ? 0 : at.getLineNr(), 0);
        int column = Math.max(at == null ? 0 : at.getColumnNr(), 0);
        String where = line > 0 ? "line " + line + ", column " + column + ": " : "";
        return new ConfigError(
                ConfigError.ROOT, where + what + " (expected: " + expected + ")", line, line > 0 ? column : 0);
    }

    /** The parser's message without the quoted source lines and tokens, which may hold secrets. */
    static String describe(JacksonException e) {
        String original =
                Objects.requireNonNullElse(e.getOriginalMessage(), e.getClass().getSimpleName());
        List<String> kept = new ArrayList<>();
        for (String line : original.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                kept.add(line.strip());
            }
        }
        String message = UNRECOGNIZED_TOKEN.matcher(String.join("; ", kept)).replaceAll("Unrecognized token");
        message = PARSER_DETAILS.matcher(message).replaceAll("");
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }

    /** Builds the tree from the parser's tokens, noting positions and structural problems. */
    private final class TreeBuilder {
        private final JsonParser parser;
        private final Map<ConfigPath, int[]> positions = new HashMap<>();
        private final List<ConfigError> problems = new ArrayList<>();
        private final Set<ConfigPath> replaced = new HashSet<>();

        TreeBuilder(JsonParser parser) {
            this.parser = parser;
        }

        /** Reads the value whose first token is the current one. */
        JsonNode read(ConfigPath path) {
            TokenStreamLocation at = parser.currentTokenLocation();
            int[] position = {Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0)};
            positions.put(path, position);
            JsonToken token = Objects.requireNonNull(parser.currentToken(), "token");
            return switch (token) {
                case START_OBJECT -> readObject(path);
                case START_ARRAY -> readArray(path);
                case VALUE_STRING -> readString(path, position);
                case VALUE_NUMBER_INT -> integer(parser.getBigIntegerValue());
                case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDecimalValue());
                case VALUE_TRUE -> nodes.booleanNode(true);
                case VALUE_FALSE -> nodes.booleanNode(false);
                case VALUE_NULL -> nodes.nullNode();
                default -> {
                    problems.add(problem(
                            path,
                            position,
                            "a " + token + " (expected: text, a number, true, false, an object or an array)"));
                    yield nodes.nullNode();
                }
            };
        }

        private ObjectNode readObject(ConfigPath path) {
            ObjectNode object = nodes.objectNode();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                ConfigPath child = path.key(name);
                if (object.has(name)) {
                    TokenStreamLocation at = parser.currentTokenLocation();
                    parser.skipChildren();
                    problems.add(problem(
                            child,
                            new int[] {at.getLineNr(), at.getColumnNr()},
                            "duplicate key (expected: each key once)"));
                } else {
                    object.set(name, read(child));
                }
            }
            return object;
        }

        private ArrayNode readArray(ConfigPath path) {
            ArrayNode array = nodes.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(read(path.index(array.size())));
            }
            return array;
        }

        private JsonNode readString(ConfigPath path, int[] position) {
            String value = parser.getString();
            if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
                problems.add(problem(
                        path,
                        position,
                        "*" + value + " (expected: a value written out; YAML aliases are not supported)"));
                replaced.add(path);
            }
            return nodes.stringNode(value);
        }

        private JsonNode integer(BigInteger value) {
            if (value.bitLength() < 32) {
                return nodes.numberNode(value.intValue());
            }
            return value.bitLength() < 64 ? nodes.numberNode(value.longValue()) : nodes.numberNode(value);
        }

        private ConfigError problem(ConfigPath path, int[] position, String message) {
            return new ConfigError(path.toString(), message, position[0], position[0] > 0 ? position[1] : 0);
        }
    }
}
