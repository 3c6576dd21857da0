package dev.reelskit.mock.internal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.mock.Http;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.internal.jobs.Tenants;
import dev.reelskit.mock.settings.MockServerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /__admin/reels/tenants} over HTTP, on a mock that accepts one listed token only. */
class TenantsAdminTest {

  static final String LISTED = "ist_theOnlyListedToken0000000001";
  static final String REEL = "https://www.instagram.com/reel/DYa0IXPgnP5/";

  private ReelsMock mock;
  private Http http;

  @BeforeEach
  void start() {
    mock =
        ReelsMock.start(
            MockServerSettings.builder()
                .port(0)
                .tokens(Set.of(LISTED), Set.of(), Set.of())
                .build());
    http = new Http(mock.baseUrl());
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  @Test
  void a_new_tenant_s_minted_token_is_accepted_whatever_the_token_list_and_shown_once() {
    Http.Response created = http.post("/__admin/reels/tenants", "{\"name\": \"worker-1\"}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode t = created.json();
    String token = t.get("token").asText();
    assertThat(token).matches("ist_[A-Za-z0-9]{28}");
    assertThat(t.get("tenant").asText()).isEqualTo("worker-1");
    assertThat(t.get("owner").asText()).startsWith(t.get("fingerprint").asText() + ":");
    assertThat(t.get("jobs").asInt()).isZero();

    long id = http.submit(token, REEL);
    assertThat(http.poll("ist_notListed00000000000000000001", 42).status()).isEqualTo(401);
    assertThat(http.get("/__admin/reels/tenants/worker-1").json().get("jobs").asInt()).isEqualTo(1);
    String listing = http.get("/__admin/reels/tenants").body();
    assertThat(listing).contains("\"worker-1\"").contains("\"default\"").doesNotContain(token);
    assertThat(http.get("/__admin/reels/jobs/" + id).body()).doesNotContain(token);

    Http.Response deleted = http.method("DELETE", "/__admin/reels/tenants/worker-1", null);
    assertThat(deleted.json().get("deleted").asInt()).isEqualTo(1);
    assertThat(http.poll(token, 42).status())
        .as("a deleted tenant's token is no longer the mock's")
        .isEqualTo(401);
    assertThat(http.get("/__admin/reels/tenants/worker-1").status()).isEqualTo(404);
  }

  @Test
  void names_are_checked_unique_and_bounded() {
    assertThat(http.post("/__admin/reels/tenants", "{\"name\": \"a b\"}").status()).isEqualTo(400);
    assertThat(http.post("/__admin/reels/tenants", "{\"name\": \"default\"}").status())
        .isEqualTo(400);
    assertThat(http.post("/__admin/reels/tenants", "{\"name\": 7}").status()).isEqualTo(400);
    assertThat(http.post("/__admin/reels/tenants", "not json").status()).isEqualTo(400);
    assertThat(http.post("/__admin/reels/tenants", "{\"name\": \"x\"}").status()).isEqualTo(201);
    Http.Response again = http.post("/__admin/reels/tenants", "{\"name\": \"x\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("error").asText()).isEqualTo("a tenant named 'x' exists");
    assertThat(http.post("/__admin/reels/tenants", "").json().get("tenant").asText())
        .isEqualTo("tenant-2");
    for (int i = 2; i < Tenants.MAX_NAMED; i++) {
      mock.createTenant("t" + i);
    }
    Http.Response full = http.post("/__admin/reels/tenants", "{}");
    assertThat(full.status()).isEqualTo(429);
    assertThat(full.json().get("error").asText()).startsWith("at most 1000 named tenants");
  }

  @Test
  void a_tenant_named_by_a_token_is_not_echoed_and_default_cannot_be_deleted() {
    Http.Response missing = http.get("/__admin/reels/tenants/" + LISTED);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).doesNotContain(LISTED).contains("no such tenant");
    assertThat(http.method("DELETE", "/__admin/reels/tenants/default", null).status())
        .isEqualTo(400);
    List<String> bad = new ArrayList<>();
    for (String body : List.of("{\"seconds\": -1}", "{\"seconds\": \"x\"}", "{}", "[1]")) {
      int status = http.post("/__admin/reels/tenants/default/clock/advance", body).status();
      if (status != 400) {
        bad.add(body + " -> " + status);
      }
    }
    assertThat(bad).isEmpty();
    JsonNode clock =
        http.post("/__admin/reels/tenants/default/clock/advance", "{\"duration\": \"PT2M\"}")
            .json();
    assertThat(clock.get("offset_seconds").asDouble()).isEqualTo(120.0);
  }
}
