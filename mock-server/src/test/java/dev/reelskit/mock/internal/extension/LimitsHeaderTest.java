package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code X-Reels-Limits} tells a client (the contract suite first) the limits the mock enforces,
 * the window in wall seconds, or {@code none}: a client learns its budget instead of guessing.
 */
class LimitsHeaderTest {

  private static final String TOKEN = "ist_limitsHeader0000000000001";

  @RegisterExtension static ReelsMockExtension unlimited = ReelsMockExtension.builder().build();

  @RegisterExtension
  static ReelsMockExtension limited =
      ReelsMockExtension.builder().rateLimit(true).timeScale(60).build();

  @Test
  void a_mock_without_limits_says_none_on_every_api_answer() {
    Http http = new Http(unlimited.baseUrl());

    assertThat(http.poll(TOKEN, 42).header("X-Reels-Limits")).isEqualTo("none");
    assertThat(http.poll(TOKEN, 987654321).header("X-Reels-Limits")).isEqualTo("none");
    assertThat(http.get("/docs/openapi.yaml").header("X-Reels-Limits")).isNull();
  }

  @Test
  void a_mock_with_limits_announces_them_with_the_window_in_wall_seconds() {
    Http http = new Http(limited.baseUrl());

    // 60 mock seconds at a time scale of 60 are one wall second.
    assertThat(http.poll(TOKEN, 42).header("X-Reels-Limits"))
        .isEqualTo("requests=10;window=1;unfinished-jobs=3");
  }
}
