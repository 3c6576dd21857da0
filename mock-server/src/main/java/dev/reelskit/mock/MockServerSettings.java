package dev.reelskit.mock;

import dev.reelskit.mock.jobs.TimingProfile;
import java.util.Set;

/**
 * Everything that configures one mock server, resolved once (see the CLI's resolver for the
 * precedence CLI flag > {@code -Dreels.mock.<name>} > {@code REELS_MOCK_<NAME>} > default).
 *
 * @param port 0 for any free port
 * @param timeScale mock seconds per wall second; 0 freezes the clock (tests advance it)
 * @param tokens the only valid tokens; empty means any {@code ist_<alphanumeric>} token
 * @param requestJournal keep WireMock's request journal (off: it grows ~3 KB per request)
 * @param seedJobs create the seeded jobs (42 done, ...) on start
 * @param rateLimitRequests with {@code rateLimit}, requests per token in any 60 s (docs: 10)
 * @param maxUnfinishedJobs with {@code rateLimit}, unfinished jobs per token (docs: 3)
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
    SecuritySettings security) {

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
    security.requireLockedAdminOn(bind);
    tokens = Set.copyOf(tokens);
    revokedTokens = Set.copyOf(revokedTokens);
    forbiddenTokens = Set.copyOf(forbiddenTokens);
  }

  /** What {@code java -jar} runs with no options: port 8089 on loopback, the quick profile. */
  public static MockServerSettings defaults() {
    return new MockServerSettings(DEFAULT_PORT, "127.0.0.1", TimingProfile.QUICK, 42, 1.0,
        Set.of(), Set.of(), Set.of(), false, false, false, true, 10_000,
        DOCUMENTED_RATE_LIMIT, DOCUMENTED_MAX_UNFINISHED_JOBS, SecuritySettings.defaults());
  }

  public MockServerSettings withPort(int newPort) {
    return new MockServerSettings(newPort, bind, profile, seed, timeScale, tokens, revokedTokens,
        forbiddenTokens, rateLimit, verbose, requestJournal, seedJobs, trafficCapacity,
        rateLimitRequests, maxUnfinishedJobs, security);
  }

  public MockServerSettings withProfile(TimingProfile newProfile) {
    return new MockServerSettings(port, bind, newProfile, seed, timeScale, tokens, revokedTokens,
        forbiddenTokens, rateLimit, verbose, requestJournal, seedJobs, trafficCapacity,
        rateLimitRequests, maxUnfinishedJobs, security);
  }

  public MockServerSettings withTimeScale(double newScale) {
    return new MockServerSettings(port, bind, profile, seed, newScale, tokens, revokedTokens,
        forbiddenTokens, rateLimit, verbose, requestJournal, seedJobs, trafficCapacity,
        rateLimitRequests, maxUnfinishedJobs, security);
  }

  public MockServerSettings withRateLimit(boolean on) {
    return new MockServerSettings(port, bind, profile, seed, timeScale, tokens, revokedTokens,
        forbiddenTokens, on, verbose, requestJournal, seedJobs, trafficCapacity,
        rateLimitRequests, maxUnfinishedJobs, security);
  }

  public MockServerSettings withTokens(Set<String> valid, Set<String> revoked,
      Set<String> forbidden) {
    return new MockServerSettings(port, bind, profile, seed, timeScale, valid, revoked, forbidden,
        rateLimit, verbose, requestJournal, seedJobs, trafficCapacity,
        rateLimitRequests, maxUnfinishedJobs, security);
  }

  /** Keeps WireMock's request journal (for {@code /__admin/requests}); it grows per request. */
  public MockServerSettings withRequestJournal(boolean on) {
    return new MockServerSettings(port, bind, profile, seed, timeScale, tokens, revokedTokens,
        forbiddenTokens, rateLimit, verbose, on, seedJobs, trafficCapacity,
        rateLimitRequests, maxUnfinishedJobs, security);
  }

  public MockServerSettings withSeedJobs(boolean on) {
    return new MockServerSettings(port, bind, profile, seed, timeScale, tokens, revokedTokens,
        forbiddenTokens, rateLimit, verbose, requestJournal, on, trafficCapacity,
        rateLimitRequests, maxUnfinishedJobs, security);
  }

  public MockServerSettings withTrafficCapacity(int capacity) {
    return new MockServerSettings(port, bind, profile, seed, timeScale, tokens, revokedTokens,
        forbiddenTokens, rateLimit, verbose, requestJournal, seedJobs, capacity,
        rateLimitRequests, maxUnfinishedJobs, security);
  }

  /** With the rate limit on, at most {@code requests} per token in any 60 s, {@code jobs} unfinished. */
  public MockServerSettings withLimits(int requests, int jobs) {
    return new MockServerSettings(port, bind, profile, seed, timeScale, tokens, revokedTokens,
        forbiddenTokens, rateLimit, verbose, requestJournal, seedJobs, trafficCapacity, requests,
        jobs, security);
  }

  /** Host allow-list, admin token and the open-admin opt-out (see {@link SecuritySettings}). */
  public MockServerSettings withSecurity(SecuritySettings newSecurity) {
    return new MockServerSettings(port, bind, profile, seed, timeScale, tokens, revokedTokens,
        forbiddenTokens, rateLimit, verbose, requestJournal, seedJobs, trafficCapacity,
        rateLimitRequests, maxUnfinishedJobs, newSecurity);
  }

  /** Tokens are secrets: only their counts are shown. */
  @Override
  public String toString() {
    return "MockServerSettings[port=" + port + ", bind=" + bind + ", profile=" + profile.cliName()
        + ", seed=" + seed + ", timeScale=" + timeScale + ", tokens=" + tokens.size()
        + ", revokedTokens=" + revokedTokens.size() + ", forbiddenTokens="
        + forbiddenTokens.size() + ", rateLimit=" + rateLimit + ", verbose=" + verbose
        + ", requestJournal=" + requestJournal + ", seedJobs=" + seedJobs
        + ", trafficCapacity=" + trafficCapacity + ", rateLimitRequests=" + rateLimitRequests
        + ", maxUnfinishedJobs=" + maxUnfinishedJobs + ", security=" + security + "]";
  }
}
