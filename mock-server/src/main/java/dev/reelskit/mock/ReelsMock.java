package dev.reelskit.mock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.common.SingleRootFileSource;
import com.github.tomakehurst.wiremock.common.filemaker.FilenameMaker;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.standalone.JsonFileMappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.reelskit.mock.conformance.ClientConformance;
import dev.reelskit.mock.conformance.ClientConformanceReport;
import dev.reelskit.mock.conformance.ClientRuleSettings;
import dev.reelskit.mock.conformance.TrafficLog;
import dev.reelskit.mock.internal.extension.QuietWireMock;
import dev.reelskit.mock.internal.extension.ReelsExtensionFactory;
import dev.reelskit.mock.internal.extension.ReelsStores;
import dev.reelskit.mock.internal.extension.TokenRules;
import dev.reelskit.mock.internal.jobs.JobPlans;
import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.mock.internal.jobs.JobStores;
import dev.reelskit.mock.internal.record.RecordedPlans;
import dev.reelskit.mock.internal.security.ShutdownAwareServer;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.openapi.model.JobStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A running Reels API mock: WireMock with the kit's job engine, scenario store and filters. Start
 * one with {@link #start(MockServerSettings)}; {@link #close()} stops it.
 */
public final class ReelsMock implements AutoCloseable {

  /** A token that is valid under the default token rule (28 characters after the prefix). */
  public static final String DEFAULT_TEST_TOKEN = "ist_reelskitMockToken00000000000";

  private final MockServerSettings settings;
  private final ShutdownAwareServer server;
  private final JobStore jobs;
  private final TokenRules tokens;
  private final TrafficLog traffic;

  private final RecordedPlans replay;

  private ReelsMock(MockServerSettings settings, MockClock clock) {
    this.settings = settings;
    Path replayDir = settings.jobStore().replay();
    this.replay = replayDir == null ? null : RecordedPlans.load(replayDir);
    this.jobs =
        JobStores.open(
            settings.jobStore(),
            settings.seedJobs(),
            replay != null ? replay : JobPlans.of(settings.profile(), settings.seed()),
            clock);
    this.tokens =
        new TokenRules(
            settings.tokens(),
            settings.revokedTokens(),
            settings.forbiddenTokens(),
            jobs.tenants()::minted);
    this.traffic = new TrafficLog(settings.trafficCapacity());
    FileSource files =
        new SingleRootFileSource(
            settings.rootDir() == null ? ".reels-mock-no-files" : settings.rootDir().toString());
    WireMockConfiguration config =
        options()
            .bindAddress(settings.bind())
            .fileSource(files)
            .withStores(new ReelsStores(files, jobs))
            .mappingSource(
                settings.rootDir() == null
                    ? QuietWireMock.noMappings()
                    : new JsonFileMappingsSource(files.child("mappings"), new FilenameMaker()))
            .notifier(QuietWireMock.notifier())
            .extensionScanningEnabled(false)
            .stubRequestLoggingDisabled(true)
            // Delays (per stub, Prefer: delay, SLOW jobs, --latency) wait on a scheduler, not a
            // request thread.
            .asynchronousResponseEnabled(true)
            .asynchronousResponseThreads(2)
            .extensions(
                new ReelsExtensionFactory(
                    settings, jobs, tokens, traffic, clientRuleSettings(), profileLabel(clock)));
    config = settings.port() == 0 ? config.dynamicPort() : config.port(settings.port());
    if (!settings.requestJournal()) {
      config = config.disableRequestJournal();
    }
    this.server = new ShutdownAwareServer(config);
  }

  /** Starts a mock on real time scaled by the settings' time scale. */
  public static ReelsMock start(MockServerSettings settings) {
    return start(settings, MockClock.scaled(settings.timeScale()));
  }

  /** Starts a mock on the given clock (tests: {@link MockClock#frozenAt(Instant)}). */
  public static ReelsMock start(MockServerSettings settings, MockClock clock) {
    ReelsMock mock = new ReelsMock(settings, clock);
    try {
      mock.server.start();
    } catch (RuntimeException e) {
      mock.jobs.closeJournal();
      throw e;
    }
    return mock;
  }

  public String baseUrl() {
    String host = settings.bind().equals("0.0.0.0") ? "127.0.0.1" : settings.bind();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  public int port() {
    return server.port();
  }

  public MockServerSettings settings() {
    return settings;
  }

  /**
   * The WireMock server underneath, for WireMock's own API: a stub added to it (or through {@code
   * POST /__admin/mappings}, or a {@code mappings/} file under {@code --root-dir}) that matches a
   * request is served instead of the built-in API.
   */
  public WireMockServer server() {
    return server;
  }

  /** Adds a WireMock stub that wins over the built-in API for the requests it matches. */
  public StubMapping stubFor(MappingBuilder stub) {
    return server.stubFor(stub);
  }

  /** Removes a stub added with {@link #stubFor}; the built-in API answers again. */
  public void removeStub(StubMapping stub) {
    server.removeStub(stub);
  }

  /** Every API request the mock answered, bounded; the client conformance rules read it. */
  public TrafficLog traffic() {
    return traffic;
  }

  /**
   * The timing this mock runs with, as reports name it: {@code realistic}, or {@code realistic
   * (time scale x25)} when its clock is scaled.
   */
  public String profileLabel() {
    return profileLabel(clock());
  }

  private String profileLabel(MockClock clock) {
    double scale = clock.scale();
    String name =
        replay == null
            ? settings.profile().cliName()
            : "replay of " + replay.size() + " recorded job(s)";
    if (scale == 1) {
      return name;
    }
    String x = scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
    return name + (scale == 0 ? " (frozen clock)" : " (time scale x" + x + ")");
  }

  /** The documented client rules, with this mock's limits when its rate limit is on. */
  public ClientRuleSettings clientRuleSettings() {
    ClientRuleSettings rules = ClientRuleSettings.defaults();
    return settings.rateLimit()
        ? rules
            .withRateLimit(settings.rateLimitRequests(), rules.rateWindow())
            .withMaxUnfinishedJobs(settings.maxUnfinishedJobs())
        : rules;
  }

  /**
   * Judges the traffic recorded so far against the client rules with {@link #clientRuleSettings()}.
   */
  public ClientConformanceReport clientReport() {
    return clientReport(clientRuleSettings());
  }

  /** Judges the traffic recorded so far against the client rules with {@code rules}. */
  public ClientConformanceReport clientReport(ClientRuleSettings rules) {
    return ClientConformance.judge(traffic, rules, profileLabel());
  }

  /** Forgets the recorded traffic, so that the next report judges only what comes after. */
  public void resetTraffic() {
    traffic.clear();
  }

  private MockClock clock() {
    return jobs.clock();
  }

  /** Now, on the mock's clock. */
  public Instant now() {
    return jobs.clock().now();
  }

  /** Moves the mock's clock forward; jobs move on at their next poll. */
  public void advanceClock(Duration by) {
    jobs.advanceClock(by);
  }

  /** Forces a job into a state, as {@code PUT /__admin/scenarios/reel-job-<id>/state} does. */
  public boolean forceState(long jobId, JobStatus status) {
    return jobs.force(jobId, status).isPresent();
  }

  /**
   * A new tenant named {@code name}: its token submits jobs that move by its own clock and pins
   * only ({@code docs/mock.md}, "Tenants").
   *
   * @throws IllegalArgumentException for a name that is not 1-64 of {@code A-Z a-z 0-9 . _ -}
   * @throws IllegalStateException when the name is taken or 1,000 named tenants exist
   */
  public ReelsTenant createTenant(String name) {
    var created = jobs.createTenant(name);
    return new ReelsTenant(jobs, created.tenant(), created.token());
  }

  /** A new tenant with a name of the mock's choosing ({@code tenant-<n>}). */
  public ReelsTenant createTenant() {
    return createTenant(null);
  }

  /** Puts a job in {@code status} and holds it there until {@link #release}d. */
  public boolean pin(long jobId, JobStatus status) {
    return jobs.pin(jobId, status).isPresent();
  }

  /** Lets a held job go on from the state it is in, timed from now. */
  public boolean release(long jobId) {
    return jobs.release(jobId).isPresent();
  }

  /** The job's status now, without counting a poll. */
  public Optional<JobStatus> statusOf(long jobId) {
    return jobs.peek(jobId).map(job -> job.status());
  }

  /** Revokes a token: its next request gets 401. */
  public void revokeToken(String token) {
    tokens.revoke(token);
  }

  /** A one-line description of the token rule, for banners (no token is shown). */
  public String tokenRule() {
    return tokens.describe();
  }

  public int jobCount() {
    return jobs.size();
  }

  /** Runs {@code action} once {@code POST /__admin/shutdown} has stopped the server. */
  public void onAdminShutdown(Runnable action) {
    server.afterAdminShutdown(action);
  }

  public boolean isRunning() {
    return server.isRunning();
  }

  /** Stops the server, then writes what is left to the state file; safe to call twice. */
  @Override
  public void close() {
    if (server.isRunning()) {
      server.stop();
    }
    jobs.closeJournal();
  }
}
