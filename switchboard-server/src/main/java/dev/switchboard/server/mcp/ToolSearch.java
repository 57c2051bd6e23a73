package dev.switchboard.server.mcp;

import dev.switchboard.core.catalog.CatalogTool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Ranks tools against the words of a query, by their names and descriptions: a word that is a
 * whole word of the name counts most, then the start of one, then a word of the description;
 * matching every word of the query earns a bonus. Words are compared lower case, split at anything
 * that is not a letter or digit and at camelCase humps, plural endings dropped. Tools that
 * match no word are left out; ties go by name.
 */
final class ToolSearch {
    private static final Set<String> STOP_WORDS =
            Set.of("a", "an", "the", "to", "of", "for", "and", "or", "in", "on", "with", "by", "from", "tool", "tools");

    private ToolSearch() {}

    /**
     * A tool and its score.
     *
     * @param tool the tool
     * @param score how well it matches; positive
     */
    record Match(CatalogTool tool, int score) {}

    /** The best {@code limit} matches of {@code query} among {@code tools}, best first. */
    static List<Match> rank(String query, List<CatalogTool> tools, int limit) {
        Set<String> words = words(query);
        words.removeAll(STOP_WORDS);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        for (CatalogTool tool : tools) {
            int score = score(words, tool);
            if (score > 0) {
                matches.add(new Match(tool, score));
            }
        }
        matches.sort(Comparator.comparingInt(Match::score)
                .reversed()
                .thenComparing(m -> m.tool().name()));
        return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
    }

    private static int score(Set<String> words, CatalogTool tool) {
        Set<String> name = words(tool.originalName());
        Set<String> description = words(tool.definition().path("description").asString(""));
        int score = 0;
        int matched = 0;
        for (String word : words) {
            int points = 0;
            if (name.contains(word)) {
                points = 6;
            } else if (startsOne(name, word)) {
                points = 4;
            } else if (tool.server().toLowerCase(Locale.ROOT).equals(word)) {
                points = 2;
            }
            if (description.contains(word)) {
                points += 2;
            } else if (startsOne(description, word)) {
                points += 1;
            }
            if (points > 0) {
                matched++;
                score += points;
            }
        }
        return matched == words.size() && words.size() > 1 ? score + 3 : score;
    }

    private static boolean startsOne(Set<String> words, String prefix) {
        if (prefix.length() < 3) {
            return false;
        }
        for (String word : words) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code word} without a plural ending: {@code directories} is {@code directory}, {@code files} {@code file}. */
    private static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** The words of {@code text}: lower case, split at non-letters and camelCase humps, plurals made singular. */
    static Set<String> words(String text) {
        String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
        Set<String> words = new LinkedHashSet<>();
        for (String raw : spaced.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            words.add(singular(raw));
        }
        return words;
    }
}
