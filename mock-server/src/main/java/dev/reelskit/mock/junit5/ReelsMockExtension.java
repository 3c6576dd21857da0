package dev.reelskit.mock.junit5;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.ReelsTenant;
import dev.reelskit.mock.conformance.ClientConformanceReport;
import dev.reelskit.mock.conformance.ClientRuleSettings;
import dev.reelskit.mock.conformance.TrafficEntry;
import dev.reelskit.mock.conformance.TrafficLog;
import dev.reelskit.mock.jobs.MockClock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;

/**
 * Runs a Reels API mock in-process for JVM tests: on a free port, on loopback, stopped through the
 * JUnit store. In a static field it lives for the test class, in an instance field for one test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ReelsMockExtension mock = ReelsMockExtension.builder().profile(TimingProfile.FAST).build();
 * }</pre>
 *
 * <p>Defaults: the {@code fast} profile (one poll per state), real time, seeded jobs, no rate
 * limit. {@link Builder#frozenClock()} makes time move only through {@link #advanceClock}. A test
 * fails when it sent the mock an API request that is no documented operation (an unknown path or
 * method under {@code /api}); {@link Builder#failOnUnmatchedRequests(boolean)} turns that off.
 *
 * <p>Each test gets a tenant of its own ({@link ReelsTenant}): {@link #token()} submits into it and
 * {@link #advanceClock} moves its clock only, so tests sharing one mock (a static field, JUnit's
 * parallel execution) never move each other's jobs. A test may also take it as a parameter ({@code
 * void t(ReelsTenant tenant)}). It is deleted with its jobs after the test; {@link
 * Builder#tenantPerTest(boolean)} turns this off (every test then shares the mock's clock).
 */
