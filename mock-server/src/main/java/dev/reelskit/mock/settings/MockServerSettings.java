package dev.reelskit.mock.settings;

import dev.reelskit.mock.jobs.TimingProfile;
import java.nio.file.Path;
import java.util.Set;

/**
 * Everything that configures one mock server, resolved once. Build one with {@link #builder()} (the
 * defaults of {@code java -jar}) or change one with {@link #toBuilder()}.
 *
 * @param port 0 for any free port
 * @param timeScale mock seconds per wall second; 0 freezes the clock (tests advance it)
 * @param tokens the only valid tokens; empty means any {@code ist_} token (letters, digits, _ and
 *     -)
 * @param requestJournal keep WireMock's request journal (off: it grows ~3 KB per request)
 * @param seedJobs create the seeded jobs (42 done, ...) on start
 * @param rateLimitRequests with {@code rateLimit}, requests per token in any 60 s (docs: 10)
 * @param maxUnfinishedJobs with {@code rateLimit}, unfinished jobs per token (docs: 3)
 * @param latency latency added to every API response
 * @param rootDir WireMock's root directory ({@code mappings/}, {@code __files/}); null for none
 * @param security the Host allow-list, admin token and open-admin opt-out
 * @param jobStore state file, token isolation and the job cap
 * @param readings the spec's readings of a job, or every legal one in turn ({@link Readings})
 */
