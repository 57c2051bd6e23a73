package dev.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON Schema shipped for editors says what the validator accepts. */
class ConfigSchemaTest {
    private static final String RESOURCE = "/dev/switchboard/core/config/switchboard-config.schema.json";

    private final JsonNode schema = readSchema();

    @Test
    void shipsTheSameSchemaInTheJarAndInTheDocs() throws IOException {
        Path docs = Path.of("..", "docs", "config.schema.json");

        assertThat(Files.readAllBytes(docs)).isEqualTo(resourceBytes());
    }

    @Test
    void namesExactlyTheKeysTheValidatorKnows() {
        assertThat(keys(schema)).isEqualTo(ConfigValidator.ROOT_KEYS);
        assertThat(keys(definition("server"))).containsExactlyInAnyOrderElementsOf(ServerReader.KEYS);
        assertThat(keys(definition("timeouts"))).isEqualTo(ServerSettingsReader.TIMEOUT_KEYS);
        assertThat(keys(definition("pool"))).isEqualTo(ServerSettingsReader.POOL_KEYS);
        assertThat(keys(definition("breaker"))).isEqualTo(ServerSettingsReader.BREAKER_KEYS);
        assertThat(keys(definition("bulkhead"))).isEqualTo(ServerSettingsReader.BULKHEAD_KEYS);
        assertThat(keys(definition("tools"))).isEqualTo(ServerSettingsReader.TOOLS_KEYS);
        assertThat(keys(definition("gateway"))).isEqualTo(GatewayReader.KEYS);
        assertThat(keys(definition("views"))).isEqualTo(GatewayReader.VIEW_KEYS);
        assertThat(keys(definition("auth"))).isEqualTo(AccessReader.AUTH_KEYS);
        assertThat(keys(definition("apiKey"))).isEqualTo(AccessReader.API_KEY_KEYS);
        assertThat(keys(definition("jwt"))).isEqualTo(AccessReader.JWT_KEYS);
        assertThat(keys(definition("policy"))).isEqualTo(AccessReader.POLICY_KEYS);
        assertThat(keys(definition("rule"))).isEqualTo(AccessReader.RULE_KEYS);
    }

    @Test
    void listsTheSameChoicesAsTheValidator() {
        JsonNode server = definition("server").get("properties");

        assertThat(strings(server.get("sessionMode").get("enum")))
                .isEqualTo(Arrays.stream(SessionMode.values())
                        .map(SessionMode::configName)
                        .toList());
        List<String> types = new ArrayList<>(List.of("stdio"));
        Arrays.stream(RemoteTransport.values()).forEach(t -> types.add(t.configName()));
        assertThat(strings(server.get("type").get("enum"))).isEqualTo(types);
        assertThat(strings(definition("policy").get("properties").get("default").get("enum")))
                .isEqualTo(Arrays.stream(PolicyDecision.values())
                        .map(PolicyDecision::configName)
                        .toList());
    }

    private JsonNode definition(String name) {
        return Objects.requireNonNull(schema.get("definitions").get(name), name);
    }

    private static List<String> keys(JsonNode object) {
        return List.copyOf(object.get("properties").propertyNames());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static byte[] resourceBytes() throws IOException {
        try (InputStream in = Objects.requireNonNull(ConfigSchemaTest.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return in.readAllBytes();
        }
    }

    private static JsonNode readSchema() {
        try {
            return JsonMapper.builder().build().readTree(resourceBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
