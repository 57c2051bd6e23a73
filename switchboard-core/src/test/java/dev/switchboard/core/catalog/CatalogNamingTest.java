package dev.switchboard.core.catalog;

import static dev.switchboard.core.catalog.Fixtures.names;
import static dev.switchboard.core.catalog.Fixtures.server;
import static dev.switchboard.core.catalog.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.config.ToolFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class CatalogNamingTest {
    @Test
    void prefixedServerOffersServerSeparatorTool() {
        Catalog catalog = Catalog.of(settings(true, "github"), List.of(server("github", "create_issue", "search")));
        assertThat(names(catalog.tools())).containsExactly("github__create_issue", "github__search");
        assertThat(catalog.collisions()).isEmpty();
    }

    @Test
    void usesTheConfiguredSeparator() {
        CatalogSettings settings = CatalogSettings.of(".").withServer("gh", true, ToolFilter.ALL);
        Catalog catalog = Catalog.of(settings, List.of(server("gh", "search")));
        assertThat(names(catalog.tools())).containsExactly("gh.search");
    }

    @Test
    void serverWithoutPrefixOffersItsToolsUnderTheirOwnNames() {
        Catalog catalog = Catalog.of(settings(false, "fs"), List.of(server("fs", "read_file", "write_file")));
        assertThat(names(catalog.tools())).containsExactly("read_file", "write_file");
    }

    @Test
    void aToolNameOutsideTheCharsetIsOfferedSanitizedAndKeepsItsOwnNameForTheCall() {
        Catalog catalog = Catalog.of(settings(true, "s"), List.of(server("s", "do thing/now")));
        CatalogTool tool = catalog.tools().getFirst();
        assertThat(tool.name()).isEqualTo("s__do_thing_now");
        assertThat(tool.originalName()).isEqualTo("do thing/now");
        assertThat(tool.definition().get("name").asString()).isEqualTo("s__do_thing_now");
    }

    @Test
    void aTooLongNameIsCutAndTwoSuchNamesStayDistinct() {
        String start = "t".repeat(140);
        Catalog catalog = Catalog.of(settings(true, "s"), List.of(server("s", start + "1", start + "2")));
        assertThat(catalog.tools())
                .extracting(CatalogTool::name)
                .allSatisfy(n -> assertThat(n).hasSize(128));
        assertThat(catalog.tools().get(0).name())
                .isNotEqualTo(catalog.tools().get(1).name());
        assertThat(catalog.collisions()).isEmpty();
    }

    @Test
    void theEarlierServerKeepsAContestedNameAndTheLaterGetsItsPrefixedName() {
        Catalog catalog = Catalog.of(settings(false, "a", "b"), List.of(server("a", "echo"), server("b", "echo")));
        assertThat(names(catalog.tools())).containsExactly("echo", "b__echo");
        assertThat(catalog.tool("echo").orElseThrow().server()).isEqualTo("a");
        assertThat(catalog.tool("b__echo").orElseThrow().originalName()).isEqualTo("echo");
        assertThat(catalog.collisions())
                .containsExactly(new NameCollision(Kind.TOOLS, "echo", "a", "b", "echo", "b__echo"));
    }

    @Test
    void aRenamedToolWhosePrefixedNameIsTakenTooGetsANumber() {
        // "b__echo" is a tool of server a, offered as is, so b's echo cannot take it.
        Catalog catalog =
                Catalog.of(settings(false, "a", "b"), List.of(server("a", "echo", "b__echo"), server("b", "echo")));
        assertThat(names(catalog.tools())).containsExactly("echo", "b__echo", "b__echo_2");
        assertThat(catalog.collisions())
                .containsExactly(new NameCollision(Kind.TOOLS, "echo", "a", "b", "echo", "b__echo_2"));
    }

    @Test
    void aFallbackNeverTakesANameThatALaterServerAsksFor() {
        // a's second echo loses to a's first; its prefixed name is what server c asks for itself.
        CatalogSettings settings = settings(false, "a").withServer("c", false, ToolFilter.ALL);
        Catalog catalog = Catalog.of(settings, List.of(server("a", "x", "x"), server("c", "a__x")));
        assertThat(catalog.tool("a__x").orElseThrow().server()).isEqualTo("c");
        assertThat(catalog.toolsOf("a")).extracting(CatalogTool::name).containsExactly("x", "a__x_2");
    }

    @Test
    void twoNamesOfOneServerThatBecomeEqualOnceSanitizedAreBothOffered() {
        Catalog catalog = Catalog.of(settings(false, "s"), List.of(server("s", "a b", "a/b")));
        assertThat(names(catalog.tools())).containsExactly("a_b", "s__a_b");
        assertThat(catalog.collisions())
                .containsExactly(new NameCollision(Kind.TOOLS, "a_b", "s", "s", "a/b", "s__a_b"));
    }

    @Test
    void sanitizingPrefixedNamesIntoTheSameNameIsResolvedByServerOrder() {
        Catalog catalog = Catalog.of(settings(true, "a", "b"), List.of(server("a", "b__x"), server("b", "x")));
        // a's tool is "a__b__x"; b's is "b__x": no clash. A clash needs equal full names:
        assertThat(names(catalog.tools())).containsExactly("a__b__x", "b__x");
        Catalog clash = Catalog.of(settings(true, "s"), List.of(server("s", "x y", "x:y")));
        assertThat(names(clash.tools())).containsExactly("s__x_y", "s__x_y_2");
    }

    @Test
    void collisionsAreTheSameWhateverOrderTheServersArriveIn() {
        CatalogSettings settings = settings(false, "a", "b", "c", "d").withServer("e", true, ToolFilter.ALL);
        List<ServerCatalog> servers = List.of(
                server("a", "echo", "add", "x y"),
                server("b", "echo", "x/y", "b__echo"),
                server("c", "echo", "add", "x_y"),
                server("d", "add", "d__add"),
                server("e", "echo"));
        Catalog reference = Catalog.of(settings, servers);
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<ServerCatalog> shuffled = new ArrayList<>(servers);
            Collections.shuffle(shuffled, random);
            Catalog all = Catalog.of(settings, shuffled);
            Catalog stepwise = Catalog.empty(settings);
            for (ServerCatalog s : shuffled) {
                stepwise = stepwise.withServer(s);
            }
            for (Catalog c : List.of(all, stepwise)) {
                assertThat(c.tools()).isEqualTo(reference.tools());
                assertThat(c.collisions()).isEqualTo(reference.collisions());
            }
        }
        assertThat(names(reference.tools()))
                .containsExactly(
                        "echo",
                        "add",
                        "x_y",
                        "b__echo_2",
                        "b__x_y",
                        "b__echo",
                        "c__echo",
                        "c__add",
                        "c__x_y",
                        "d__add_2",
                        "d__add",
                        "e__echo");
        assertThat(reference.collisions()).hasSize(6);
    }

    @Test
    void promptsAreNamedLikeToolsButApart() {
        ServerCatalog a =
                server("a", "x").with(Kind.PROMPTS, List.of(Fixtures.prompt("x"), Fixtures.prompt("summary")));
        ServerCatalog b = ServerCatalog.empty("b").with(Kind.PROMPTS, List.of(Fixtures.prompt("summary")));
        Catalog catalog = Catalog.of(settings(false, "a", "b"), List.of(a, b));
        assertThat(catalog.prompts()).extracting(CatalogPrompt::name).containsExactly("x", "summary", "b__summary");
        assertThat(catalog.prompt("b__summary").orElseThrow().originalName()).isEqualTo("summary");
        assertThat(catalog.tool("x")).isPresent();
        assertThat(catalog.collisions())
                .containsExactly(new NameCollision(Kind.PROMPTS, "summary", "a", "b", "summary", "b__summary"));
    }

    @Test
    void theDefinitionCarriesTheOfferedNameAndEverythingElseTheServerSent() {
        ServerCatalog s = server("s", "echo");
        Catalog catalog = Catalog.of(settings(true, "s"), List.of(s));
        ObjectNode definition = catalog.tools().getFirst().definition();
        assertThat(definition.get("name").asString()).isEqualTo("s__echo");
        assertThat(definition.get("description").asString()).isEqualTo("the echo tool");
        assertThat(definition.get("inputSchema")).isSameAs(s.tools().getFirst().get("inputSchema"));
        assertThat(definition.propertyNames()).containsExactly("name", "description", "inputSchema");
        assertThat(s.tools().getFirst().get("name").asString()).isEqualTo("echo");
    }

    @Test
    void aToolOfferedUnderItsOwnNameSharesTheServersObject() {
        ServerCatalog s = server("s", "echo");
        Catalog catalog = Catalog.of(settings(false, "s"), List.of(s));
        assertThat(catalog.tools().getFirst().definition()).isSameAs(s.tools().getFirst());
    }

    @Test
    void changingOneServerReusesTheEntriesOfTheOthers() {
        Catalog before = Catalog.of(settings(true, "a", "b"), List.of(server("a", "x", "y"), server("b", "z")));
        Catalog after = before.withServer(server("b", "z", "w"));
        assertThat(after.toolsOf("a").get(0)).isSameAs(before.toolsOf("a").get(0));
        assertThat(after.toolsOf("a").get(1)).isSameAs(before.toolsOf("a").get(1));
        assertThat(names(after.toolsOf("b"))).containsExactly("b__z", "b__w");
    }

    @Test
    void removingTheServerThatHeldANameGivesItBackToTheOther() {
        Catalog both = Catalog.of(settings(false, "a", "b"), List.of(server("a", "echo"), server("b", "echo")));
        Catalog onlyB = both.withoutServer("a");
        assertThat(names(onlyB.tools())).containsExactly("echo");
        assertThat(onlyB.tool("echo").orElseThrow().server()).isEqualTo("b");
        assertThat(onlyB.collisions()).isEmpty();
    }

    @Test
    void newSettingsRenameTheToolsOfServersTheyKeepAndDropTheOthers() {
        Catalog catalog = Catalog.of(settings(true, "a", "b"), List.of(server("a", "x"), server("b", "y")));
        Catalog reloaded = catalog.withSettings(settings(false, "a"));
        assertThat(names(reloaded.tools())).containsExactly("x");
        assertThat(reloaded.servers()).containsExactly("a");
    }
}
