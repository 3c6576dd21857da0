package dev.reelskit.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.mock.ReelsTenant;
import dev.reelskit.mock.jobs.TimingProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

// docs/mock.md "Parallel tests, a clock each" shows this class from here to its end; it is run by
// TenantPerTestTest (both tests at once, under JUnit's parallel execution).
@Execution(ExecutionMode.CONCURRENT) // both tests at once, on one mock
class TwoTestsTwoClocks {

  @RegisterExtension // one mock for the class; each test gets a tenant: a token and a clock
  static ReelsMockExtension mock =
      ReelsMockExtension.builder().profile(TimingProfile.REALISTIC).frozenClock().build();

  // Only so that this example proves its point: each test waits here for the other.
  static final CyclicBarrier SUBMITTED = new CyclicBarrier(2);
  static final CyclicBarrier ADVANCED = new CyclicBarrier(2);

  @Test
  void a_job_is_done_90_seconds_later(ReelsTenant tenant) throws Exception {
    long id = submit(tenant.token());
    SUBMITTED.await(10, TimeUnit.SECONDS);
    tenant.advanceClock(Duration.ofSeconds(90)); // this test's jobs, and no one else's
    ADVANCED.await(10, TimeUnit.SECONDS);
    assertThat(statusOf(tenant.token(), id)).isEqualTo("done");
  }

  @Test
  void a_job_just_submitted_is_pending(ReelsTenant tenant) throws Exception {
    long id = submit(tenant.token());
    SUBMITTED.await(10, TimeUnit.SECONDS);
    ADVANCED.await(10, TimeUnit.SECONDS); // the other test has moved its clock 90 s by now
    assertThat(statusOf(tenant.token(), id)).isEqualTo("pending");
  }

  // Your client goes here; these two calls stand in for it.
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static long submit(String token) throws Exception {
    String body = "{\"url\": \"https://www.instagram.com/reel/DYa0IXPgnP5/\"}";
    return Long.parseLong(field(send(token, "analyze", body), "\"id\":\\s*(\\d+)"));
  }

  static String statusOf(String token, long id) throws Exception {
    return field(send(token, Long.toString(id), null), "\"status\":\\s*\"(\\w+)\"");
  }

  static String send(String token, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/api/v1/reels/" + path))
            .header("Authorization", "Bearer " + token);
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.POST(HttpRequest.BodyPublishers.ofString(body));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  static String field(String json, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return m.group(1);
  }
}
