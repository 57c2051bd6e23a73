package dev.switchboard.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.CatalogTool;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class ToolSearchTest {
    private static final List<CatalogTool> TOOLS = List.of(
            tool("github", "search_issues", "Search issues and pull requests in a repository."),
            tool("github", "create_issue", "Create a new issue in a repository."),
            tool("files", "read_file", "Read the contents of a file from disk."),
            tool("files", "listDirectory", "List the files of a directory."),
            tool("math", "add", "Adds two numbers."));

    @Test
    void ranksAWholeNameWordAboveADescriptionWord() {
        List<ToolSearch.Match> matches = ToolSearch.rank("issue", TOOLS, 10);

        assertThat(matches).extracting(m -> m.tool().originalName()).startsWith("create_issue", "search_issues");
    }

    @Test
    void rewardsMatchingEveryWordOfTheQuery() {
        List<ToolSearch.Match> matches = ToolSearch.rank("read a file", TOOLS, 10);

        assertThat(matches.getFirst().tool().originalName()).isEqualTo("read_file");
    }

    @Test
    void splitsCamelCaseNamesAndIgnoresPluralsAndCase() {
        assertThat(ToolSearch.words("listDirectory Files")).containsExactly("list", "directory", "file");
        assertThat(ToolSearch.rank("DIRECTORIES", TOOLS, 10))
                .extracting(m -> m.tool().originalName())
                .containsExactly("listDirectory");
    }

    @Test
    void leavesOutToolsThatMatchNothingAndCapsTheResults() {
        assertThat(ToolSearch.rank("weather forecast", TOOLS, 10)).isEmpty();
        assertThat(ToolSearch.rank("repository file", TOOLS, 2)).hasSize(2);
        assertThat(ToolSearch.rank("the of", TOOLS, 10)).isEmpty();
    }

    @Test
    void findsAToolByItsServersName() {
        assertThat(ToolSearch.rank("math", TOOLS, 10))
                .extracting(m -> m.tool().originalName())
                .containsExactly("add");
    }

    private static CatalogTool tool(String server, String name, String description) {
        ObjectNode definition = JsonNodeFactory.instance.objectNode();
        definition.put("name", server + "__" + name);
        definition.put("description", description);
        return new CatalogTool(server + "__" + name, server, name, definition);
    }
}