public record MockServerSettings(
    int port,
    String bind,
    TimingProfile profile,
    long seed,
    double timeScale,
    Set<String> tokens,
    Set<String> revokedTokens,
    Set<String> forbiddenTokens,
    boolean rateLimit,
    boolean verbose,
    boolean requestJournal,
    boolean seedJobs,
    int trafficCapacity,
    int rateLimitRequests,
    int maxUnfinishedJobs,
    Latency latency,
    Path rootDir,
    SecuritySettings security,
    JobStoreSettings jobStore,
    Readings readings) {

  public static final int DEFAULT_PORT = 8089;

  /** The documented limits: 10 requests a minute, 3 concurrent jobs. */
  public static final int DOCUMENTED_RATE_LIMIT = 10;

  public static final int DOCUMENTED_MAX_UNFINISHED_JOBS = 3;

  public MockServerSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535, was " + port);
    }
    if (!(timeScale >= 0) || Double.isInfinite(timeScale)) {
      throw new IllegalArgumentException("time scale must be a number >= 0, was " + timeScale);
    }
    if (trafficCapacity < 1) {
      throw new IllegalArgumentException("traffic capacity must be at least 1");
    }
    if (rateLimitRequests < 1) {
      throw new IllegalArgumentException(
          "rate-limit-requests must be at least 1, was " + rateLimitRequests);
    }
    if (maxUnfinishedJobs < 1) {
      throw new IllegalArgumentException(
          "max-unfinished-jobs must be at least 1, was " + maxUnfinishedJobs);
    }
    if (bind == null
        || profile == null
        || latency == null
        || security == null
        || jobStore == null
        || readings == null) {
      throw new IllegalArgumentException(
          "bind, profile, latency, security, jobStore and readings must be set");
    }
    security.requireLockedAdminOn(bind);
    tokens = Set.copyOf(tokens);
    revokedTokens = Set.copyOf(revokedTokens);
    forbiddenTokens = Set.copyOf(forbiddenTokens);
  }

  /** What {@code java -jar} runs with no options: port 8089 on loopback, the quick profile. */
  public static MockServerSettings defaults() {
    return builder().build();
  }

  /** A builder holding the defaults of {@code java -jar}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Tokens are secrets: only their counts are shown. */
  @Override
  public String toString() {
    return "MockServerSettings[port="
        + port
        + ", bind="
        + bind
        + ", profile="
        + profile.cliName()
        + ", seed="
        + seed
        + ", timeScale="
        + timeScale
        + ", tokens="
        + tokens.size()
        + ", revokedTokens="
        + revokedTokens.size()
        + ", forbiddenTokens="
        + forbiddenTokens.size()
        + ", rateLimit="
        + rateLimit
        + ", verbose="
        + verbose
        + ", requestJournal="
        + requestJournal
        + ", seedJobs="
        + seedJobs
        + ", trafficCapacity="
        + trafficCapacity
        + ", rateLimitRequests="
        + rateLimitRequests
        + ", maxUnfinishedJobs="
        + maxUnfinishedJobs
        + ", latency="
        + latency.cliName()
        + ", rootDir="
        + rootDir
        + ", security="
        + security
        + ", jobStore="
        + jobStore
        + ", readings="
        + readings.cliName()
        + "]";
  }

  /** Builds {@link MockServerSettings}; every setter returns the builder. */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private String bind = "127.0.0.1";
    private TimingProfile profile = TimingProfile.QUICK;
    private long seed = 42;
    private double timeScale = 1.0;
    private Set<String> tokens = Set.of();
    private Set<String> revokedTokens = Set.of();
    private Set<String> forbiddenTokens = Set.of();
    private boolean rateLimit;
    private boolean verbose;
    private boolean requestJournal;
    private boolean seedJobs = true;
    private int trafficCapacity = 10_000;
    private int rateLimitRequests = DOCUMENTED_RATE_LIMIT;
    private int maxUnfinishedJobs = DOCUMENTED_MAX_UNFINISHED_JOBS;
    private Latency latency = Latency.NONE;
    private Path rootDir;
    private SecuritySettings security = SecuritySettings.defaults();
    private JobStoreSettings jobStore = JobStoreSettings.defaults();
    private Readings readings = Readings.SPEC;

    private Builder() {}

    private Builder(MockServerSettings s) {
      port = s.port;
      bind = s.bind;
      profile = s.profile;
      seed = s.seed;
      timeScale = s.timeScale;
      tokens = s.tokens;
      revokedTokens = s.revokedTokens;
      forbiddenTokens = s.forbiddenTokens;
      rateLimit = s.rateLimit;
      verbose = s.verbose;
      requestJournal = s.requestJournal;
      seedJobs = s.seedJobs;
      trafficCapacity = s.trafficCapacity;
      rateLimitRequests = s.rateLimitRequests;
      maxUnfinishedJobs = s.maxUnfinishedJobs;
      latency = s.latency;
      rootDir = s.rootDir;
      security = s.security;
      jobStore = s.jobStore;
      readings = s.readings;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder bind(String value) {
      bind = value;
      return this;
    }

    public Builder profile(TimingProfile value) {
      profile = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder timeScale(double value) {
      timeScale = value;
      return this;
    }

    /** Valid (empty: any well-formed token), revoked (401) and forbidden (403) tokens. */
    public Builder tokens(Set<String> valid, Set<String> revoked, Set<String> forbidden) {
      tokens = valid;
      revokedTokens = revoked;
      forbiddenTokens = forbidden;
      return this;
    }

    public Builder rateLimit(boolean on) {
      rateLimit = on;
      return this;
    }

    /**
     * With the rate limit on, at most {@code requests} per token in any 60 s, {@code jobs}
     * unfinished.
     */
    public Builder limits(int requests, int jobs) {
      rateLimitRequests = requests;
      maxUnfinishedJobs = jobs;
      return this;
    }

    public Builder verbose(boolean on) {
      verbose = on;
      return this;
    }

    /** Keeps WireMock's request journal (for {@code /__admin/requests}); it grows per request. */
    public Builder requestJournal(boolean on) {
      requestJournal = on;
      return this;
    }

    public Builder seedJobs(boolean on) {
      seedJobs = on;
      return this;
    }

    public Builder trafficCapacity(int capacity) {
      trafficCapacity = capacity;
      return this;
    }

    public Builder latency(Latency value) {
      latency = value;
      return this;
    }

    /** WireMock's root directory: stubs from {@code mappings/}, bodies from {@code __files/}. */
    public Builder rootDir(Path dir) {
      rootDir = dir;
      return this;
    }

    /** Allowed Hosts, admin token, open-admin opt-out ({@link SecuritySettings#defaults()}). */
    public Builder security(SecuritySettings value) {
      security = value;
      return this;
    }

    /** Where jobs are kept, who sees them and how many are kept. */
    public Builder jobStore(JobStoreSettings value) {
      jobStore = value;
      return this;
    }

    /** The spec's readings of a job (default), or every legal reading in turn by reel code. */
    public Builder readings(Readings value) {
      readings = value;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first invalid value
     */
    public MockServerSettings build() {
      return new MockServerSettings(
          port,
          bind,
          profile,
          seed,
          timeScale,
          tokens,
          revokedTokens,
          forbiddenTokens,
          rateLimit,
          verbose,
          requestJournal,
          seedJobs,
          trafficCapacity,
          rateLimitRequests,
          maxUnfinishedJobs,
          latency,
          rootDir,
          security,
          jobStore,
          readings);
    }
  }
}
