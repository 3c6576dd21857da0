package dev.reelskit.mock.internal.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.Http;
import dev.reelskit.mock.internal.jobs.Outcome;
import dev.reelskit.mock.internal.jobs.Outcomes;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import dev.reelskit.openapi.JobLifecycle;
import dev.reelskit.openapi.Lifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The control panel's own admin routes over HTTP: the page, listing and creating jobs. */
class ControlPanelAdminTest {

  @RegisterExtension static final ReelsMockExtension mock = ReelsMockExtension.builder().build();

  private final Http http = new Http(mock.baseUrl());
  private static final String JSON = "Content-Type";
  private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]+)\"");

  @Test
  void the_page_and_its_two_assets_are_served_and_nothing_else() {
    Http.Response page = http.get("/__admin/reels/ui");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Content-Security-Policy"))
        .contains("default-src 'self'", "frame-ancestors 'none'");
    assertThat(page.body())
        .contains("/__admin/reels/ui/panel.js", "/__admin/reels/ui/panel.css")
        .doesNotContain("https://");
    assertThat(http.get("/__admin/reels/ui/panel.js").status()).isEqualTo(200);
    assertThat(http.get("/__admin/reels/ui/panel.css").header("Content-Type"))
        .startsWith("text/css");
    assertThat(http.get("/__admin/reels/ui/index.htm").status()).isEqualTo(404);
  }

  @Test
  void the_submit_field_offers_a_code_for_every_magic_outcome() {
    String page = http.get("/__admin/reels/ui").body();

    Set<String> offered =
        OPTION
            .matcher(page)
            .results()
            .map(m -> Outcomes.forUrl("https://www.instagram.com/reel/" + m.group(1) + "/").name())
            .collect(Collectors.toSet());

    assertThat(offered)
        .containsExactlyInAnyOrderElementsOf(Outcomes.all().stream().map(Outcome::name).toList());
  }

  @Test
  void jobs_are_listed_newest_first_up_to_the_limit() {
    Http.Response list = http.get("/__admin/reels/jobs?limit=2");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("jobs")).hasSize(2);
    assertThat(list.json().path("jobs").get(0).path("id").asLong())
        .isGreaterThan(list.json().path("jobs").get(1).path("id").asLong());
    assertThat(list.json().path("total").asInt()).isGreaterThanOrEqualTo(10);
  }

  @Test
  void a_limit_out_of_range_is_a_json_400() {
    for (String limit : new String[] {"0", "1001", "x"}) {
      Http.Response r = http.get("/__admin/reels/jobs?limit=" + limit);
      assertThat(r.status()).as(limit).isEqualTo(400);
      assertThat(r.json().path("error").asText())
          .isEqualTo("limit must be an integer from 1 to 1000");
    }
  }

  @Test
  void a_job_created_through_the_admin_api_has_its_magic_outcome_and_stays_out_of_the_traffic() {
    mock.traffic().clear();
    Http.Response created =
        http.post(
            "/__admin/reels/jobs",
            "{\"url\": \"https://www.instagram.com/reel/ERRORlong1/\"}",
            JSON,
            "application/json");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("status").asText()).isEqualTo("pending");
    assertThat(created.json().path("ends_in").asText()).isEqualTo("error");
    assertThat(created.json().path("outcome").asText()).isEqualTo("ERRORlong");
    assertThat(mock.traffic().snapshot()).isEmpty();
  }

  @Test
  void a_url_the_api_refuses_and_a_server_failure_code_are_json_400s() {
    assertThat(
            http.post(
                    "/__admin/reels/jobs",
                    "{\"url\": \"https://instagram.com.evil.io/reel/x/\"}",
                    JSON,
                    "application/json")
                .status())
        .isEqualTo(400);
    assertThat(http.post("/__admin/reels/jobs", "not json", JSON, "application/json").status())
        .isEqualTo(400);
    Http.Response crash =
        http.post(
            "/__admin/reels/jobs",
            "{\"url\": \"https://www.instagram.com/reel/HTTP500x/\"}",
            JSON,
            "application/json");
    assertThat(crash.status()).isEqualTo(400);
    assertThat(crash.json().path("error").asText()).contains("creates no job");
  }

  @Test
  void the_lifecycle_route_serves_the_specs_states_in_order_and_the_page_types_none() {
    Http.Response r = http.get("/__admin/reels/lifecycle");
    Lifecycle spec = JobLifecycle.model();

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("initial").asText()).isEqualTo(spec.initial());
    List<String> names = new ArrayList<>();
    r.json().path("states").forEach(st -> names.add(st.path("name").asText()));
    assertThat(names)
        .containsExactlyElementsOf(spec.states().stream().map(Lifecycle.State::name).toList());
    r.json()
        .path("states")
        .forEach(
            st ->
                assertThat(st.path("terminal").asBoolean())
                    .as(st.toString())
                    .isEqualTo(spec.isTerminal(st.path("name").asText())));
    String page =
        http.get("/__admin/reels/ui").body() + http.get("/__admin/reels/ui/panel.js").body();
    for (String state : names) {
      assertThat(page)
          .as("the page reads the states from the lifecycle route, it does not type them")
          .doesNotContain("\"" + state + "\"");
    }
  }

  @Test
  void every_admin_route_that_shows_a_job_shows_it_with_the_same_fields() {
    Http.Response created =
        http.post(
            "/__admin/reels/jobs",
            "{\"url\": \"https://www.instagram.com/reel/SameFields1/\"}",
            JSON,
            "application/json");
    long id = created.json().path("id").asLong();
    Http.Response one = http.get("/__admin/reels/jobs/" + id);
    Http.Response forced =
        http.method(
            "PUT",
            "/__admin/reels/jobs/" + id + "/state",
            "{\"state\": \"done\"}",
            JSON,
            "application/json");
    Http.Response listed = http.get("/__admin/reels/jobs?limit=1");

    Set<String> fields = new java.util.TreeSet<>();
    one.json().fieldNames().forEachRemaining(fields::add);
    Set<String> forcedFields = new java.util.TreeSet<>();
    forced.json().fieldNames().forEachRemaining(forcedFields::add);
    Set<String> createdFields = new java.util.TreeSet<>();
    created.json().fieldNames().forEachRemaining(createdFields::add);
    Set<String> listedFields = new java.util.TreeSet<>();
    listed.json().path("jobs").get(0).fieldNames().forEachRemaining(listedFields::add);

    assertThat(fields).contains("id", "status", "owner", "tenant", "age_seconds", "ends_in");
    assertThat(forcedFields).isEqualTo(fields);
    // a listing and a creation leave the analysis out
    assertThat(createdFields).isEqualTo(listedFields);
    assertThat(listedFields).isEqualTo(without(fields, "result"));
    assertThat(forced.json().path("status").asText()).isEqualTo("done");
  }

  private static Set<String> without(Set<String> fields, String field) {
    Set<String> less = new java.util.TreeSet<>(fields);
    less.remove(field);
    return less;
  }
}
