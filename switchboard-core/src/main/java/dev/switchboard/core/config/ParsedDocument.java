package dev.switchboard.core.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A configuration file read into a tree, with where each value started in the file and the
 * problems found while reading it (duplicate keys, YAML aliases).
 *
 * @param root the document
 * @param positions the line and column, as {@code {line, column}}, where the value at each path
 *     starts
 * @param problems what was wrong with the file's structure; the tree may still be validated
 * @param replaced paths whose values in the tree are not what the file says, because a problem
 *     with them was found: validation reports nothing more about them
 */
record ParsedDocument(
        JsonNode root, Map<ConfigPath, int[]> positions, List<ConfigError> problems, Set<ConfigPath> replaced) {

    ParsedDocument {
        positions = Map.copyOf(positions);
        problems = List.copyOf(problems);
        replaced = Set.copyOf(replaced);
    }

    /** A tree that did not come from a file: no positions, no problems. */
    static ParsedDocument ofTree(JsonNode root) {
        return new ParsedDocument(root, Map.of(), List.of(), Set.of());
    }
}
