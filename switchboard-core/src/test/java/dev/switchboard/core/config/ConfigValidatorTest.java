package dev.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConfigValidatorTest {
    private static final Map<String, String> ENV = Map.of("HOME", "/home/test");
    private static final String DURATION =
            "(expected: a positive duration such as \"30s\", \"500ms\", \"2m\", \"1h\", \"PT30S\" or a number of"
                    + " milliseconds)";
    private static final String COMMAND_OR_URL =
            "(expected: \"command\" for a stdio server or \"url\" for a remote one)";

    /** A bad configuration (YAML) and exactly the problems reported for it, in file order. */
    static Stream<Arguments> badConfigs() {
        return Stream.of(
                bad(
                        "a misspelled key, with the closest known key suggested",
                        "mcpServers:\n  github: {command: npx, argz: [a]}",
                        "mcpServers.github.argz: unknown key (did you mean \"args\"?)"),
                bad(
                        "a misspelled command, so neither command nor url",
                        "mcpServers:\n  github: {comand: npx}",
                        "mcpServers.github: neither \"command\" nor \"url\" " + COMMAND_OR_URL,
                        "mcpServers.github.comand: unknown key (did you mean \"command\"?)"),
                bad(
                        "an unknown key with nothing close, listing the known ones",
                        "mcpServers:\n  github: {command: npx, pool: {zzz: 1}}",
                        "mcpServers.github.pool.zzz: unknown key (expected: one of \"maxPerKey\", \"ttl\","
                                + " \"idleEviction\", \"acquireTimeout\" or \"createTimeout\")"),
                bad(
                        "a misspelled top-level key",
                        "mcpservers: {}",
                        "mcpservers: unknown key (did you mean \"mcpServers\"?)"),
                bad(
                        "both command and url",
                        "mcpServers:\n  github: {command: npx, url: \"https://example.com/mcp\"}",
                        "mcpServers.github: both \"command\" and \"url\" " + COMMAND_OR_URL),
                bad(
                        "neither command nor url",
                        "mcpServers:\n  github: {args: [a]}",
                        "mcpServers.github: neither \"command\" nor \"url\" " + COMMAND_OR_URL),
                bad(
                        "a URL that is not http",
                        "mcpServers:\n  github: {url: \"ftp://x\"}",
                        "mcpServers.github.url: \"ftp://x\" (expected: an http or https URL)"),
                bad(
                        "text that is no URL",
                        "mcpServers:\n  github: {url: \"not a url\"}",
                        "mcpServers.github.url: \"not a url\" (expected: an http or https URL)"),
                bad(
                        "an http URL for a websocket server",
                        "mcpServers:\n  github: {url: \"http://x/mcp\", type: websocket}",
                        "mcpServers.github.url: \"http://x/mcp\" (expected: a ws or wss URL)"),
                bad(
                        "a command that is not a string",
                        "mcpServers:\n  github: {command: 42}",
                        "mcpServers.github.command: 42 (expected: a string)"),
                bad(
                        "a blank command",
                        "mcpServers:\n  github: {command: \"  \"}",
                        "mcpServers.github.command: \"  \" (expected: a program name or path)"),
                bad(
                        "args that are not an array",
                        "mcpServers:\n  github: {command: npx, args: foo}",
                        "mcpServers.github.args: \"foo\" (expected: an array of strings)"),
                bad(
                        "an argument that is not a string",
                        "mcpServers:\n  github: {command: npx, args: [1, x]}",
                        "mcpServers.github.args[0]: 1 (expected: a string)"),
                bad(
                        "env that is not an object",
                        "mcpServers:\n  github: {command: npx, env: []}",
                        "mcpServers.github.env: [] (expected: an object of variable names to string values)"),
                bad(
                        "an env value that is not a string, shown masked",
                        "mcpServers:\n  github: {command: npx, env: {TOKEN: 5}}",
                        "mcpServers.github.env.TOKEN: \"***\" (expected: a string)"),
                bad(
                        "zero, negative and unreadable durations",
                        "mcpServers:\n  github:\n    command: npx\n    timeouts: {call: 0s, connect: -5, initialize: abc}",
                        "mcpServers.github.timeouts.call: \"0s\" " + DURATION,
                        "mcpServers.github.timeouts.connect: -5 " + DURATION,
                        "mcpServers.github.timeouts.initialize: \"abc\" " + DURATION),
                bad(
                        "an unknown session mode",
                        "mcpServers:\n  github: {command: npx, sessionMode: sharde}",
                        "mcpServers.github.sessionMode: \"sharde\" (expected: one of \"shared\", \"per-identity\" or"
                                + " \"per-session\")"),
                bad(
                        "an unknown remote type",
                        "mcpServers:\n  github: {url: \"https://x/mcp\", type: grpc}",
                        "mcpServers.github.type: \"grpc\" (expected: one of \"http\", \"sse\" or \"websocket\" for a"
                                + " server with \"url\")"),
                bad(
                        "a remote type on a stdio server",
                        "mcpServers:\n  github: {command: npx, type: http}",
                        "mcpServers.github.type: \"http\" (expected: \"stdio\" for a server with \"command\")"),
                bad(
                        "headers on a stdio server",
                        "mcpServers:\n  github: {command: npx, headers: {A: b}}",
                        "mcpServers.github.headers: {...} (expected: no \"headers\" on a stdio server)"),
                bad(
                        "env on a remote server",
                        "mcpServers:\n  github: {url: \"https://x/mcp\", env: {A: b}}",
                        "mcpServers.github.env: {...} (expected: no \"env\" on a remote server)"),
                bad(
                        "a server name the tool namespace cannot carry",
                        "mcpServers:\n  Brave Search: {command: npx}",
                        "mcpServers[\"Brave Search\"]: \"Brave Search\" (expected: 1 to 64 letters, digits, '_', '.'"
                                + " or '-', starting and ending with a letter or digit)"),
                bad(
                        "a server name longer than 64",
                        "mcpServers:\n  " + "a".repeat(65) + ": {command: npx}",
                        "mcpServers." + "a".repeat(65) + ": \"" + "a".repeat(65) + "\" (expected: 1 to 64 letters,"
                                + " digits, '_', '.' or '-', starting and ending with a letter or digit)"),
                bad(
                        "a server name holding the separator",
                        "mcpServers:\n  my__server: {command: npx}",
                        "mcpServers.my__server: \"my__server\" (expected: a name without the separator \"__\")"),
                bad(
                        "a server name holding a configured separator",
                        "gateway: {separator: \"-\"}\nmcpServers:\n  my-server: {command: npx}",
                        "mcpServers.my-server: \"my-server\" (expected: a name without the separator \"-\")"),
                bad(
                        "the same server in mcpServers and servers",
                        "mcpServers:\n  github: {command: npx}\nservers:\n  github: {type: stdio, command: npx}",
                        "servers.github: \"github\" (expected: a name not already used in \"mcpServers\")"),
                bad(
                        "the same key twice in one object",
                        "mcpServers:\n  github: {command: npx}\n  github: {command: uvx}",
                        "mcpServers.github: duplicate key (expected: each key once)"),
                bad(
                        "counts out of range",
                        "mcpServers:\n  github: {command: npx, pool: {maxPerKey: 0}, breaker: {failureRateThreshold: 150}}",
                        "mcpServers.github.pool.maxPerKey: 0 (expected: an integer from 1 to 100000)",
                        "mcpServers.github.breaker.failureRateThreshold: 150 (expected: an integer from 1 to 100)"),
                bad(
                        "booleans that are not",
                        "mcpServers:\n  github: {command: npx, enabled: \"yes\", eager: 1}",
                        "mcpServers.github.enabled: \"yes\" (expected: true or false)",
                        "mcpServers.github.eager: 1 (expected: true or false)"),
                bad(
                        "a bad separator and a listen address without port",
                        "gateway:\n  separator: \"::\"\n  listen: localhost",
                        "gateway.separator: \"::\" (expected: 1 to 4 of '_', '.' and '-', such as \"__\")",
                        "gateway.listen: \"localhost\" (expected: host:port such as \"127.0.0.1:8808\" or"
                                + " \"[::1]:8808\", port 0 to 65535)"),
                bad(
                        "HTTP allow lists with entries the server cannot use, a tiny body limit and no sessions",
                        "gateway:\n  allowedOrigins: [\"https://app.example.com\", \"app.example.com\"]\n"
                                + "  allowedHosts: [\"*\", \"gateway.example.com\"]\n  maxRequestBytes: 10\n"
                                + "  maxSessions: 0",
                        "gateway.allowedOrigins[1]: \"app.example.com\" (expected: scheme://host or"
                                + " scheme://host:port, such as \"https://app.example.com\", or \"*\" alone for any)",
                        "gateway.allowedHosts[0]: \"*\" (expected: host or host:port, IPv6 in brackets, such as"
                                + " \"gateway.example.com\", or \"*\" alone for any)",
                        "gateway.maxRequestBytes: 10 (expected: an integer from 1024 to 2147483647)",
                        "gateway.maxSessions: 0 (expected: an integer from 1 to 2147483647)"),
                bad(
                        "an empty host list, which would refuse every request",
                        "gateway:\n  allowedHosts: []\n  allowedOrigins: \"*\"",
                        "gateway.allowedHosts: [] (expected: at least one host, or \"*\" for any)",
                        "gateway.allowedOrigins: \"*\" (expected: an array of non-empty strings)"),
                bad(
                        "a public address without auth, and every view off",
                        "gateway:\n  listen: \"0.0.0.0:8808\"\n  views: {aggregate: false, meta: false, servers: false}",
                        "gateway.listen: \"0.0.0.0:8808\" (expected: a loopback address such as \"127.0.0.1:8808\""
                                + " unless gateway.auth sets up API keys or JWT)",
                        "gateway.views: {...} (expected: at least one of \"aggregate\", \"meta\" or \"servers\" on)"),
                bad(
                        "a policy with a bad default, a rule for nobody and a misspelled server",
                        "gateway:\n  policy: {default: maybe, rules: [{servers: [githb]}]}\n"
                                + "mcpServers:\n  github: {command: npx}",
                        "gateway.policy.default: \"maybe\" (expected: \"allow\" or \"deny\")",
                        "gateway.policy.rules[0]: {...} (expected: at least one of \"user\", \"agent\" or \"role\""
                                + " (\"*\" matches everyone))",
                        "gateway.policy.rules[0].servers[0]: \"githb\" (expected: a configured server or a pattern"
                                + " with * or ?; did you mean \"github\"?)"),
                bad(
                        "a short API key, a missing one, and a JWT without keys",
                        "gateway:\n  auth:\n    apiKeys: [{key: short, user: alice}, {user: bob}]\n"
                                + "    jwt: {issuer: me}",
                        "gateway.auth.apiKeys[0].key: \"***\" (expected: a secret of at least 16 characters)",
                        "gateway.auth.apiKeys[1]: neither \"key\" nor \"keyHash\" (expected: one of them: the secret"
                                + " as \"key\", best from ${VAR}, or its SHA-256 as \"keyHash\")",
                        "gateway.auth.jwt: neither \"jwksUrl\" nor \"publicKeyFile\" (expected: one of them, to find"
                                + " the signing keys)"),
                bad(
                        "a JWT with two key sources, auth lists that are not lists",
                        "gateway:\n  auth:\n    apiKeys: {key: x}\n"
                                + "    jwt: {issuer: me, jwksUrl: \"https://id/jwks\", publicKeyFile: /k.pem}\n"
                                + "  policy: {rules: {user: alice}}",
                        "gateway.auth.apiKeys: {...} (expected: an array of {key or keyHash, user, agent, roles} objects)",
                        "gateway.auth.jwt: both \"jwksUrl\" and \"publicKeyFile\" (expected: one of them, to find the"
                                + " signing keys)",
                        "gateway.policy.rules: {...} (expected: an array of rules)"),
                bad(
                        "the same API key twice",
                        "gateway:\n  auth:\n    apiKeys:\n      - {key: abcdefghijklmnopq, user: alice}\n"
                                + "      - {key: abcdefghijklmnopq, user: bob}",
                        "gateway.auth.apiKeys[1].key: \"***\" (expected: a key no other entry has)"),
                bad(
                        "a key hash of the wrong form, and an entry with both a key and its hash",
                        "gateway:\n  auth:\n    apiKeys:\n      - {keyHash: \"md5:abc\", user: alice}\n"
                                + "      - {key: abcdefghijklmnopq, keyHash: \"sha256:918a954ac4dfb54ac39f068d9868227f69ab39bc362e2c9b0083bf6a109d6ad7\", user: bob}",
                        "gateway.auth.apiKeys[0].keyHash: \"***\" (expected: \"sha256:\" and the 64 hex digits of"
                                + " the key's SHA-256)",
                        "gateway.auth.apiKeys[1]: both \"key\" and \"keyHash\" (expected: one of them: the secret as"
                                + " \"key\", best from ${VAR}, or its SHA-256 as \"keyHash\")"),
                bad(
                        "a hashed key that another entry holds in plain text",
                        "gateway:\n  auth:\n    apiKeys:\n      - {key: abcdefghijklmnopq, user: alice}\n"
                                + "      - {keyHash: \"sha256:918A954AC4DFB54AC39F068D9868227F69AB39BC362E2C9B0083BF6A109D6AD7\", user: bob}",
                        "gateway.auth.apiKeys[1].keyHash: \"***\" (expected: a key no other entry has)"),
                bad(
                        "a root that is not an object",
                        "[1, 2]",
                        "(root): [...] (expected: an object with \"mcpServers\", \"servers\" or \"gateway\")"),
                bad(
                        "a server map that is not an object",
                        "mcpServers: []",
                        "mcpServers: [] (expected: an object of servers by name)"),
                bad(
                        "headers with a line break, a restricted name and a bad name",
                        "mcpServers:\n  github:\n    url: \"https://x/mcp\"\n"
                                + "    headers: {Authorization: \"Bearer a\\r\\nX: y\", Host: x, \"Bad Name\": v}",
                        "mcpServers.github.headers.Authorization: \"***\" (expected: a value without line breaks or"
                                + " NUL)",
                        "mcpServers.github.headers.Host: \"Host\" (expected: a header the gateway may set, not"
                                + " Connection, Content-Length, Expect, Host or Upgrade)",
                        "mcpServers.github.headers[\"Bad Name\"]: \"Bad Name\" (expected: an HTTP header name"
                                + " (letters, digits and !#$%&'*+.^_`|~-))"),
                bad(
                        "a missing variable, a VS Code input variable and an unclosed reference",
                        "mcpServers:\n  github:\n    command: npx\n    env:\n      GITHUB_TOKEN: \"${GITHUB_TOKEN}\"\n"
                                + "      B: \"${input:token}\"\n      C: \"${OPEN\"",
                        "mcpServers.github.env.GITHUB_TOKEN: environment variable GITHUB_TOKEN is not set (expected:"
                                + " GITHUB_TOKEN set, or a default as in ${GITHUB_TOKEN:-value})",
                        "mcpServers.github.env.B: ${input:token} (expected: ${NAME} or ${NAME:-default}; VS Code input"
                                + " variables are not available to a gateway, use an environment variable)",
                        "mcpServers.github.env.C: unclosed \"${\" (expected: ${NAME} or ${NAME:-default}, or $${ for a"
                                + " literal \"${\")"),
                bad(
                        "a YAML alias, reported once",
                        "x-defaults: &d {command: npx}\nmcpServers:\n  github: *d",
                        "x-defaults: unknown key (expected: one of \"$schema\", \"gateway\", \"mcpServers\","
                                + " \"servers\" or \"inputs\")",
                        "mcpServers.github: *d (expected: a value written out; YAML aliases are not supported)"),
                bad(
                        "empty tool patterns and a deny list that is not a list",
                        "mcpServers:\n  github: {command: npx, tools: {allow: [\"\"], deny: x}}",
                        "mcpServers.github.tools.allow[0]: \"\" (expected: a non-empty string)",
                        "mcpServers.github.tools.deny: \"x\" (expected: an array of non-empty strings)"));
    }

    private static Arguments bad(String name, String yaml, String... errors) {
        return Arguments.of(name, yaml, List.of(errors));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void reportsExactlyTheseProblems(String name, String yaml, List<String> expected) {
        ConfigResult result = new ConfigLoader(ENV).parse(yaml, "test.yaml");

        assertThat(result).isInstanceOf(ConfigErrors.class);
        assertThat(result.errors()).map(ConfigError::toString).containsExactlyElementsOf(expected);
        assertThat(result.errors()).allMatch(ConfigError::hasLocation);
    }

    @Test
    void reportsEveryProblemOfAFileAtOnce() {
        String yaml = """
                gateway:
                  separator: "::"
                mcpServers:
                  github: {command: npx, comand: x}
                  remote: {url: "ftp://x", timeouts: {call: 0}}
                servers:
                  github: {command: uvx}
                """;

        List<ConfigError> errors =
                new ConfigLoader(ENV).parse(yaml, "test.yaml").errors();

        assertThat(errors)
                .extracting(ConfigError::path, ConfigError::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("gateway.separator", 2),
                        org.assertj.core.groups.Tuple.tuple("mcpServers.github.comand", 4),
                        org.assertj.core.groups.Tuple.tuple("mcpServers.remote.url", 5),
                        org.assertj.core.groups.Tuple.tuple("mcpServers.remote.timeouts.call", 5),
                        org.assertj.core.groups.Tuple.tuple("servers.github", 7));
    }

    @Test
    void validatesATreeWithoutPositions() {
        JsonNode tree = JsonMapper.builder().build().readTree("{\"mcpServers\": {\"x\": {\"url\": \"ftp://x\"}}}");

        ConfigResult result = new ConfigValidator(ENV).validate(tree);

        assertThat(result.source()).isEqualTo("(tree)");
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error).hasToString("mcpServers.x.url: \"ftp://x\" (expected: an http or https URL)");
            assertThat(error.hasLocation()).isFalse();
        });
    }

    @Test
    void locatesEachProblemAtItsValue() {
        ConfigError error = new ConfigLoader(ENV)
                .parse("mcpServers:\n  github:\n    command: npx\n    args: 7\n", "test.yaml")
                .errors()
                .get(0);

        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(11);
    }

    @Test
    void throwsTheErrorsWhenASnapshotIsDemandedOfAnInvalidConfig() {
        ConfigResult result = new ConfigLoader(ENV).parse("mcpServers: {a: {}}", "test.yaml");

        org.assertj.core.api.Assertions.assertThatThrownBy(result::orElseThrow)
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.errors()).isEqualTo(result))
                .hasMessageContaining("test.yaml: 1 problem")
                .hasMessageContaining("mcpServers.a: neither");
    }
}
