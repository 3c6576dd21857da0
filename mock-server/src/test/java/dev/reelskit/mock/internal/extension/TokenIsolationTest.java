package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.mock.Http;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import dev.reelskit.mock.settings.JobStoreSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code --isolate-tokens} over HTTP: two tokens share one mock without seeing each other. */
class TokenIsolationTest {

  // Both end in "0001": one fingerprint, two tenants.
  static final String ALICE = "ist_aliceToken00000000000000000001";
  static final String BOB = "ist_bobToken000000000000000000000001";
  static final String FINGERPRINT = "ist_****0001";
  static final String CAROL = "ist_carolToken000000000000000000009";

  @Nested
  class with_isolated_tokens {

    @RegisterExtension
    ReelsMockExtension mock =
        ReelsMockExtension.builder()
            .frozenClock()
            .profile(TimingProfile.FAST)
            .jobStore(JobStoreSettings.defaults().withIsolatedTokens(true))
            .build();

    Http http;
    long alices;
    long bobs;

    @BeforeEach
    void alice_and_bob_each_submit_a_job() {
      http = new Http(mock.baseUrl());
      alices = http.submit(ALICE, "https://www.instagram.com/reel/AliceReel/");
      bobs = http.submit(BOB, "https://www.instagram.com/reel/BobReel/");
    }

    @Test
    void a_job_is_visible_only_to_the_token_that_created_it() {
      assertThat(http.poll(ALICE, alices).status()).isEqualTo(200);
      Http.Response other = http.poll(BOB, alices);
      Http.Response unknown = http.poll(BOB, 987_654);
      assertThat(other.status()).isEqualTo(404);
      assertThat(other.body()).as("the same 404 as an unknown id").isEqualTo(unknown.body());
      assertThat(http.poll(CAROL, bobs).status()).isEqualTo(404);
      assertThat(http.poll(BOB, bobs).status()).isEqualTo(200);
    }

    @Test
    void seeded_jobs_stay_visible_to_every_token() {
      assertThat(http.poll(ALICE, 42).json().get("status").asText()).isEqualTo("done");
      assertThat(http.poll(BOB, 42).json().get("status").asText()).isEqualTo("done");
    }

    @Test
    void the_admin_api_lists_jobs_by_owner_key_and_by_fingerprint() {
      String aliceKey = keyOf(alices);
      JsonNode mine = http.get("/__admin/reels/jobs?owner=" + aliceKey).json();
      assertThat(mine.get("total").asInt()).isEqualTo(1);
      assertThat(mine.get("jobs").get(0).get("id").asLong()).isEqualTo(alices);
      assertThat(mine.get("jobs").get(0).get("fingerprint").asText()).isEqualTo(FINGERPRINT);
      JsonNode both = http.get("/__admin/reels/jobs?owner=" + FINGERPRINT).json();
      assertThat(both.get("total").asInt()).isEqualTo(2);
      assertThat(http.get("/__admin/reels/jobs").json().get("total").asInt())
          .as("no filter: seeded jobs too")
          .isEqualTo(12);
      assertThat(owners()).hasSize(2).allMatch(o -> o.startsWith(FINGERPRINT + ":"));
    }

    @Test
    void a_reset_by_owner_leaves_other_tokens_jobs_alone() {
      for (int i = 0; i < 3; i++) {
        http.poll(ALICE, alices);
        http.poll(BOB, bobs);
      }
      String aliceKey = keyOf(alices);
      Http.Response reset = http.post("/__admin/reels/jobs/reset?owner=" + aliceKey, "");
      assertThat(reset.json().get("reset").asInt()).isEqualTo(1);
      assertThat(http.poll(ALICE, alices).json().get("status").asText()).isEqualTo("pending");
      assertThat(http.poll(BOB, bobs).json().get("status").asText()).isEqualTo("done");

      Http.Response deleted = http.method("DELETE", "/__admin/reels/jobs?owner=" + aliceKey, null);
      assertThat(deleted.json().get("deleted").asInt()).isEqualTo(1);
      assertThat(http.poll(ALICE, alices).status()).isEqualTo(404);
      assertThat(http.poll(BOB, bobs).status()).isEqualTo(200);
      assertThat(http.poll(ALICE, 42).status()).as("seeded jobs are nobody's").isEqualTo(200);
    }

    @Test
    void the_client_report_can_be_asked_for_one_token() {
      http.poll(CAROL, 42);
      http.get("/api/v1/reels/43"); // no token: fails CC-AUTH-001 for <none>, not for Carol
      JsonNode carol = http.get("/__admin/reels/client-report?token=ist_****0009").json();
      assertThat(carol.get("requests").asInt()).isEqualTo(1);
      assertThat(carol.get("conforms").asBoolean()).isTrue();
      JsonNode shared = http.get("/__admin/reels/client-report?token=" + FINGERPRINT).json();
      assertThat(shared.get("requests").asInt()).isEqualTo(2);
      JsonNode everyone = http.get("/__admin/reels/client-report").json();
      assertThat(everyone.get("requests").asInt()).isEqualTo(4);
      assertThat(everyone.get("conforms").asBoolean()).isFalse();
      JsonNode traffic = http.get("/__admin/reels/traffic?token=ist_****0009").json();
      assertThat(traffic.get("entries")).hasSize(1);
    }

    @Test
    void a_filter_that_is_a_token_is_refused_without_echoing_it() {
      for (String path :
          List.of(
              "/__admin/reels/jobs?owner=",
              "/__admin/reels/client-report?token=",
              "/__admin/reels/traffic?token=")) {
        Http.Response r = http.get(path + ALICE);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.body()).contains("fingerprint").doesNotContain(ALICE);
      }
      assertThat(http.method("DELETE", "/__admin/reels/jobs?owner=" + ALICE, null).status())
          .isEqualTo(400);
      assertThat(http.poll(ALICE, alices).status()).isEqualTo(200);
    }

    private List<String> owners() {
      List<String> keys = new ArrayList<>();
      http.get("/__admin/reels/owners")
          .json()
          .get("owners")
          .forEach(o -> keys.add(o.get("owner").asText()));
      return keys;
    }

    private String keyOf(long id) {
      return http.get("/__admin/reels/jobs/" + id).json().get("owner").asText();
    }
  }

  @Nested
  class without_isolation {

    @RegisterExtension
    ReelsMockExtension mock =
        ReelsMockExtension.builder().frozenClock().profile(TimingProfile.FAST).build();

    @Test
    void every_token_sees_every_job_as_before() {
      Http http = new Http(mock.baseUrl());
      long id = http.submit(ALICE, "https://www.instagram.com/reel/Shared/");
      assertThat(http.poll(CAROL, id).status()).isEqualTo(200);
    }
  }
}
