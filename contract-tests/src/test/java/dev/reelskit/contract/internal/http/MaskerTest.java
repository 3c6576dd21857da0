package dev.reelskit.contract.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaskerTest {

  private final Masker masker = new Masker(List.of("ist_SecretSecretSecret3f9a"));

  @Test
  void authorization_shows_the_scheme_and_the_last_four_characters() {
    assertThat(masker.header("Authorization", "Bearer ist_SecretSecretSecret3f9a"))
        .isEqualTo("Authorization: Bearer ****3f9a");
    assertThat(masker.header("X-Api-Key", "abcdefghijklmnop")).isEqualTo("X-Api-Key: ****mnop");
    assertThat(masker.header("Cookie", "short")).isEqualTo("Cookie: ****");
  }

  @Test
  void known_secrets_are_scrubbed_from_any_text() {
    assertThat(masker.text("{\"echo\":\"ist_SecretSecretSecret3f9a\"}"))
        .isEqualTo("{\"echo\":\"****3f9a\"}");
    assertThat(masker.header("Accept", "*/*")).isEqualTo("Accept: */*");
  }
}
