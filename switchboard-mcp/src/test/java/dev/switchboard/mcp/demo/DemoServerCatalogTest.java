package dev.switchboard.mcp.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.mcp.client.McpClient;
import dev.switchboard.mcp.jsonrpc.JsonRpcError;
import dev.switchboard.mcp.jsonrpc.JsonRpcException;
import dev.switchboard.mcp.protocol.McpMethods;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The demo server's resources, prompts, completions and pagination. */
class DemoServerCatalogTest extends DemoTestSupport {

    private static void assertInvalidParams(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        JsonRpcException.class,
                        e -> assertThat(e.error().code()).isEqualTo(JsonRpcError.INVALID_PARAMS));
    }

    @Test
    void listsTheThreeResourcesAndTheTemplate() {
        McpClient client = connect(server());

        JsonNode resources = client.request(McpMethods.RESOURCES_LIST, null).path("resources");
        JsonNode templates =
                client.request(McpMethods.RESOURCES_TEMPLATES_LIST, null).path("resourceTemplates");

        assertThat(resources)
                .extracting(r -> r.path("uri").asString())
                .containsExactly("test://static-text", "test://static-binary", "test://watched-resource");
        assertThat(resources)
                .allSatisfy(r -> assertThat(r.path("description").asString()).isNotBlank());
        assertThat(templates.path(0).path("uriTemplate").asString()).isEqualTo("test://template/{id}/data");
    }

    @Test
    void readsTextBinaryAndTemplateResources() {
        McpClient client = connect(server());

        JsonNode text = read(client, "test://static-text");
        JsonNode binary = read(client, "test://static-binary");
        JsonNode templated = read(client, "test://template/123/data");

        assertThat(text.path("text").asString()).isEqualTo("This is the content of the static text resource.");
        assertThat(binary.path("blob").asString()).isEqualTo(Content.IMAGE_PNG_BASE64);
        assertThat(templated.path("uri").asString()).isEqualTo("test://template/123/data");
        assertThat(templated.path("text").asString()).contains("\"id\":\"123\"");
    }

    private static JsonNode read(McpClient client, String uri) {
        return client.request(McpMethods.RESOURCES_READ, object().put("uri", uri))
                .path("contents")
                .path(0);
    }

    @Test
    void readingAnUnknownResourceIsResourceNotFound() {
        McpClient client = connect(server());

        assertThatThrownBy(() -> read(client, "test://nope"))
                .isInstanceOfSatisfying(
                        JsonRpcException.class,
                        e -> assertThat(e.error().code()).isEqualTo(JsonRpcError.RESOURCE_NOT_FOUND));
    }

    @Test
    void listsPromptsWithDescriptions() {
        JsonNode prompts =
                connect(server()).request(McpMethods.PROMPTS_LIST, null).path("prompts");

        assertThat(prompts).hasSize(4);
        assertThat(prompts)
                .allSatisfy(p -> assertThat(p.path("description").asString()).isNotBlank());
    }

    @Test
    void getsPromptsWithTheirArgumentsSubstituted() {
        McpClient client = connect(server());
        ObjectNode withArgs = object().put("name", "test_prompt_with_arguments");
        withArgs.putObject("arguments").put("arg1", "one").put("arg2", "two");
        ObjectNode withResource = object().put("name", "test_prompt_with_embedded_resource");
        withResource.putObject("arguments").put("resourceUri", "test://example-resource");

        JsonNode args = client.request(McpMethods.PROMPTS_GET, withArgs).path("messages");
        JsonNode resource = client.request(McpMethods.PROMPTS_GET, withResource).path("messages");
        JsonNode image = client.request(McpMethods.PROMPTS_GET, object().put("name", "test_prompt_with_image"))
                .path("messages");
        JsonNode simple = client.request(McpMethods.PROMPTS_GET, object().put("name", "test_simple_prompt"))
                .path("messages");

        assertThat(args.path(0).path("content").path("text").asString())
                .isEqualTo("Prompt with arguments: arg1='one', arg2='two'");
        assertThat(resource.path(0).path("content").path("resource").path("uri").asString())
                .isEqualTo("test://example-resource");
        assertThat(image.path(0).path("content").path("type").asString()).isEqualTo("image");
        assertThat(simple.path(0).path("role").asString()).isEqualTo("user");
    }

    @Test
    void rejectsAPromptWithAMissingArgumentOrAnUnknownName() {
        McpClient client = connect(server());

        assertInvalidParams(
                () -> client.request(McpMethods.PROMPTS_GET, object().put("name", "test_prompt_with_arguments")));
        assertInvalidParams(() -> client.request(McpMethods.PROMPTS_GET, object().put("name", "nope")));
    }

    @Test
    void completesPromptArgumentsAndTemplateIdsByPrefix() {
        McpClient client = connect(server());

        assertThat(complete(client, "ref/prompt", "name", "test_prompt_with_arguments", "arg1", "test"))
                .containsExactly("testValue1");
        assertThat(complete(client, "ref/resource", "uri", "test://template/{id}/data", "id", "1"))
                .containsExactly("1", "123");
        assertInvalidParams(() -> complete(client, "ref/prompt", "name", "nope", "arg1", ""));
    }

    private static List<String> complete(
            McpClient client, String type, String key, String ref, String argument, String value) {
        ObjectNode params = object();
        params.putObject("ref").put("type", type).put(key, ref);
        params.putObject("argument").put("name", argument).put("value", value);
        JsonNode completion =
                client.request(McpMethods.COMPLETION_COMPLETE, params).path("completion");
        assertThat(completion.path("total").asInt())
                .isEqualTo(completion.path("values").size());
        return completion.path("values").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void pagesListsWhenAPageSizeIsSet() {
        McpClient paged = connect(DemoServer.create(DemoOptions.of(runtime).withPageSize(5)));
        McpClient whole = connect(server());

        JsonNode first = paged.listTools(null);

        assertThat(first.path("tools")).hasSize(5);
        assertThat(first.path("nextCursor").asString()).isNotEmpty();
        assertThat(paged.listAllTools()).isEqualTo(whole.listAllTools());
        assertThat(paged.listAll(McpMethods.PROMPTS_LIST, "prompts", 10)).hasSize(4);
        assertThat(whole.listTools(null).has("nextCursor")).isFalse();
    }

    @Test
    void rejectsACursorItDidNotMake() {
        McpClient client = connect(DemoServer.create(DemoOptions.of(runtime).withPageSize(5)));

        assertInvalidParams(() -> client.listTools("bogus"));
    }
}
