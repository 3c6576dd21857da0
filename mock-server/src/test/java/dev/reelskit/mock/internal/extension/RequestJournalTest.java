package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.settings.MockServerSettings;
import org.junit.jupiter.api.Test;

/** WireMock's request journal: off by default (it grows per request), opt-in for debugging. */
class RequestJournalTest {

  private static final MockServerSettings SETTINGS = MockServerSettings.builder().port(0).build();

  @Test
  void by_default_the_journal_endpoints_answer_a_json_409_that_says_what_to_do() {
    try (ReelsMock mock = ReelsMock.start(SETTINGS)) {
      Http http = new Http(mock.baseUrl());
      http.poll(ReelsMock.DEFAULT_TEST_TOKEN, 42);

      for (String path : new String[] {"/__admin/requests", "/__admin/requests/count"}) {
        Http.Response r =
            path.endsWith("count")
                ? http.post(path, "{}", "Content-Type", "application/json")
                : http.get(path);
        assertThat(r.status()).as(path).isEqualTo(409);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("error").asText())
            .startsWith("the request journal is off: start the mock with --request-journal");
      }
    }
  }

  @Test
  void with_the_journal_on_requests_are_listed_for_debugging() {
    try (ReelsMock mock = ReelsMock.start(SETTINGS.toBuilder().requestJournal(true).build())) {
      Http http = new Http(mock.baseUrl());
      http.poll(ReelsMock.DEFAULT_TEST_TOKEN, 42);

      Http.Response r = http.get("/__admin/requests");

      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().get("requests"))
          .anySatisfy(
              e -> assertThat(e.get("request").get("url").asText()).isEqualTo("/api/v1/reels/42"));
    }
  }
}
