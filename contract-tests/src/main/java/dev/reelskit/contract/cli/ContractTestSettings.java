package dev.reelskit.contract.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import dev.reelskit.contract.internal.cli.Durations;

/**
 * Everything a contract run needs, resolved once. The tokens are held here and nowhere else; {@link
 * #toString()} masks them.
 *
 * <p>From a JUnit 5 build: {@code ContractTestSettings.forTarget(baseUrl, token)} and the {@code
 * with...} methods; from the command line: {@link SettingsResolver}.
 *
 * @param errorReelUrl a submission the server ends in {@code error}; null to skip RC-ERR-001
 * @param serverErrorReelUrl a submission the server answers with 500; null to skip RC-ERR-002
 * @param unknownToken a well-formed token the server does not know; null to skip RC-AUTH-004
 * @param forbiddenToken a valid token without the needed permission, a secret like {@code token};
 *     null to skip RC-AUTH-007
 */
public record ContractTestSettings(
    URI baseUrl,
    String token,
    Duration pollInterval,
    Duration jobTimeout,
    int terminalRepolls,
    RateLimit rateLimit,
    int maxUnfinishedJobs,
    String errorReelUrl,
    String serverErrorReelUrl,
    String unknownToken,
    String forbiddenToken,
    Path reportsDir) {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofSeconds(120);
  public static final int DEFAULT_TERMINAL_REPOLLS = 2;
  public static final int DEFAULT_MAX_UNFINISHED_JOBS = 3;
  /** The kit mock's convention: a reel code starting with ERROR ends in {@code error}. */
  public static final String DEFAULT_ERROR_REEL_URL = "https://www.instagram.com/reel/ERRORprivate01/";
  /** The kit mock's convention: a reel code starting with HTTP500 is answered with 500. */
  public static final String DEFAULT_SERVER_ERROR_REEL_URL =
      "https://www.instagram.com/reel/HTTP500crash01/";
  public static final Path DEFAULT_REPORTS_DIR = Path.of("contract-reports");

  public ContractTestSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(jobTimeout, "jobTimeout");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(reportsDir, "reportsDir");
    if (token.isBlank()) {
      throw new IllegalArgumentException("the token is empty");
    }
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("the base URL must be http or https: " + baseUrl);
    }
    if (pollInterval.isNegative() || pollInterval.isZero() || jobTimeout.isNegative()
        || jobTimeout.isZero()) {
      throw new IllegalArgumentException("poll interval and job timeout must be positive");
    }
    if (terminalRepolls < 2) {
      throw new IllegalArgumentException("terminal re-polls must be at least 2");
    }
    if (maxUnfinishedJobs < 1) {
      throw new IllegalArgumentException("max unfinished jobs must be at least 1");
    }
    errorReelUrl = blankToNull(errorReelUrl);
    serverErrorReelUrl = blankToNull(serverErrorReelUrl);
    unknownToken = blankToNull(unknownToken);
    forbiddenToken = forbiddenToken == null || forbiddenToken.isBlank() ? null : forbiddenToken.trim();
    if (token.equals(forbiddenToken)) {
      // RC-AUTH-006 and RC-AUTH-007 would demand opposite answers to the same request.
      throw new IllegalArgumentException("the forbidden token is the token itself");
    }
  }

  /** The defaults (documented timings and limits, the kit mock's magic reels) for one server. */
  public static ContractTestSettings forTarget(String baseUrl, String token) {
    return new ContractTestSettings(
        URI.create(stripSlash(baseUrl)),
        token,
        DEFAULT_POLL_INTERVAL,
        DEFAULT_JOB_TIMEOUT,
        DEFAULT_TERMINAL_REPOLLS,
        RateLimit.DOCUMENTED,
        DEFAULT_MAX_UNFINISHED_JOBS,
        DEFAULT_ERROR_REEL_URL,
        DEFAULT_SERVER_ERROR_REEL_URL,
        null,
        null,
        DEFAULT_REPORTS_DIR);
  }

  public ContractTestSettings withPollInterval(Duration d) {
    return new ContractTestSettings(baseUrl, token, d, jobTimeout, terminalRepolls, rateLimit,
        maxUnfinishedJobs, errorReelUrl, serverErrorReelUrl,
        unknownToken, forbiddenToken, reportsDir);
  }

  public ContractTestSettings withJobTimeout(Duration d) {
    return new ContractTestSettings(baseUrl, token, pollInterval, d, terminalRepolls, rateLimit,
        maxUnfinishedJobs, errorReelUrl, serverErrorReelUrl,
        unknownToken, forbiddenToken, reportsDir);
  }

  public ContractTestSettings withTerminalRepolls(int n) {
    return new ContractTestSettings(baseUrl, token, pollInterval, jobTimeout, n, rateLimit,
        maxUnfinishedJobs, errorReelUrl, serverErrorReelUrl,
        unknownToken, forbiddenToken, reportsDir);
  }

  public ContractTestSettings withRateLimit(RateLimit r) {
    return new ContractTestSettings(baseUrl, token, pollInterval, jobTimeout, terminalRepolls, r,
        maxUnfinishedJobs, errorReelUrl, serverErrorReelUrl,
        unknownToken, forbiddenToken, reportsDir);
  }

  public ContractTestSettings withMaxUnfinishedJobs(int n) {
    return new ContractTestSettings(baseUrl, token, pollInterval, jobTimeout, terminalRepolls,
        rateLimit, n, errorReelUrl, serverErrorReelUrl, unknownToken, forbiddenToken, reportsDir);
  }

  /** A submission the server ends in {@code error}; null skips RC-ERR-001. */
  public ContractTestSettings withErrorReelUrl(String url) {
    return new ContractTestSettings(baseUrl, token, pollInterval, jobTimeout, terminalRepolls,
        rateLimit, maxUnfinishedJobs, url, serverErrorReelUrl,
        unknownToken, forbiddenToken, reportsDir);
  }

  /** A submission the server answers with 500; null skips RC-ERR-002. */
  public ContractTestSettings withServerErrorReelUrl(String url) {
    return new ContractTestSettings(baseUrl, token, pollInterval, jobTimeout, terminalRepolls,
        rateLimit, maxUnfinishedJobs, errorReelUrl, url, unknownToken, forbiddenToken, reportsDir);
  }

  /** A well-formed token the server does not know; null skips RC-AUTH-004. */
  public ContractTestSettings withUnknownToken(String t) {
    return new ContractTestSettings(baseUrl, token, pollInterval, jobTimeout, terminalRepolls,
        rateLimit, maxUnfinishedJobs, errorReelUrl, serverErrorReelUrl,
        t, forbiddenToken, reportsDir);
  }

  /**
   * A valid token the server refuses with 403 because it lacks the permission; null skips
   * RC-AUTH-007. A secret: masked like the token in every report and log.
   */
  public ContractTestSettings withForbiddenToken(String t) {
    return new ContractTestSettings(baseUrl, token, pollInterval, jobTimeout, terminalRepolls,
        rateLimit, maxUnfinishedJobs, errorReelUrl, serverErrorReelUrl,
        unknownToken, t, reportsDir);
  }

  public ContractTestSettings withReportsDir(Path dir) {
    return new ContractTestSettings(baseUrl, token, pollInterval, jobTimeout, terminalRepolls,
        rateLimit, maxUnfinishedJobs, errorReelUrl, serverErrorReelUrl,
        unknownToken, forbiddenToken, dir);
  }

  /** The token as logs may show it: scheme-less, last four characters only. */
  public String maskedToken() {
    return mask(token);
  }

  /** {@code ****} plus the last four characters, or only {@code ****} for short secrets. */
  public static String mask(String secret) {
    if (secret == null) {
      return "(none)";
    }
    return secret.length() >= 12 ? "****" + secret.substring(secret.length() - 4) : "****";
  }

  @Override
  public String toString() {
    return "base-url=" + baseUrl
        + ", token=" + maskedToken()
        + ", poll-interval=" + Durations.format(pollInterval)
        + ", job-timeout=" + Durations.format(jobTimeout)
        + ", terminal-repolls=" + terminalRepolls
        + ", rate-limit=" + rateLimit
        + ", max-unfinished-jobs=" + maxUnfinishedJobs
        + ", error-reel-url=" + (errorReelUrl == null ? "(unset)" : errorReelUrl)
        + ", server-error-reel-url=" + (serverErrorReelUrl == null ? "(unset)" : serverErrorReelUrl)
        + ", unknown-token=" + (unknownToken == null ? "(unset)" : mask(unknownToken))
        + ", forbidden-token=" + (forbiddenToken == null ? "(unset)" : mask(forbiddenToken))
        + ", reports-dir=" + reportsDir;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() || s.equalsIgnoreCase("none") ? null : s;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
