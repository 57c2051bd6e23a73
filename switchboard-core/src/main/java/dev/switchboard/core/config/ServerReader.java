package dev.switchboard.core.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads one server entry of {@code mcpServers} or {@code servers}: a stdio server when it has
 * {@code command}, a remote one when it has {@code url}, plus the settings every server has.
 */
final class ServerReader {
    static final List<String> STDIO_KEYS = List.of("command", "args", "env", "cwd", "inheritEnv");
    static final List<String> REMOTE_KEYS = List.of("url", "headers");
    static final List<String> KEYS = Stream.of(STDIO_KEYS, REMOTE_KEYS, List.of("type"), ServerSettingsReader.KEYS)
            .flatMap(List::stream)
            .toList();

    private static final Set<String> HTTP_SCHEMES = Set.of("http", "https");
    private static final Set<String> WS_SCHEMES = Set.of("ws", "wss");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    // java.net.http sets these itself and refuses them from callers
    private static final Set<String> RESTRICTED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final String REMOTE_TYPES = "one of \"http\", \"sse\" or \"websocket\"";

    private final ValueReader in;
    private final String separator;

    ServerReader(ValueReader in, String separator) {
        this.in = in;
        this.separator = separator;
    }

    /** The server {@code name} at {@code path}, or {@code null} when it is too broken to build. */
    @Nullable
    ServerConfig read(String name, JsonNode node, ConfigPath path) {
        ServerNames.check(name, separator, path, in.problems());
        ObjectFields fields = in.object(node, path, KEYS, "an object with \"command\" or \"url\"");
        if (fields == null) {
            return null;
        }
        ServerSettings settings = ServerSettingsReader.read(fields);
        boolean stdio = fields.has("command");
        boolean remote = fields.has("url");
        if (stdio == remote) {
            in.problems()
                    .add(
                            path,
                            (stdio ? "both \"command\" and \"url\"" : "neither \"command\" nor \"url\"")
                                    + " (expected: \"command\" for a stdio server or \"url\" for a remote one)");
            fields.reportUnknownKeys();
            return null;
        }
        Set<String> misplaced = misplacedKeys(fields, stdio ? REMOTE_KEYS : STDIO_KEYS, stdio ? "stdio" : "remote");
        fields.reportUnknownKeys(misplaced);
        return stdio ? stdio(name, fields, settings) : remote(name, fields, settings);
    }

    private Set<String> misplacedKeys(ObjectFields fields, List<String> otherKindKeys, String kind) {
        Set<String> misplaced = new HashSet<>();
        for (String key : otherKindKeys) {
            JsonNode value = fields.get(key);
            if (value != null) {
                misplaced.add(key);
                in.problems()
                        .invalid(
                                fields.path(key),
                                value,
                                false,
                                "no " + ConfigPath.quoted(key) + " on a " + kind + " server");
            }
        }
        return misplaced;
    }

    private @Nullable StdioServerConfig stdio(String name, ObjectFields fields, ServerSettings settings) {
        JsonNode type = fields.get("type");
        if (type != null) {
            String text = in.string(type, fields.path("type"), false);
            if (text != null && !text.equals("stdio")) {
                in.problems().invalid(fields.path("type"), type, false, "\"stdio\" for a server with \"command\"");
            }
        }
        String command =
                in.nonBlank(fields.present("command"), fields.path("command"), false, "a program name or path");
        List<String> args = fields.strings("args", List.of(), false);
        Map<String, String> env = fields.stringMap("env", true, "an object of variable names to string values");
        env.keySet()
                .forEach(variable ->
                        checkVariableName(variable, fields.path("env").key(variable)));
        Path cwd = cwd(fields);
        boolean inheritEnv = fields.bool("inheritEnv", false);
        return command == null ? null : new StdioServerConfig(name, command, args, env, cwd, inheritEnv, settings);
    }

    private void checkVariableName(String variable, ConfigPath path) {
        if (variable.isEmpty() || variable.indexOf('=') >= 0 || variable.indexOf('\0') >= 0) {
            in.problems().invalid(path, ConfigPath.quoted(variable), "a variable name, not empty, without '=' or NUL");
        }
    }

    private @Nullable Path cwd(ObjectFields fields) {
        String cwd = fields.string("cwd");
        if (cwd == null) {
            return null;
        }
        try {
            return Path.of(cwd);
        } catch (InvalidPathException e) {
            in.problems().invalid(fields.path("cwd"), ConfigPath.quoted(cwd), "a directory path");
            return null;
        }
    }

    private @Nullable RemoteServerConfig remote(String name, ObjectFields fields, ServerSettings settings) {
        RemoteTransport transport = remoteTransport(fields);
        var url = transport == RemoteTransport.WEBSOCKET
                ? in.url(fields.present("url"), fields.path("url"), WS_SCHEMES, "a ws or wss URL")
                : in.url(fields.present("url"), fields.path("url"), HTTP_SCHEMES, "an http or https URL");
        Map<String, String> headers = fields.stringMap("headers", true, "an object of header names to string values");
        headers.forEach((header, value) ->
                checkHeader(header, value, fields.path("headers").key(header)));
        return url == null ? null : new RemoteServerConfig(name, url, transport, headers, settings);
    }

    private RemoteTransport remoteTransport(ObjectFields fields) {
        JsonNode type = fields.get("type");
        if (type == null) {
            return RemoteTransport.HTTP;
        }
        String text = in.string(type, fields.path("type"), false);
        for (RemoteTransport transport : RemoteTransport.values()) {
            if (transport.configName().equals(text)) {
                return transport;
            }
        }
        if (text != null) {
            in.problems().invalid(fields.path("type"), type, false, REMOTE_TYPES + " for a server with \"url\"");
        }
        return RemoteTransport.HTTP;
    }

    private void checkHeader(String header, String value, ConfigPath path) {
        if (!HEADER_NAME.matcher(header).matches()) {
            in.problems()
                    .invalid(
                            path,
                            ConfigPath.quoted(header),
                            "an HTTP header name (letters, digits and !#$%&'*+.^_`|~-)");
        } else if (RESTRICTED_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {

            in.problems()
                    .invalid(
                            path,
                            ConfigPath.quoted(header),
                            "a header the gateway may set, not Connection, Content-Length, Expect, Host or Upgrade");
        } else if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
            in.problems().invalid(path, Problems.secret(), "a value without line breaks or NUL");
        }
    }
}
