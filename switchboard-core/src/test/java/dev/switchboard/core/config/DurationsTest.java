package dev.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "30s, PT30S",
        "500ms, PT0.5S",
        "2m, PT2M",
        "1h, PT1H",
        "1d, PT24H",
        "1m30s, PT1M30S",
        "PT30S, PT30S",
        "pt1m, PT1M",
        "1500, PT1.5S",
        "' 10s ', PT10S"
    })
    void readsShortFormsIsoAndMilliseconds(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"0s", "0", "-1s", "PT-1S", "PT0S", "abc", "1.5s", "10 s", "s", "1y", "", "99999999999999999999d"
            })
    void rejectsTextThatIsNoPositiveDuration(String text) {
        assertThat(Durations.parse(text)).isNull();
    }
}
