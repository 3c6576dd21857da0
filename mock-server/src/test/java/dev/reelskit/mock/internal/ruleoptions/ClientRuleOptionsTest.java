package dev.reelskit.mock.internal.ruleoptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelskit.mock.conformance.ClientRuleSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientRuleOptionsTest {

  @ParameterizedTest(name = "{0} is {1} ms")
  @CsvSource({
    "500ms, 500",
    "5s, 5000",
    "1.5s, 1500",
    "10m, 600000",
    "1h, 3600000",
    "PT5S, 5000",
    "pt0.25s, 250",
    "' 6s ', 6000"
  })
  void durations_are_read_as_people_write_them(String text, long millis) {
    assertThat(ClientRuleOptions.duration("poll-interval", text))
        .isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @ValueSource(strings = {"soon", "5", "-5s", "0s", "PT-1S", "5 sec"})
  void anything_else_is_refused_with_the_option_name(String text) {
    assertThatThrownBy(() -> ClientRuleOptions.duration("poll-interval", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "poll-interval must be a positive duration such as 500ms, 5s, 10m or PT5S,"
                + " was '"
                + text
                + "'");
  }

  @Test
  void options_override_only_what_they_name() {
    Map<String, String> values =
        Map.of(
            "poll-interval",
            "6s",
            "rate-limit-requests",
            "12",
            "max-unfinished-jobs",
            "1",
            "give-up-after",
            "2m",
            "tolerance",
            "100ms");
    ClientRuleSettings s = ClientRuleOptions.apply(ClientRuleSettings.defaults(), values::get);

    assertThat(s)
        .isEqualTo(
            new ClientRuleSettings(
                Duration.ofSeconds(6),
                Duration.ofMillis(100),
                12,
                Duration.ofSeconds(60),
                1,
                Duration.ofMinutes(2)));
    assertThat(ClientRuleOptions.apply(ClientRuleSettings.defaults(), k -> null))
        .isEqualTo(ClientRuleSettings.defaults());
    assertThatThrownBy(
            () ->
                ClientRuleOptions.apply(
                    ClientRuleSettings.defaults(), Map.of("max-unfinished-jobs", "none")::get))
        .hasMessage("max-unfinished-jobs must be an integer >= 1, was 'none'");
  }
}
