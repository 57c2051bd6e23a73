package dev.switchboard.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExposedNamesTest {
    private static final String ALL_ALLOWED = "AZaz09_-.";

    @Test
    void keepsANameThatFollowsTheRulesAsItIs() {
        String name = "get_User-v2." + ALL_ALLOWED;
        assertThat(ExposedNames.fit(name)).isSameAs(name);
    }

    @Test
    void replacesEveryCharacterOutsideTheToolNameCharsetWithAnUnderscore() {
        assertThat(ExposedNames.fit("a b/c:d,e@f")).isEqualTo("a_b_c_d_e_f");
        assertThat(ExposedNames.fit("héllo")).isEqualTo("h_llo");
        assertThat(ExposedNames.fit("tab\there")).isEqualTo("tab_here");
    }

    @Test
    void replacesACharacterOutsideTheBasicPlaneWithOneUnderscore() {
        assertThat(ExposedNames.fit("go\uD83D\uDE80now")).isEqualTo("go_now");
    }

    @Test
    void givesAnEmptyNameAnUnderscore() {
        assertThat(ExposedNames.fit("")).isEqualTo("_");
    }

    @Test
    void keepsANameOfExactly128Characters() {
        String name = "n".repeat(128);
        assertThat(ExposedNames.fit(name)).isSameAs(name);
    }

    @Test
    void cutsANameOf129CharactersTo128EndingWithTheHashOfTheWholeName() {
        String name = "n".repeat(129);
        String fitted = ExposedNames.fit(name);
        assertThat(fitted).hasSize(128);
        assertThat(fitted).startsWith("n".repeat(119) + "_");
        assertThat(fitted).endsWith(ExposedNames.hash(name));
        assertThat(ExposedNames.valid(fitted)).isTrue();
    }

    @Test
    void theHashSuffixIsTheSameOnEveryRunAndInEveryJvm() {
        // SHA-256 of 130 't's, first 4 bytes: fixed forever, so names stay stable across restarts.
        assertThat(ExposedNames.fit("t".repeat(130))).isEqualTo("t".repeat(119) + "_db8fd498");
        assertThat(ExposedNames.prefixed("s", "__", "x".repeat(126)))
                .isEqualTo(("s__" + "x".repeat(126)).substring(0, 119) + "_7d908e57");
    }

    @Test
    void keepsTwoLongNamesThatShareTheirStartDistinct() {
        String start = "a".repeat(150);
        String one = ExposedNames.fit(start + "one");
        String two = ExposedNames.fit(start + "two");
        assertThat(one).hasSize(128).isNotEqualTo(two);
        assertThat(two).hasSize(128);
    }

    @Test
    void hashesTheNameBeforeReplacementSoThatLongNamesDifferingOnlyInReplacedCharactersStayDistinct() {
        String start = "b".repeat(140);
        assertThat(ExposedNames.fit(start + " x")).isNotEqualTo(ExposedNames.fit(start + "/x"));
    }

    @Test
    void aLongNameWithReplacedCharactersIsCutAfterReplacing() {
        String fitted = ExposedNames.fit("é".repeat(200));
        assertThat(fitted).hasSize(128).startsWith("_".repeat(119));
        assertThat(ExposedNames.valid(fitted)).isTrue();
    }

    @Test
    void prefixedJoinsServerSeparatorAndTool() {
        assertThat(ExposedNames.prefixed("github", "__", "create_issue")).isEqualTo("github__create_issue");
        assertThat(ExposedNames.prefixed("github", ".", "create issue")).isEqualTo("github.create_issue");
    }

    @Test
    void prefixedNameOfExactly128CharactersIsKeptAnd129IsHashed() {
        assertThat(ExposedNames.prefixed("s", "__", "x".repeat(125))).isEqualTo("s__" + "x".repeat(125));
        assertThat(ExposedNames.prefixed("s", "__", "x".repeat(126)))
                .hasSize(128)
                .endsWith("_7d908e57");
    }

    @Test
    void numberedAppendsTheNumberAndStaysWithin128() {
        assertThat(ExposedNames.numbered("srv__echo", 2)).isEqualTo("srv__echo_2");
        String full = "m".repeat(128);
        assertThat(ExposedNames.numbered(full, 12)).hasSize(128).endsWith("m_12");
    }

    @Test
    void validRejectsEmptyTooLongAndForeignCharacters() {
        assertThat(ExposedNames.valid("")).isFalse();
        assertThat(ExposedNames.valid("x".repeat(129))).isFalse();
        assertThat(ExposedNames.valid("a/b")).isFalse();
        assertThat(ExposedNames.valid("a b")).isFalse();
        assertThat(ExposedNames.valid(ALL_ALLOWED)).isTrue();
    }
}
