package dev.switchboard.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.config.ToolFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolPatternsTest {
    @Test
    void starMatchesAnyRunIncludingNone() {
        assertThat(ToolPatterns.matches("*", "")).isTrue();
        assertThat(ToolPatterns.matches("*", "anything")).isTrue();
        assertThat(ToolPatterns.matches("get_*", "get_")).isTrue();
        assertThat(ToolPatterns.matches("get_*", "get_user")).isTrue();
        assertThat(ToolPatterns.matches("*_user", "get_user")).isTrue();
        assertThat(ToolPatterns.matches("g*t*r", "get_user")).isTrue();
        assertThat(ToolPatterns.matches("get_*", "set_user")).isFalse();
        assertThat(ToolPatterns.matches("*_user", "get_users")).isFalse();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertThat(ToolPatterns.matches("v?", "v1")).isTrue();
        assertThat(ToolPatterns.matches("v?", "v")).isFalse();
        assertThat(ToolPatterns.matches("v?", "v12")).isFalse();
        assertThat(ToolPatterns.matches("??*", "ab")).isTrue();
    }

    @Test
    void matchingIsExactAndCaseSensitiveWithoutWildcards() {
        assertThat(ToolPatterns.matches("echo", "echo")).isTrue();
        assertThat(ToolPatterns.matches("echo", "Echo")).isFalse();
        assertThat(ToolPatterns.matches("echo", "echo2")).isFalse();
        assertThat(ToolPatterns.matches("a.b", "axb")).isFalse();
    }

    @Test
    void backtracksOverManyStarsWithoutBlowingUp() {
        assertThat(ToolPatterns.matches("*a*a*a*a*a*b", "a".repeat(200))).isFalse();
        assertThat(ToolPatterns.matches("*a*a*a*a*a*b", "a".repeat(200) + "b")).isTrue();
    }

    @Test
    void offersWhatAnAllowMatchesAndNoDenyMatches() {
        ToolPatterns patterns = new ToolPatterns(new ToolFilter(List.of("get_*", "echo"), List.of("get_secret*")));
        assertThat(patterns.offers("get_user")).isTrue();
        assertThat(patterns.offers("echo")).isTrue();
        assertThat(patterns.offers("get_secret_key")).isFalse();
        assertThat(patterns.offers("delete_user")).isFalse();
    }

    @Test
    void theDefaultFilterOffersEverything() {
        ToolPatterns patterns = new ToolPatterns(ToolFilter.ALL);
        assertThat(patterns.offers("x")).isTrue();
        assertThat(patterns.offers("weird name/with:stuff")).isTrue();
    }

    @Test
    void anEmptyAllowListOffersNothing() {
        assertThat(new ToolPatterns(new ToolFilter(List.of(), List.of())).offers("echo"))
                .isFalse();
    }
}
