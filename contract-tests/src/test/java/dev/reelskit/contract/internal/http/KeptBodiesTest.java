package dev.reelskit.contract.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelskit.contract.rules.ContractConfigurationException;
import org.junit.jupiter.api.Test;

class KeptBodiesTest {

  @Test
  void a_run_keeps_at_most_eight_answers_of_the_largest_size() {
    KeptBodies kept = new KeptBodies(1024);
    for (int i = 0; i < KeptBodies.ANSWERS; i++) {
      kept.keep("GET /api/v1/reels/1", String.format("%04d", i) + "x".repeat(996));
    }

    assertThatThrownBy(() -> kept.keep("GET /api/v1/reels/1", "z".repeat(1000)))
        .isInstanceOf(ContractConfigurationException.class)
        .hasMessageStartingWith("the server's answers passed what one run keeps of them: ")
        .hasMessageContaining("(at most 8 x --max-response-bytes 1024)");
  }

  @Test
  void the_same_answer_again_is_kept_once() {
    KeptBodies kept = new KeptBodies(1024);
    String done = "d".repeat(1000);

    for (int i = 0; i < 1000; i++) {
      assertThat(kept.keep("GET /api/v1/reels/1", new String(done))).isEqualTo(done);
    }
  }

  @Test
  void characters_beyond_latin_1_count_twice() {
    KeptBodies kept = new KeptBodies(1024);
    for (int i = 0; i < KeptBodies.ANSWERS / 2; i++) {
      kept.keep("GET /x", "\u4e00".repeat(1000) + i);
    }

    assertThatThrownBy(() -> kept.keep("GET /x", "\u4e00".repeat(1000)))
        .isInstanceOf(ContractConfigurationException.class);
  }
}