public final class ReelsMockExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ReelsMockExtension.class);

  private final MockServerSettings settings;
  private final boolean frozen;
  private final boolean failOnUnmatched;
  private final boolean staticDsl;
  private final boolean tenantPerTest;
  private volatile ReelsMock mock;
  private volatile long firstSeqOfTest = 1;

  /** The tenant of the test running on this thread (parallel tests each have their own). */
  private final ThreadLocal<ReelsTenant> tenantOfThread = new ThreadLocal<>();

  /** The latest test's tenant, for a test whose client runs on threads of its own. */
  private volatile ReelsTenant latestTenant;

  private static final AtomicLong TENANTS = new AtomicLong();

  private ReelsMockExtension(
      MockServerSettings settings,
      boolean frozen,
      boolean failOnUnmatched,
      boolean staticDsl,
      boolean tenantPerTest) {
    this.settings = settings;
    this.frozen = frozen;
    this.failOnUnmatched = failOnUnmatched;
    this.staticDsl = staticDsl;
    this.tenantPerTest = tenantPerTest;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startIn(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (mock == null || !mock.isRunning()) {
      startIn(context); // instance field: one mock per test
    }
    firstSeqOfTest = mock.traffic().nextSeq();
    if (tenantPerTest) {
      ReelsTenant tenant = mock.createTenant(tenantName(context));
      context.getStore(NAMESPACE).put(tenantKey(), new TenantCloser(tenant));
      tenantOfThread.set(tenant);
      latestTenant = tenant;
    }
    if (staticDsl) {
      // As WireMockExtension does: WireMock's static DSL (stubFor, verify, ...) talks to this mock,
      // in-process, from the test's thread.
      WireMock.configureFor(new WireMock(mock.server()));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    tenantOfThread.remove();
    if (!failOnUnmatched || mock == null) {
      return;
    }
    List<TrafficEntry> unmatched =
        mock.traffic().snapshot().stream()
            .filter(e -> e.seq() >= firstSeqOfTest && e.operation() == null)
            .collect(Collectors.toList());
    if (!unmatched.isEmpty()) {
      throw new AssertionFailedError(
          unmatched.size()
              + " request(s) to the Reels mock matched no"
              + " documented operation (failOnUnmatchedRequests):\n"
              + unmatched.stream()
                  .map(
                      e ->
                          "  "
                              + e.method()
                              + " "
                              + e.path()
                              + " -> "
                              + e.httpStatus()
                              + (e.rejection() == null ? "" : " (" + e.rejection() + ")"))
                  .collect(Collectors.joining("\n")));
    }
  }

  private void startIn(ExtensionContext context) {
    ReelsMock started =
        frozen
            ? ReelsMock.start(settings, MockClock.frozenAt(Instant.parse("2026-05-22T10:00:00Z")))
            : ReelsMock.start(settings);
    mock = started;
    context.getStore(NAMESPACE).put(this, new Stopper(started));
  }

  public ReelsMock mock() {
    if (mock == null) {
      throw new IllegalStateException("the Reels mock is not started (register the extension)");
    }
    return mock;
  }

  public String baseUrl() {
    return mock().baseUrl();
  }

  public int port() {
    return mock().port();
  }

  /**
   * A token the mock accepts: the running test's tenant's (its jobs move by {@link #advanceClock}
   * only), or, without a tenant per test, {@link ReelsMock#DEFAULT_TEST_TOKEN} or the first listed
   * token.
   */
  public String token() {
    ReelsTenant tenant = currentTenant();
    if (tenant != null) {
      return tenant.token();
    }
    return settings.tokens().isEmpty()
        ? ReelsMock.DEFAULT_TEST_TOKEN
        : settings.tokens().iterator().next();
  }

  /**
   * The running test's tenant: its token, clock, pins and jobs.
   *
   * @throws IllegalStateException outside a test, or with {@code tenantPerTest(false)}
   */
  public ReelsTenant tenant() {
    ReelsTenant tenant = currentTenant();
    if (tenant == null) {
      throw new IllegalStateException(
          "no tenant: call this from a test (tenantPerTest is " + tenantPerTest + ")");
    }
    return tenant;
  }

  private ReelsTenant currentTenant() {
    if (!tenantPerTest) {
      return null;
    }
    ReelsTenant mine = tenantOfThread.get();
    return mine != null ? mine : latestTenant;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return tenantPerTest && parameter.getParameter().getType() == ReelsTenant.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TenantCloser closer = context.getStore(NAMESPACE).get(tenantKey(), TenantCloser.class);
    if (closer == null) {
      throw new ParameterResolutionException(
          "a ReelsTenant is given to test methods (and @BeforeEach/@AfterEach), not to "
              + context.getDisplayName());
    }
    return closer.tenant();
  }

  public TrafficLog traffic() {
    return mock().traffic();
  }

  /**
   * The WireMock server underneath, for WireMock's DSL: its stubs win over the built-in API for the
   * requests they match.
   */
  public WireMockServer server() {
    return mock().server();
  }

  /** Adds a WireMock stub that wins over the built-in API for the requests it matches. */
  public StubMapping stubFor(MappingBuilder stub) {
    return mock().stubFor(stub);
  }

  /**
   * Moves the running test's tenant's clock (the jobs made with {@link #token()}); without a tenant
   * per test, the mock's clock. {@code mock().advanceClock(by)} always moves the mock's clock, so
   * every tenant's.
   */
  public void advanceClock(Duration by) {
    ReelsTenant tenant = currentTenant();
    if (tenant != null) {
      tenant.advanceClock(by);
    } else {
      mock().advanceClock(by);
    }
  }

  /**
   * Judges what clients sent this mock so far against the client rules (docs/client-rules.md), with
   * the documented limits (this mock's, when its rate limit is on).
   */
  public ClientConformanceReport clientReport() {
    return mock().clientReport();
  }

  /** Judges what clients sent this mock so far against the client rules with {@code rules}. */
  public ClientConformanceReport clientReport(ClientRuleSettings rules) {
    return mock().clientReport(rules);
  }

  /**
   * Fails with every violated client rule and its evidence unless the traffic so far conforms.
   *
   * @throws org.opentest4j.AssertionFailedError carrying the report's text
   */
  public void assertClientConforms() {
    clientReport().assertConforms();
  }

  /** As {@link #assertClientConforms()}, judged with {@code rules}. */
  public void assertClientConforms(ClientRuleSettings rules) {
    clientReport(rules).assertConforms();
  }

  /** Forgets the traffic so far: the next report judges only what comes after. */
  public void resetClientReport() {
    mock().resetTraffic();
    firstSeqOfTest = 1;
  }

  private String tenantKey() {
    return "tenant@" + System.identityHashCode(this);
  }

  /** {@code junit-<n>-<method>}, within the 64 characters a tenant name may have. */
  private static String tenantName(ExtensionContext context) {
    String method =
        context
            .getTestMethod()
            .map(m -> m.getName())
            .orElse("test")
            .replaceAll("[^A-Za-z0-9._-]", "_");
    String name = "junit-" + TENANTS.incrementAndGet() + "-" + method;
    return name.length() > 64 ? name.substring(0, 64) : name;
  }

  /** Deletes the test's tenant when its JUnit store closes, after the test and its callbacks. */
  private record TenantCloser(ReelsTenant tenant) implements AutoCloseable {
    @Override
    public void close() {
      try {
        tenant.close();
      } catch (RuntimeException e) {
        // the mock may be stopped already (instance field: one mock per test)
      }
    }
  }

  /** Closes the mock when its JUnit store is closed (JUnit 5.13+ closes AutoCloseable values). */
  private record Stopper(ReelsMock mock) implements AutoCloseable {
    @Override
    public void close() {
      mock.close();
    }
  }

  /** Settings for the extension; the port is always free and the address loopback. */
  public static final class Builder {
    private final MockServerSettings.Builder settings =
        MockServerSettings.builder().port(0).profile(TimingProfile.FAST);
    private boolean frozen;
    private boolean failOnUnmatched = true;
    private boolean staticDsl;
    private boolean tenantPerTest = true;

    public Builder profile(TimingProfile profile) {
      settings.profile(profile);
      return this;
    }

    public Builder timeScale(double scale) {
      settings.timeScale(scale);
      return this;
    }

    /** Time moves only when the test calls {@link ReelsMockExtension#advanceClock}. */
    public Builder frozenClock() {
      frozen = true;
      return this;
    }

    /**
     * WireMock's root directory: stubs from {@code dir/mappings}, bodies from {@code dir/__files}.
     */
    public Builder rootDir(java.nio.file.Path dir) {
      settings.rootDir(dir);
      return this;
    }

    public Builder rateLimit(boolean on) {
      settings.rateLimit(on);
      return this;
    }

    /** A state file, token isolation and the job cap (default: in memory, shared, 100,000). */
    public Builder jobStore(dev.reelskit.mock.settings.JobStoreSettings jobStore) {
      settings.jobStore(jobStore);
      return this;
    }

    /** Every legal reading of a job in turn, picked by its reel code ({@code --readings}). */
    public Builder readings(dev.reelskit.mock.settings.Readings readings) {
      settings.readings(readings);
      return this;
    }

    public Builder seedJobs(boolean on) {
      settings.seedJobs(on);
      return this;
    }

    public Builder tokens(
        java.util.Set<String> valid,
        java.util.Set<String> revoked,
        java.util.Set<String> forbidden) {
      settings.tokens(valid, revoked, forbidden);
      return this;
    }

    /**
     * Whether a test fails when it sent an API request that is no documented operation (default
     * true); turn it off for tests that probe such requests on purpose.
     */
    public Builder failOnUnmatchedRequests(boolean on) {
      failOnUnmatched = on;
      return this;
    }

    /**
     * Points WireMock's static DSL ({@code WireMock.stubFor(...)}, {@code verify(...)}) at this
     * mock before each test, as WireMock's own extension does with {@code configureStaticDsl}
     * (default false).
     */
    public Builder configureStaticDsl(boolean on) {
      staticDsl = on;
      return this;
    }

    /**
     * Whether each test gets a tenant of its own (default true): {@code token()} submits into it
     * and {@code advanceClock} moves only its clock. Off, tests share the mock's clock.
     */
    public Builder tenantPerTest(boolean on) {
      tenantPerTest = on;
      return this;
    }

    public ReelsMockExtension build() {
      return new ReelsMockExtension(
          settings.build(), frozen, failOnUnmatched, staticDsl, tenantPerTest);
    }
  }
}
