package dev.reelskit.contract.cli;

import dev.reelskit.contract.internal.time.Durations;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a contract run needs, resolved once. The tokens are held here and nowhere else; {@link
 * #toString()} masks them.
 *
 * <p>Built one way: {@code ContractTestSettings.builder(baseUrl, token)...build()} (or {@link
 * #toBuilder()} to change some values). The command line declares each option once and applies it
 * to the same builder.
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
    Path reportsDir,
    Duration requestTimeout,
    long maxResponseBytes) {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofSeconds(120);
  public static final int DEFAULT_TERMINAL_REPOLLS = 2;
  public static final int DEFAULT_MAX_UNFINISHED_JOBS = 3;

  /** The kit mock's convention: a reel code starting with ERROR ends in {@code error}. */
  public static final String DEFAULT_ERROR_REEL_URL =
      "https://www.instagram.com/reel/ERRORprivate01/";

  /** The kit mock's convention: a reel code starting with HTTP500 is answered with 500. */
  public static final String DEFAULT_SERVER_ERROR_REEL_URL =
      "https://www.instagram.com/reel/HTTP500crash01/";

  public static final Path DEFAULT_REPORTS_DIR = Path.of("contract-reports");

  /** Connect, send, status line, headers and the whole body of one exchange: at most this long. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** The largest response body read; the API's largest documented body is a few KB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 2L * 1024 * 1024;

  public ContractTestSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(jobTimeout, "jobTimeout");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(reportsDir, "reportsDir");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (token.isBlank()) {
      throw new IllegalArgumentException("the token is empty");
    }
    if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("the base URL must be http or https: " + baseUrl);
    }
    if (!positive(pollInterval) || !positive(jobTimeout) || !positive(requestTimeout)) {
      throw new IllegalArgumentException(
          "poll interval, job timeout and request timeout must be positive");
    }
    if (terminalRepolls < 2) {
      throw new IllegalArgumentException("terminal re-polls must be at least 2");
    }
    if (maxUnfinishedJobs < 1) {
      throw new IllegalArgumentException("max unfinished jobs must be at least 1");
    }
    if (maxResponseBytes < 1024) {
      throw new IllegalArgumentException("the response size cap must be at least 1024 bytes");
    }
    errorReelUrl = blankToNull(errorReelUrl);
    serverErrorReelUrl = blankToNull(serverErrorReelUrl);
    unknownToken = blankToNull(unknownToken);
    forbiddenToken =
        forbiddenToken == null || forbiddenToken.isBlank() ? null : forbiddenToken.trim();
    if (token.equals(forbiddenToken)) {
      // RC-AUTH-006 and RC-AUTH-007 would demand opposite answers to the same request.
      throw new IllegalArgumentException("the forbidden token is the token itself");
    }
  }

  /**
   * The one way to build settings: a builder holding the defaults (documented timings and limits,
   * the kit mock's magic reels) for one server; {@link Builder#build()} validates.
   */
  public static Builder builder(String baseUrl, String token) {
    return new Builder(URI.create(stripSlash(Objects.requireNonNull(baseUrl, "baseUrl"))), token);
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder(baseUrl, token);
    b.pollInterval = pollInterval;
    b.jobTimeout = jobTimeout;
    b.terminalRepolls = terminalRepolls;
    b.rateLimit = rateLimit;
    b.maxUnfinishedJobs = maxUnfinishedJobs;
    b.errorReelUrl = errorReelUrl;
    b.serverErrorReelUrl = serverErrorReelUrl;
    b.unknownToken = unknownToken;
    b.forbiddenToken = forbiddenToken;
    b.reportsDir = reportsDir;
    b.requestTimeout = requestTimeout;
    b.maxResponseBytes = maxResponseBytes;
    return b;
  }

  /**
   * Settings one value at a time, starting from the defaults; each setter's default is its field's.
   */
  public static final class Builder {
    private final URI baseUrl;
    private final String token;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration jobTimeout = DEFAULT_JOB_TIMEOUT;
    private int terminalRepolls = DEFAULT_TERMINAL_REPOLLS;
    private RateLimit rateLimit = RateLimit.DOCUMENTED;
    private int maxUnfinishedJobs = DEFAULT_MAX_UNFINISHED_JOBS;
    private String errorReelUrl = DEFAULT_ERROR_REEL_URL;
    private String serverErrorReelUrl = DEFAULT_SERVER_ERROR_REEL_URL;
    private String unknownToken;
    private String forbiddenToken;
    private Path reportsDir = DEFAULT_REPORTS_DIR;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    private Builder(URI baseUrl, String token) {
      this.baseUrl = baseUrl;
      this.token = token;
    }

    /** Time between two polls of one job (the docs: 5 s). */
    public Builder pollInterval(Duration d) {
      pollInterval = d;
      return this;
    }

    /** How long a job may take to reach done or error (the docs' snippets: 120 s). */
    public Builder jobTimeout(Duration d) {
      jobTimeout = d;
      return this;
    }

    /** Polls after done/error that must show the same job; at least 2. */
    public Builder terminalRepolls(int n) {
      terminalRepolls = n;
      return this;
    }

    /** The suite's own request budget per token (the docs: 10 a minute). */
    public Builder rateLimit(RateLimit r) {
      rateLimit = r;
      return this;
    }

    /** Jobs the suite keeps pending or processing at once (the docs: 3). */
    public Builder maxUnfinishedJobs(int n) {
      maxUnfinishedJobs = n;
      return this;
    }

    /** A submission the server ends in {@code error}; null (or "none") skips RC-ERR-001. */
    public Builder errorReelUrl(String url) {
      errorReelUrl = url;
      return this;
    }

    /** A submission the server answers with 500; null (or "none") skips RC-ERR-002. */
    public Builder serverErrorReelUrl(String url) {
      serverErrorReelUrl = url;
      return this;
    }

    /** A well-formed token the server does not know; null skips RC-AUTH-004. */
    public Builder unknownToken(String t) {
      unknownToken = t;
      return this;
    }

    /**
     * A valid token the server refuses with 403 because it lacks the permission; null skips
     * RC-AUTH-007. A secret: masked like the token in every report and log.
     */
    public Builder forbiddenToken(String t) {
      forbiddenToken = t;
      return this;
    }

    /** Where the launcher writes its reports (JUnit XML, HTML). */
    public Builder reportsDir(Path dir) {
      reportsDir = dir;
      return this;
    }

    /** The longest one exchange may take, body included; a server that drips is cut off here. */
    public Builder requestTimeout(Duration d) {
      requestTimeout = d;
      return this;
    }

    /** The most bytes read of one response body; more is reported as a failure. */
    public Builder maxResponseBytes(long bytes) {
      maxResponseBytes = bytes;
      return this;
    }

    public ContractTestSettings build() {
      return new ContractTestSettings(
          baseUrl,
          token,
          pollInterval,
          jobTimeout,
          terminalRepolls,
          rateLimit,
          maxUnfinishedJobs,
          errorReelUrl,
          serverErrorReelUrl,
          unknownToken,
          forbiddenToken,
          reportsDir,
          requestTimeout,
          maxResponseBytes);
    }
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
    return "base-url="
        + baseUrl
        + ", token="
        + maskedToken()
        + ", poll-interval="
        + Durations.format(pollInterval)
        + ", job-timeout="
        + Durations.format(jobTimeout)
        + ", terminal-repolls="
        + terminalRepolls
        + ", rate-limit="
        + rateLimit
        + ", max-unfinished-jobs="
        + maxUnfinishedJobs
        + ", error-reel-url="
        + (errorReelUrl == null ? "(unset)" : errorReelUrl)
        + ", server-error-reel-url="
        + (serverErrorReelUrl == null ? "(unset)" : serverErrorReelUrl)
        + ", unknown-token="
        + (unknownToken == null ? "(unset)" : mask(unknownToken))
        + ", forbidden-token="
        + (forbiddenToken == null ? "(unset)" : mask(forbiddenToken))
        + ", reports-dir="
        + reportsDir
        + ", request-timeout="
        + Durations.format(requestTimeout)
        + ", max-response-bytes="
        + maxResponseBytes;
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() || s.equalsIgnoreCase("none") ? null : s;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
