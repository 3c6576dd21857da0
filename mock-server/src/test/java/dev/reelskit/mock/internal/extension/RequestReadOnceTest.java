package dev.reelskit.mock.internal.extension;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.reelskit.buildrules.KitCodingRules.shippedClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.common.RequestCache;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.mock.internal.jobs.Owners;
import dev.reelskit.mock.internal.jobs.SeedJobs;
import dev.reelskit.mock.internal.jobs.Tenants;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One API request is read once: its path split, its operation derived, its token checked, its owner
 * key and tenant found, its {@code Prefer} header and submission body parsed, all in one {@link
 * ApiRequest} that every filter, transformer and listener of the mock reads.
 */
class RequestReadOnceTest {

  private static final JavaClasses MOCK = shippedClasses("dev.reelskit.mock");

  /**
   * The body gate in front of Jetty ({@link ReelsExtensionFactory#unreadWithoutToken}) decides from
   * the headers before WireMock reads the body, so before any serve event exists: it is the one
   * other reader.
   */
  private static final String GATE = ReelsExtensionFactory.class.getName();

  private final JobStore jobs =
      new JobStore(MockClock.frozenAt(Instant.EPOCH), TimingProfile.FAST, 1, 100);
  private final ApiRequest.Views views =
      new ApiRequest.Views(new TokenRules(List.of(), List.of(), List.of()), jobs);

  @AfterEach
  void requestEnds() {
    RequestCache.onRequestEnd();
  }

  @Test
  void only_the_view_splits_the_path_derives_the_operation_and_checks_the_token() {
    rule("split the path", "pathOf", Route.class, String.class).check(MOCK);
    rule("derive the operation", "of", Route.class, String.class, String.class).check(MOCK);
    rule("check the token", "check", TokenRules.class, String.class).check(MOCK);
  }

  @Test
  void only_the_view_parses_the_prefer_header_and_the_submission_and_finds_the_tenant() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(ApiRequest.class.getName())
        .should()
        .callMethod(PreferHeader.class, "parse", String.class)
        .orShould()
        .callMethod(AnalyzeBody.class, "parse", String.class, byte[].class)
        .because("every component reads the request's one ApiRequest")
        .check(MOCK);
    noClasses()
        .that()
        .resideInAPackage("dev.reelskit.mock.internal.extension")
        .and()
        .doNotHaveFullyQualifiedName(ApiRequest.class.getName())
        .should()
        .callMethod(Owners.class, "of", String.class)
        .orShould()
        .callMethod(Tenants.class, "forToken", String.class)
        .because("every component reads the request's one ApiRequest")
        .check(MOCK);
  }

  @Test
  void every_copy_of_a_serve_event_reads_one_view() {
    ServeEvent event = ServeEvent.of(get("/api/v1/reels/42?x=1", "Bearer ist_one"));
    ApiRequest view = views.of(event);

    assertThat(views.of(event.withResponseDefinition(ResponseDefinition.ok()))).isSameAs(view);
    assertThat(views.of(event.replaceRequest(event.getRequest()), event.getRequest()))
        .isSameAs(view);
    assertThat(view.path()).isEqualTo("/api/v1/reels/42");
    assertThat(view.operation()).isEqualTo(Route.GET);
    assertThat(view.route().jobId()).isEqualTo(42);
    assertThat(view.auth().verdict()).isEqualTo(TokenRules.Verdict.VALID);
    assertThat(view.auth()).isSameAs(view.auth());
    assertThat(view.owner()).isEqualTo(Owners.of("ist_one"));
  }

  @Test
  void another_request_on_the_same_thread_never_reads_this_ones_view() {
    ApiRequest first = views.of(ServeEvent.of(get("/api/v1/reels/42", "Bearer ist_one")));
    // no onRequestEnd between them: as after a request that ended in an exception
    ApiRequest second = views.of(ServeEvent.of(get("/api/v1/reels/43", "Bearer ist_two")));

    assertThat(second).isNotSameAs(first);
    assertThat(second.route().jobId()).isEqualTo(43);
    assertThat(second.token()).isEqualTo("ist_two");
  }

  @Test
  void a_view_is_made_again_after_the_request_ended() {
    ServeEvent event = ServeEvent.of(get("/docs/openapi.yaml", null));
    ApiRequest view = views.of(event);
    assertThat(view.isDocs()).isTrue();
    assertThat(view.isApi()).isFalse();

    RequestCache.onRequestEnd();

    assertThat(views.of(event)).isNotSameAs(view);
  }

  @Test
  void the_getreel_transformer_reads_the_store_once_per_poll() {
    SeedJobs.addTo(jobs);
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(ReelsApiTransformer.class.getName())
        .and()
        .resideInAPackage("dev.reelskit.mock.internal.extension")
        .should()
        .callMethod(JobStore.class, "find", long.class)
        .orShould()
        .callMethod(JobStore.class, "poll", long.class)
        .check(MOCK);
    assertThat(jobs.poll(jobs.find(42))).contains(jobs.find(42));
  }

  private static ArchRule rule(String what, String method, Class<?> owner, Class<?>... params) {
    return noClasses()
        .that()
        .doNotHaveFullyQualifiedName(ApiRequest.class.getName())
        .and()
        .doNotHaveFullyQualifiedName(GATE)
        .should()
        .callMethod(owner, method, params)
        .because("only the request's one ApiRequest may " + what);
  }

  private static Request get(String url, String authorization) {
    ImmutableRequest.Builder b =
        ImmutableRequest.create()
            .withAbsoluteUrl("http://127.0.0.1:8080" + url)
            .withMethod(RequestMethod.GET);
    if (authorization != null) {
      b.withHeader("Authorization", authorization);
    }
    return b.build();
  }
}
