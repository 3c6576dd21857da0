package dev.reelskit.contract.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerTextTest {

  @Test
  void short_text_passes_unchanged() {
    assertThat(ServerText.cut("pending", ServerText.WORD)).isEqualTo("pending");
    assertThat(ServerText.cut(null, ServerText.WORD)).isNull();
  }

  @Test
  void control_characters_are_escaped_so_no_line_or_terminal_sequence_is_forged() {
    String forged = "\u001b[2J\u0007done\nERROR forged\r\n\u0000\u009b31m\u202eevil\u2028";

    String shown = ServerText.cut(forged, ServerText.ROW);

    assertThat(shown)
        .isEqualTo("\\u001b[2J\\u0007done\\nERROR forged\\r\\n\\u0000\\u009b31m\\u202eevil\\u2028");
    assertThat(shown.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  @Test
  void long_text_is_cut_and_says_how_long_it_was() {
    String status = "x".repeat(1024 * 1024);

    assertThat(ServerText.cut(status, 10)).isEqualTo("xxxxxxxxxx... (1048576 chars)");
  }

  @Test
  void a_cut_never_splits_a_character_in_two() {
    String emoji = "ab\ud83d\ude00cd";

    assertThat(ServerText.cut(emoji, 3)).isEqualTo("ab... (6 chars)");
  }

  @Test
  void distinct_keeps_two_long_texts_apart_and_short_ones_exact() {
    String a = "p".repeat(100_000) + "a";
    String b = "p".repeat(100_000) + "b";

    assertThat(ServerText.distinct(a, ServerText.WORD))
        .isNotEqualTo(ServerText.distinct(b, ServerText.WORD))
        .hasSizeLessThan(ServerText.WORD + 40)
        .contains("(100001 chars, #");
    assertThat(ServerText.distinct("processing", ServerText.WORD)).isEqualTo("processing");
  }
}
