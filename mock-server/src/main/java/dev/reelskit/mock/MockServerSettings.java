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
    int trafficCapacity) {

  public static final int DEFAULT_PORT = 8089;

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
    tokens = Set.copyOf(tokens);
    revokedTokens = Set.copyOf(revokedTokens);
    forbiddenTokens = Set.copyOf(forbiddenTokens);
  }

  /** What {@code java -jar} runs with no options: port 8089 on loopback, the quick profile. */
  public static MockServerSettings defaults() {
    return new MockServerSettings(DEFAULT_PORT, "127.0.0.1", TimingProfile.QUICK, 42, 1.0,
        Set.of(), Set.of(), Set.of(), false, false, false, true, 10_000);
  }

  public MockServerSettings withPort(int newPort) {
    return new MockServerSettings(newPort, bind, profile, seed, timeScale, tokens, revokedTokens,
        forbiddenTokens, rateLimit, verbose, requestJournal, seedJobs, trafficCapacity);
  }

  public MockServerSettings withProfile(TimingProfile newProfile) {
    return new MockServerSettings(port, bind, newProfile, seed, timeScale, tokens, revokedTokens,
        forbiddenTokens, rateLimit, verbose, requestJournal, seedJobs, trafficCapacity);
  }

  public MockServerSettings withTimeScale(double newScale) {
    return new MockServerSettings(port, bind, profile, seed, newScale, tokens, revokedTokens,
        forbiddenTokens, rateLimit, verbose, requestJournal, seedJobs, trafficCapacity);
  }

  public MockServerSettings withRateLimit(boolean on) {
    return new MockServerSettings(port, bind, profile, seed, timeScale, tokens, revokedTokens,
        forbiddenTokens, on, verbose, requestJournal, seedJobs, trafficCapacity);
  }

  public MockServerSettings withTokens(Set<String> valid, Set<String> revoked,
      Set<String> forbidden) {
    return new MockServerSettings(port, bind, profile, seed, timeScale, valid, revoked, forbidden,
        rateLimit, verbose, requestJournal, seedJobs, trafficCapacity);
  }

  public MockServerSettings withSeedJobs(boolean on) {
    return new MockServerSettings(port, bind, profile, seed, timeScale, tokens, revokedTokens,
        forbiddenTokens, rateLimit, verbose, requestJournal, on, trafficCapacity);
  }

  public MockServerSettings withTrafficCapacity(int capacity) {
    return new MockServerSettings(port, bind, profile, seed, timeScale, tokens, revokedTokens,
        forbiddenTokens, rateLimit, verbose, requestJournal, seedJobs, capacity);
  }

  /** Tokens are secrets: only their counts are shown. */
  @Override
  public String toString() {
    return "MockServerSettings[port=" + port + ", bind=" + bind + ", profile=" + profile.cliName()
        + ", seed=" + seed + ", timeScale=" + timeScale + ", tokens=" + tokens.size()
        + ", revokedTokens=" + revokedTokens.size() + ", forbiddenTokens="
        + forbiddenTokens.size() + ", rateLimit=" + rateLimit + ", verbose=" + verbose
        + ", requestJournal=" + requestJournal + ", seedJobs=" + seedJobs
        + ", trafficCapacity=" + trafficCapacity + "]";
  }
}
