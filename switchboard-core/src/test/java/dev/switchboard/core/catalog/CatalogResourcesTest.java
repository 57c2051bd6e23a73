package dev.switchboard.core.catalog;

import static dev.switchboard.core.catalog.Fixtures.resource;
import static dev.switchboard.core.catalog.Fixtures.settings;
import static dev.switchboard.core.catalog.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogResourcesTest {
    private static ServerCatalog server(String name, List<String> resources, List<String> templates) {
        return ServerCatalog.empty(name)
                .with(Kind.RESOURCES, resources.stream().map(Fixtures::resource).toList())
                .with(
                        Kind.RESOURCE_TEMPLATES,
                        templates.stream().map(Fixtures::template).toList());
    }

    private final Catalog catalog = Catalog.of(
            settings(true, "a", "b"),
            List.of(
                    server("a", List.of("file:///etc/hosts", "mem://shared"), List.of("file:///{path}", "db://a/{t}")),
                    server(
                            "b",
                            List.of("mem://shared", "b://only"),
                            List.of("file:///home/{user}", "db://a/{t}", "static://fixed"))));

    @Test
    void resourcesKeepTheirUrisAndTheEarlierServerOwnsAUriOfferedTwice() {
        assertThat(catalog.resources())
                .extracting(CatalogResource::uri)
                .containsExactly("file:///etc/hosts", "mem://shared", "b://only");
        assertThat(catalog.resourceOwner("mem://shared")).contains("a");
        assertThat(catalog.resourceOwner("b://only")).contains("b");
        assertThat(catalog.resources().get(1).definition()).isEqualTo(resource("mem://shared"));
        assertThat(catalog.resourcesOf("b")).extracting(CatalogResource::uri).containsExactly("b://only");
    }

    @Test
    void reportsEveryUriOfferedTwice() {
        assertThat(catalog.uriCollisions())
                .containsExactly(
                        new UriCollision(Kind.RESOURCES, "mem://shared", "a", "b"),
                        new UriCollision(Kind.RESOURCE_TEMPLATES, "db://a/{t}", "a", "b"));
    }

    @Test
    void aUriMatchingNoResourceBelongsToTheTemplateWithTheLongestLiteralStart() {
        assertThat(catalog.resourceOwner("file:///home/alice/notes")).contains("b");
        assertThat(catalog.resourceOwner("file:///var/log")).contains("a");
        assertThat(catalog.resourceOwner("db://a/users")).contains("a");
        assertThat(catalog.resourceTemplates())
                .extracting(CatalogResource::uri)
                .containsExactly("file:///{path}", "db://a/{t}", "file:///home/{user}", "static://fixed");
        assertThat(catalog.resourceTemplates().getFirst().definition()).isEqualTo(template("file:///{path}"));
    }

    @Test
    void anExactResourceWinsOverATemplate() {
        assertThat(catalog.resourceOwner("file:///etc/hosts")).contains("a");
    }

    @Test
    void aTemplateWithoutExpressionsMatchesOnlyItself() {
        assertThat(catalog.resourceOwner("static://fixed")).contains("b");
        assertThat(catalog.resourceOwner("static://fixed/more")).isEmpty();
    }

    @Test
    void anUnknownUriHasNoOwner() {
        assertThat(catalog.resourceOwner("http://example.com/")).isEmpty();
        assertThat(catalog.resourceOwner("")).isEmpty();
    }

    @Test
    void resourcesAreNeverRenamedEvenWhenPrefixed() {
        assertThat(catalog.resources().getFirst().uri()).isEqualTo("file:///etc/hosts");
    }
}
