package dev.switchboard.core.catalog;

import static dev.switchboard.core.catalog.Fixtures.names;
import static dev.switchboard.core.catalog.Fixtures.server;
import static dev.switchboard.core.catalog.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.config.ToolFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogRoutingTest {
    private final Catalog catalog = Catalog.of(
            settings(true, "github", "gitlab", "fs"),
            List.of(
                    server("github", "create_issue", "search"),
                    server("gitlab", "create_issue", "pipelines"),
                    server("fs", "read_file")));

    @Test
    void routesByTheFullName() {
        CatalogTool tool = catalog.route("gitlab__create_issue").orElseThrow();
        assertThat(tool.server()).isEqualTo("gitlab");
        assertThat(tool.originalName()).isEqualTo("create_issue");
    }

    @Test
    void routesByABareNameThatOnlyOneServerOffers() {
        CatalogTool tool = catalog.route("pipelines").orElseThrow();
        assertThat(tool.name()).isEqualTo("gitlab__pipelines");
        assertThat(catalog.route("read_file").orElseThrow().server()).isEqualTo("fs");
    }

    @Test
    void refusesABareNameThatTwoServersOfferListingTheFullNames() {
        assertThatThrownBy(() -> catalog.route("create_issue"))
                .isInstanceOfSatisfying(AmbiguousToolException.class, e -> {
                    assertThat(e.name()).isEqualTo("create_issue");
                    assertThat(e.candidates()).containsExactly("github__create_issue", "gitlab__create_issue");
                })
                .hasMessage("ambiguous: create_issue matches github__create_issue, gitlab__create_issue (expected:"
                        + " one of these full names)");
    }

    @Test
    void findsNothingForAnUnknownName() {
        assertThat(catalog.route("delete_everything")).isEmpty();
        assertThat(catalog.route("nope__read_file")).isEmpty();
        assertThat(catalog.tool("read_file")).isEmpty();
    }

    @Test
    void hiddenToolsAreTreatedAsMissingAlsoInAnAmbiguity() {
        assertThat(catalog.route("create_issue", t -> !t.server().equals("gitlab"))
                        .orElseThrow()
                        .name())
                .isEqualTo("github__create_issue");
        assertThat(catalog.route("fs__read_file", t -> !t.server().equals("fs")))
                .isEmpty();
        assertThat(catalog.route("read_file", t -> false)).isEmpty();
        assertThatThrownBy(() -> catalog.route("create_issue", t -> !t.server().equals("fs")))
                .isInstanceOf(AmbiguousToolException.class);
    }

    @Test
    void theNameAToolIsOfferedByWinsOverABareName() {
        // fs offers "search" unprefixed; github offers a tool whose own name is "search" too.
        Catalog mixed = Catalog.of(
                settings(true, "github").withServer("fs", false, ToolFilter.ALL),
                List.of(server("github", "search"), server("fs", "search")));
        assertThat(mixed.route("search").orElseThrow().server()).isEqualTo("fs");
    }

    @Test
    void routesServerSeparatorToolAlsoForAServerThatIsNotPrefixed() {
        Catalog plain = Catalog.of(settings(false, "fs"), List.of(server("fs", "read_file")));
        assertThat(plain.route("fs__read_file").orElseThrow().name()).isEqualTo("read_file");
    }

    @Test
    void routesTheOwnNameOfAToolWhoseNameWasSanitized() {
        Catalog odd = Catalog.of(settings(true, "s"), List.of(server("s", "do it")));
        assertThat(odd.route("do it").orElseThrow().name()).isEqualTo("s__do_it");
        assertThat(odd.route("s__do it").orElseThrow().name()).isEqualTo("s__do_it");
        assertThat(odd.route("s__do_it").orElseThrow().originalName()).isEqualTo("do it");
    }

    @Test
    void aFilteredToolIsAbsentEverywhere() {
        CatalogSettings settings = CatalogSettings.of("__")
                .withServer("a", false, new ToolFilter(List.of("*"), List.of("delete_*")))
                .withServer("b", false, ToolFilter.ALL);
        Catalog filtered = Catalog.of(
                settings, List.of(server("a", "read", "delete_all", "echo"), server("b", "echo", "delete_all")));
        assertThat(names(filtered.toolsOf("a"))).containsExactly("read", "echo");
        assertThat(filtered.route("a__delete_all")).isEmpty();
        // b's delete_all is not ambiguous with a's, which is filtered out, and keeps its own name.
        assertThat(filtered.route("delete_all").orElseThrow().server()).isEqualTo("b");
        assertThat(filtered.tool("delete_all").orElseThrow().server()).isEqualTo("b");
        assertThat(filtered.collisions()).extracting(NameCollision::name).containsExactly("echo");
        assertThat(filtered.server("a").orElseThrow().tools()).hasSize(3);
    }

    @Test
    void anAllowListOffersOnlyWhatItNames() {
        CatalogSettings settings =
                CatalogSettings.of("__").withServer("s", true, new ToolFilter(List.of("get_?", "list*"), List.of()));
        Catalog filtered = Catalog.of(settings, List.of(server("s", "get_a", "get_ab", "list_all", "drop")));
        assertThat(names(filtered.tools())).containsExactly("s__get_a", "s__list_all");
    }

    @Test
    void toolsOfListsOneServersToolsAndServersFollowConfigurationOrder() {
        assertThat(names(catalog.toolsOf("gitlab"))).containsExactly("gitlab__create_issue", "gitlab__pipelines");
        assertThat(catalog.toolsOf("unknown")).isEmpty();
        assertThat(catalog.servers()).containsExactly("github", "gitlab", "fs");
    }

    @Test
    void refusesAServerThatIsNotInTheSettings() {
        assertThatThrownBy(() -> catalog.withServer(server("stranger", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server: \"stranger\" (expected: one of the servers in the catalog settings"
                        + " [github, gitlab, fs])");
    }

    @Test
    void refusesASeparatorOutsideTheNameCharset() {
        assertThatThrownBy(() -> CatalogSettings.of("/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("separator: \"/\" (expected: 1 to 4 of '_', '.' and '-')");
    }
}
