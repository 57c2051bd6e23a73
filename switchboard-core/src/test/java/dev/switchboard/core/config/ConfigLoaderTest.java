package dev.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Map<String, String> ENV =
            Map.of("GITHUB_TOKEN", "ghp_from_env", "ALICE_KEY", "alice-key-0123456789", "HOME", "/home/test");

    private final ConfigLoader loader = new ConfigLoader(ENV);

    @TempDir
    Path dir;

    @Test
    void loadsAClaudeDesktopFileUnchanged() {
        GatewayConfig config = loader.load(TestFiles.resource("claude_desktop_config.json"))
                .orElseThrow()
                .config();

        assertThat(config.servers()).containsOnlyKeys("filesystem", "github", "sqlite", "linear");
        assertThat(config.servers().keySet()).containsExactly("filesystem", "github", "sqlite", "linear");
        assertThat(config.servers().get("github"))
                .isEqualTo(new StdioServerConfig(
                        "github",
                        "npx",
                        List.of("-y", "@modelcontextprotocol/server-github"),
                        Map.of("GITHUB_PERSONAL_ACCESS_TOKEN", "<YOUR_TOKEN>"),
                        null,
                        false,
                        ServerSettings.DEFAULTS));
        assertThat(config.servers().get("linear"))
                .isEqualTo(new RemoteServerConfig(
                        "linear",
                        URI.create("https://mcp.linear.app/mcp"),
                        RemoteTransport.HTTP,
                        Map.of("Authorization", "Bearer lin_api_example"),
                        ServerSettings.DEFAULTS));
        assertThat(config.gateway()).isEqualTo(GatewaySettings.DEFAULTS);
    }

    @Test
    void loadsAVsCodeFileWithCommentsInputsAndTypedServers() {
        GatewayConfig config =
                loader.load(TestFiles.resource("vscode_mcp.json")).orElseThrow().config();

        assertThat(config.servers().get("fetch")).isInstanceOf(StdioServerConfig.class);
        assertThat(config.servers().get("github")).isInstanceOfSatisfying(RemoteServerConfig.class, github -> {
            assertThat(github.transport()).isEqualTo(RemoteTransport.HTTP);
            assertThat(github.headers()).containsEntry("Authorization", "Bearer ghp_from_env");
        });
        assertThat(config.servers().get("legacy"))
                .isInstanceOfSatisfying(
                        RemoteServerConfig.class,
                        legacy -> assertThat(legacy.transport()).isEqualTo(RemoteTransport.SSE));
    }

    @Test
    void readsTheSameConfigFromYamlAndJson() {
        ConfigSnapshot yaml = loader.load(TestFiles.resource("full.yaml")).orElseThrow();
        ConfigSnapshot json = loader.load(TestFiles.resource("full.json")).orElseThrow();

        assertThat(yaml.config()).isEqualTo(json.config());
        assertThat(yaml.source()).endsWith("full.yaml");
    }

    @Test
    void readsEverySettingAwayFromItsDefault() {
        GatewayConfig config =
                loader.load(TestFiles.resource("full.yaml")).orElseThrow().config();

        GatewaySettings gateway = config.gateway();
        assertThat(gateway.listen()).isEqualTo(new ListenAddress("0.0.0.0", 9090));
        assertThat(gateway.separator()).isEqualTo(".");
        assertThat(gateway.views()).isEqualTo(new Views(true, false, true));
        assertThat(gateway.http())
                .isEqualTo(new HttpSettings(
                        List.of("https://app.example.com", "http://localhost:6274"),
                        List.of("gateway.example.com", "gateway.example.com:9090"),
                        1_048_576,
                        500));
        assertThat(gateway.auth().apiKeys())
                .containsExactly(
                        new ApiKey("alice-key-0123456789", "alice", "claude", List.of("admin")),
                        ApiKey.hashed(
                                "sha256:2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b",
                                "bob",
                                null,
                                List.of()));
        assertThat(gateway.auth().jwt())
                .isEqualTo(new JwtConfig(
                        "https://id.example.com",
                        "switchboard",
                        URI.create("https://id.example.com/.well-known/jwks.json"),
                        null,
                        "email",
                        "client_id",
                        "groups"));
        assertThat(gateway.policy())
                .isEqualTo(new PolicyConfig(
                        PolicyDecision.DENY,
                        List.of(
                                new PolicyRule(
                                        "alice",
                                        null,
                                        null,
                                        List.of("github", "fs-*"),
                                        List.of("*"),
                                        List.of("delete_*")),
                                new PolicyRule(
                                        null, null, "reader", List.of("*"), List.of("get_*", "list_*"), List.of()))));

        StdioServerConfig github = (StdioServerConfig) config.servers().get("github");
        assertThat(github.env()).containsExactly(Map.entry("GITHUB_TOKEN", "ghp_from_env"));
        assertThat(github.cwd()).isEqualTo(Path.of("/srv/mcp"));
        assertThat(github.inheritEnv()).isTrue();
        assertThat(github.settings())
                .isEqualTo(new ServerSettings(
                        true,
                        true,
                        new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(90)),
                        SessionMode.PER_IDENTITY,
                        new PoolSettings(
                                3,
                                Duration.ofHours(1),
                                Duration.ofMinutes(2),
                                Duration.ofMillis(500),
                                Duration.ofSeconds(90)),
                        new BreakerSettings(25, 20, Duration.ofMinutes(1), 5),
                        new BulkheadSettings(8),
                        new ToolFilter(List.of("*"), List.of("delete_*", "drop_?")),
                        false));

        RemoteServerConfig remote = (RemoteServerConfig) config.servers().get("fs-remote");
        assertThat(remote.url()).isEqualTo(URI.create("wss://fs.example.com/mcp"));
        assertThat(remote.transport()).isEqualTo(RemoteTransport.WEBSOCKET);
        assertThat(remote.headers()).containsEntry("X-Api-Key", "fallback-key");
        assertThat(remote.settings().sessionMode()).isEqualTo(SessionMode.PER_SESSION);
        assertThat(config.enabledServers()).containsExactly(github);
    }

    @Test
    void fillsInEveryDefault() {
        GatewayConfig config = loader.parse("{\"mcpServers\": {\"a\": {\"command\": \"x\"}}}", "defaults.json")
                .orElseThrow()
                .config();

        assertThat(config.gateway()).isEqualTo(GatewaySettings.DEFAULTS);
        assertThat(config.gateway().listen()).hasToString("127.0.0.1:8808");
        ServerSettings settings = config.servers().get("a").settings();
        assertThat(settings).isEqualTo(ServerSettings.DEFAULTS);
        assertThat(settings.timeouts())
                .isEqualTo(new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60)));
        assertThat(settings.pool())
                .isEqualTo(new PoolSettings(
                        10,
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(10),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30)));
        assertThat(settings.breaker()).isEqualTo(new BreakerSettings(50, 10, Duration.ofSeconds(30), 3));
        assertThat(settings.bulkhead().maxConcurrentCalls()).isEqualTo(100);
        assertThat(settings.sessionMode()).isEqualTo(SessionMode.SHARED);
        assertThat(settings.tools()).isEqualTo(new ToolFilter(List.of("*"), List.of()));
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.eager()).isFalse();
        assertThat(settings.prefix()).isTrue();
    }

    @Test
    void acceptsAFileWithNoServers() {
        assertThat(loader.parse("gateway: {}", "empty.yaml").isValid()).isTrue();
    }

    @Test
    void reportsABrokenJsonFileAsOneErrorWithLineAndColumn() throws IOException {
        Path file =
                write("broken.json", "{\n  \"mcpServers\": {\n    \"a\": {\"command\": \"x\" \"args\": []}\n  }\n}");

        ConfigResult result = loader.load(file);

        assertThat(result.source()).isEqualTo(file.toString());
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo("(root)");
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.message()).startsWith("line 3, column ").endsWith("(expected: valid JSON)");
        });
    }

    @Test
    void reportsAnUnclosedOrTooDeepJsonFileWithoutTheParsersInternals() throws IOException {
        Path unclosed = write("unclosed.json", "{\n  \"mcpServers\": {\n    \"a\": {\"command\": \"x\"}\n");
        Path deep = write("deep.json", "[".repeat(1500) + "]".repeat(1500));

        for (Path file : List.of(unclosed, deep)) {
            assertThat(loader.load(file).errors())
                    .singleElement()
                    .satisfies(error -> assertThat(error.message())
                            .endsWith("(expected: valid JSON)")
                            .doesNotContain("start marker", "Source", "StreamReadConstraints", "#UNKNOWN"));
        }
    }

    @Test
    void reportsAYamlSyntaxErrorAsOneErrorWithLineAndColumn() throws IOException {
        Path file = write("broken.yaml", "mcpServers:\n  a:\n    command: x\n   args: [1\n");

        ConfigError error = loader.load(file).errors().get(0);

        assertThat(loader.load(file).errors()).hasSize(1);
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isPositive();
        assertThat(error.toString()).startsWith("(root): line 4, column ").endsWith("(expected: valid YAML)");
        assertThat(error.message()).doesNotContain("\n");
    }

    @Test
    void reportsAFileThatIsNeitherJsonNorYamlAsOneErrorWithLineAndColumn() throws IOException {
        Path ini = write("switchboard.conf", "[server]\ncommand = npx\nargs = -y server\n");
        Path text = write("notes.txt", "Remember: install: the servers first.\n");

        List<ConfigError> iniErrors = loader.load(ini).errors();
        List<ConfigError> textErrors = loader.load(text).errors();

        assertThat(iniErrors).singleElement().satisfies(error -> {
            assertThat(error.toString()).startsWith("(root): line 1, column ").endsWith("(expected: valid JSON)");
            assertThat(error.hasLocation()).isTrue();
        });
        assertThat(textErrors).singleElement().satisfies(error -> {
            assertThat(error.toString())
                    .isEqualTo("(root): line 1, column 18: mapping values are not allowed here (expected: valid YAML)");
            assertThat(error.line()).isEqualTo(1);
        });
    }

    @Test
    void reportsAFileThatIsPlainText() {
        ConfigError error =
                loader.parse("just some words\n", "notes.txt").errors().get(0);

        assertThat(error)
                .hasToString("(root): \"just some words\" (expected: an object with \"mcpServers\", \"servers\" or"
                        + " \"gateway\")");
        assertThat(error.line()).isEqualTo(1);
    }

    @Test
    void reportsAMissingFileAnEmptyOneAndOneOfTwoDocuments() throws IOException {
        assertThat(loader.load(dir.resolve("nope.yaml")).errors())
                .map(ConfigError::toString)
                .containsExactly("(root): no such file (expected: a JSON or YAML configuration file)");
        assertThat(loader.load(write("empty.yaml", "  \n")).errors())
                .map(ConfigError::toString)
                .containsExactly("(root): an empty file (expected: a YAML object such as {\"mcpServers\": {}})");
        assertThat(loader.load(write("two.yaml", "gateway: {}\n---\ngateway: {}\n"))
                        .errors())
                .map(ConfigError::toString)
                .containsExactly("(root): line 3, column 1: a second document (expected: one YAML document)");
        assertThat(loader.load(dir).errors())
                .map(ConfigError::toString)
                .containsExactly("(root): a directory (expected: a JSON or YAML configuration file)");
    }

    @Test
    void rejectsAFileThatIsNotUtf8OrTooLarge() throws IOException {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        Path large = dir.resolve("large.yaml");
        Files.write(large, new byte[ConfigLoader.MAX_FILE_BYTES + 1]);

        assertThat(loader.load(latin1).errors())
                .map(ConfigError::toString)
                .containsExactly("(root): not UTF-8 text (expected: a JSON or YAML file in UTF-8)");
        assertThat(loader.load(large).errors())
                .map(ConfigError::toString)
                .containsExactly("(root): more than 2097152 bytes (expected: at most 2097152)");
    }

    @Test
    void readsAFileWithAByteOrderMark() {
        assertThat(loader.parse("\uFEFF{\"mcpServers\": {}}", "bom.json").isValid())
                .isTrue();
    }

    @Test
    void listsEveryProblemWithItsPositionForPeople() throws IOException {
        Path file = write("two.yaml", "mcpServers:\n  a: {comand: x}\n");

        String report = loader.load(file).toString();

        assertThat(report)
                .isEqualTo(file + ": 2 problems" + System.lineSeparator()
                        + "  mcpServers.a: neither \"command\" nor \"url\" (expected: \"command\" for a stdio server or"
                        + " \"url\" for a remote one) (line 2, column 6)" + System.lineSeparator()
                        + "  mcpServers.a.comand: unknown key (did you mean \"command\"?) (line 2, column 15)");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
