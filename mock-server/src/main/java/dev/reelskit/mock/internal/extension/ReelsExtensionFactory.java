package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterV2;
import dev.reelskit.mock.conformance.ClientRuleSettings;
import dev.reelskit.mock.conformance.TrafficLog;
import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.mock.internal.panel.ControlPanelAdmin;
import dev.reelskit.mock.internal.security.BodyGate;
import dev.reelskit.mock.internal.security.GuardedServerFactory;
import dev.reelskit.mock.internal.security.IntakeLimits;
import dev.reelskit.mock.internal.security.RequestGuard;
import dev.reelskit.mock.settings.Latency;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.mock.settings.Readings;
import dev.reelskit.openapi.ReelsApiSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires the mock into WireMock, in one place. Every request first passes the Host allow-list and,
 * under {@code /__admin}, the admin guard ({@link GuardedServerFactory}: in front of Jetty, since
 * WireMock's filters never see admin preflights or its static servlets). A request under {@code
 * /api} then passes, in order: CORS preflight, auth (401/403), rate limit (429), {@code Prefer}
 * (forced responses, bad fault/delay values), validation (400); then the first user stub that
 * matches, or the built-in API ({@link ApiStubs} + {@link ReelsApiTransformer}). Every answer gets
 * the API headers, {@code Prefer} faults/delays and {@code --latency}; the traffic record sees it.
 */
public final class ReelsExtensionFactory implements ExtensionFactory {

  private final MockServerSettings settings;
  private final JobStore jobs;
  private final TokenRules tokens;
  private final TrafficLog traffic;
  private final ClientRuleSettings rules;
  private final String profileLabel;

  /**
   * @param rules the client rules' settings when a report request names none
   * @param profileLabel the timing profile reports name
   */
  public ReelsExtensionFactory(
      MockServerSettings settings,
      JobStore jobs,
      TokenRules tokens,
      TrafficLog traffic,
      ClientRuleSettings rules,
      String profileLabel) {
    this.settings = settings;
    this.jobs = jobs;
    this.tokens = tokens;
    this.traffic = traffic;
    this.rules = rules;
    this.profileLabel = profileLabel;
  }

  @Override
  public List<Extension> create(WireMockServices services) {
    SpecResponses spec = new SpecResponses(ReelsApiSpec.get());
    ApiRequest.Views views = new ApiRequest.Views(tokens, jobs);
    RateLimiter limiter =
        settings.rateLimit()
            ? new RateLimiter(settings.rateLimitRequests(), settings.maxUnfinishedJobs(), jobs)
            : null;
    List<Extension> extensions = new ArrayList<>();
    extensions.add(
        new GuardedServerFactory(
            new RequestGuard(settings.security(), settings.bind()),
            unreadWithoutToken(),
            IntakeLimits.of(settings.security())));
    extensions.add(new LazyProxyClients());
    extensions.add(new OrderedStubFilters(stubFilters(spec, limiter, views)));
    extensions.add(
        new ReelsApiTransformer(
            jobs,
            views,
            limiter,
            spec,
            settings.jobStore().isolateTokens(),
            settings.readings() == Readings.ROTATE));
    extensions.add(new DocsTransformer(views));
    extensions.add(
        new ApiHeadersTransformer(
            ReelsApiSpec.get().version(),
            limiter == null ? ApiHeadersTransformer.NO_LIMITS : limiter.announcement(),
            cors(),
            views));
    if (settings.readings() == Readings.ROTATE) {
      extensions.add(new ErrorBodyReadings(views));
    }
    extensions.add(new PreferFaultTransformer(views));
    if (settings.latency() == Latency.REALISTIC) {
      extensions.add(new LatencyTransformer(settings.seed(), views));
    }
    extensions.add(new TrafficRecorder(traffic, views));
    if (settings.verbose()) {
      extensions.add(new RequestLogListener(views));
    }
    extensions.add(new ReelsAdminExtension(jobs, traffic, rules, profileLabel));
    extensions.add(new ControlPanelAdmin(jobs));
    extensions.add(new JobsAdminExtension(jobs));
    extensions.add(new TenantsAdminExtension(jobs));
    if (!settings.requestJournal()) {
      extensions.add(new JournalOffFilter());
    }
    return extensions;
  }

  /**
   * An API request without a valid token gets 401/403 from {@link AuthFilter} whatever its body, so
   * its body is never read: the same verdict, taken from the headers before the body arrives.
   */
  BodyGate unreadWithoutToken() {
    return (method, requestUri, authorization) ->
        requestUri != null
            && Route.isApi(Route.pathOf(requestUri))
            && tokens.check(authorization).verdict() != TokenRules.Verdict.VALID;
  }

  private Cors cors() {
    return new Cors(settings.security().allowedOrigins());
  }

  /** The stub-request filters in the order they run (WireMock would not keep a factory's order). */
  List<RequestFilterV2> stubFilters(
      SpecResponses spec, RateLimiter limiter, ApiRequest.Views views) {
    List<RequestFilterV2> filters = new ArrayList<>();
    filters.add(new CorsPreflightFilter(cors(), views));
    filters.add(new AuthFilter(spec, views));
    if (limiter != null) {
      filters.add(new RateLimitFilter(limiter, spec, views));
    }
    filters.add(new PreferFilter(spec, views));
    filters.add(new AnalyzeValidationFilter(spec, views));
    return filters;
  }
}
