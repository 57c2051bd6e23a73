package dev.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets never reach a message or a {@code toString()}: every check looks for the secret text. */
class SecretRedactionTest {
    private static final String SECRET = "s3cr3t-Value-0123456789";
    private static final Map<String, String> ENV = Map.of("TOKEN", SECRET);

    private final ConfigLoader loader = new ConfigLoader(ENV);

    @Test
    void keepsSecretsOutOfTheToStringOfAValidConfig() {
        String yaml = """
                gateway:
                  auth:
                    apiKeys: [{key: "%1$s", user: alice}]
                mcpServers:
                  local:
                    command: npx
                    env: {TOKEN: "${TOKEN}", OTHER: "%1$s"}
                  remote:
                    url: "https://user:%1$s@example.com/mcp?api_key=%1$s"
                    headers: {Authorization: "Bearer ${TOKEN}"}
                """.formatted(SECRET);

        ConfigSnapshot snapshot = loader.parse(yaml, "secrets.yaml").orElseThrow();

        List<String> shown = List.of(
                snapshot.toString(),
                snapshot.config().toString(),
                snapshot.config().servers().toString(),
                snapshot.config().gateway().auth().toString());
        assertThat(shown)
                .allSatisfy(text -> assertThat(text).doesNotContain(SECRET).contains("***"));
        assertThat(snapshot.config().servers().get("remote").toString())
                .contains("url=https://***@example.com/mcp?***");
    }

    @Test
    void keepsSecretsOutOfEveryValidationMessage() {
        String yaml = """
                gateway:
                  auth:
                    apiKeys:
                      - {key: "%1$s", user: alice}
                      - {key: "%1$s", user: bob}
                      - {key: "short", user: carol}
                mcpServers:
                  local:
                    command: npx
                    headers: {Authorization: "Bearer %1$s"}
                    env: {TOKEN: {nested: "%1$s"}, LIST: ["%1$s"], NUMBER: 12345}
                  remote:
                    type: websocket
                    url: "https://user:%1$s@example.com/mcp?api_key=%1$s"
                    headers: {Authorization: "Bearer %1$s\\r\\n", X-Key: ["%1$s"]}
                    env: {TOKEN: "%1$s"}
                """.formatted(SECRET);

        ConfigResult result = loader.parse(yaml, "secrets.yaml");

        assertThat(result.errors()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(messages(result)).allSatisfy(text -> assertThat(text).doesNotContain(SECRET));
        assertThat(result.errors())
                .map(ConfigError::toString)
                .contains(
                        "gateway.auth.apiKeys[1].key: \"***\" (expected: a key no other entry has)",
                        "mcpServers.local.env.TOKEN: \"***\" (expected: a string)",
                        "mcpServers.remote.url: \"https://***@example.com/mcp?***\" (expected: a ws or wss URL)",
                        "mcpServers.remote.headers.Authorization: \"***\" (expected: a value without line breaks or"
                                + " NUL)",
                        "mcpServers.remote.headers.X-Key: \"***\" (expected: a string)");
    }

    @Test
    void keepsSecretsOutOfSyntaxErrors() {
        String unclosedQuote = "mcpServers:\n  a:\n    env: {TOKEN: \"" + SECRET + "\n";
        String unquotedToken = "{\"mcpServers\": {\"a\": {\"env\": {\"TOKEN\": " + SECRET + "}}}}";
        String badIndent = "mcpServers:\n  a:\n    headers:\n      Authorization: Bearer " + SECRET + "\n     x: y\n";

        for (String text : List.of(unclosedQuote, unquotedToken, badIndent)) {
            String name = text.startsWith("{") ? "broken.json" : "broken.yaml";
            ConfigResult result = loader.parse(text, name);

            assertThat(result.errors()).hasSize(1);
            assertThat(messages(result))
                    .allSatisfy(message -> assertThat(message).doesNotContain(SECRET));
        }
    }

    @Test
    void keepsASecretWrittenWhereItsHashBelongsOutOfMessages() {
        String yaml = """
                gateway:
                  auth:
                    apiKeys: [{keyHash: "%1$s", user: alice}]
                """.formatted(SECRET);

        ConfigResult result = loader.parse(yaml, "secrets.yaml");

        assertThat(result.errors()).hasSize(1);
        assertThat(messages(result)).allSatisfy(text -> assertThat(text).doesNotContain(SECRET));
        assertThatThrownBy(() -> ApiKey.hashed(SECRET, "alice", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void keepsSecretsOutOfTheToStringOfRecordsBuiltInCode() {
        StdioServerConfig stdio = new StdioServerConfig(
                "s", "npx", List.of(), Map.of("KEY", SECRET), null, false, ServerSettings.DEFAULTS);
        RemoteServerConfig remote = new RemoteServerConfig(
                "r",
                URI.create("https://example.com/mcp?token=" + SECRET),
                RemoteTransport.HTTP,
                Map.of("Authorization", SECRET),
                ServerSettings.DEFAULTS);
        ApiKey key = new ApiKey(SECRET, "alice", null, List.of());
        String hash = AccessReader.sha256(SECRET);
        ApiKey hashed = ApiKey.hashed(hash, "alice", null, List.of());

        assertThat(hashed.toString()).doesNotContain(hash.substring(ApiKey.SHA256_PREFIX.length()));
        assertThat(List.of(stdio.toString(), remote.toString(), key.toString(), hashed.toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(SECRET).contains("***"));
    }

    private static List<String> messages(ConfigResult result) {
        List<String> messages = new ArrayList<>();
        messages.add(result.toString());
        result.errors().forEach(error -> messages.add(error.toString()));
        if (result instanceof ConfigErrors errors) {
            messages.add(new ConfigException(errors).getMessage());
        }
        return messages;
    }
}
