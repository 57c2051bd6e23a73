package dev.switchboard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "\"{0}\" matches \"{1}\": {2}")
    @CsvSource(delimiter = '|', textBlock = """
            echo         | echo           | true
            echo         | echoes         | false
            echo         | Echo           | false
            *            | anything       | true
            *            | ''             | true
            ***          | x              | true
            read_*       | read_file      | true
            read_*       | read_          | true
            read_*       | write_file     | false
            *_file       | read_file      | true
            *_file       | read_files     | false
            ?            | a              | true
            ?            | ab             | false
            ?            | ''             | false
            a?c          | abc            | true
            a?c          | ac             | false
            a*c          | ac             | true
            a*c          | abbbc          | true
            a*c          | abbbd          | false
            *a*b*        | xxaxxbxx       | true
            *a*b*        | xxbxxaxx       | false
            a*b*c        | abcbc          | true
            a*b?         | aXbYbZ         | true
            a*b?         | aXbYbZZ        | false
            *.*          | github.com     | true
            *.*          | github         | false
            delete_*_all | delete_x_all   | true
            delete_*_all | delete__all    | true
            delete_*_all | delete_all     | false
            """)
    void matchesTheWholeNameWithStarsAndQuestionMarks(String pattern, String text, boolean expected) {
        assertThat(Glob.of(pattern).matches(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" matches everything: {1}")
    @CsvSource({"*, true", "**, true", "?*, false", "a*, false", "'', false"})
    void knowsWhichPatternsMatchEverything(String pattern, boolean expected) {
        assertThat(Glob.of(pattern).matchesEverything()).isEqualTo(expected);
    }
}
