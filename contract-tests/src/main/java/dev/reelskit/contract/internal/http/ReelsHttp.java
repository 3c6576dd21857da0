package dev.reelskit.contract.internal.http;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.http.Exchange.Auth;
import dev.reelskit.contract.rules.ContractConfigurationException;
import dev.reelskit.openapi.ReelsApiSpec;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suite's only way to talk to the server. Every request goes through one shared REST Assured
 * specification (base URL, masking log filter), waits for the request budget, is validated against
 * the OpenAPI document and recorded as a masked {@link Exchange}. A 429 pauses the budget for
 * {@code Retry-After} and the request is sent again.
 */
public final class ReelsHttp {

  private static final Logger LOG = LoggerFactory.getLogger("dev.reelskit.contract.progress");

  /** A syntactically broken token: not alphanumeric after the prefix. */
  static final String MALFORMED_TOKEN = "ist_not-alphanumeric!";

  /** The header a server may send to say which version of the API document it implements. */
  public static final String API_VERSION_HEADER = "X-Reels-Api-Version";

  /** The kit mock's announcement of the limits it enforces ({@code none} when it has none). */
  public static final String LIMITS_HEADER = "X-Reels-Limits";

  /** The IETF draft's header for a quota policy, e.g. {@code "default";q=10;w=60}. */
  public static final String RATE_LIMIT_POLICY_HEADER = "RateLimit-Policy";

  private final ContractTestSettings settings;
  private final RequestBudget budget;
  private final Masker masker;
  private final Consumer<Exchange> recorder;
  private final RequestSpecification shared;
  private final GuardedTransport transport;
  private final long startNanos = System.nanoTime();

  public ReelsHttp(ContractTestSettings settings, Consumer<Exchange> recorder) {
    this.settings = settings;
    this.budget =
        RequestBudget.forTarget(
            settings.baseUrl().toString(), settings.token(), settings.rateLimit());
    // The forbidden token is a credential too; Masker drops the null when it is not configured.
    this.masker = new Masker(Arrays.asList(settings.token(), settings.forbiddenToken()));
    this.recorder = recorder;
    SpecValidator.get();
    this.transport = new GuardedTransport(settings.requestTimeout(), settings.maxResponseBytes());
    int timeout = (int) Math.min(Integer.MAX_VALUE, settings.requestTimeout().toMillis());
    this.shared =
        new RequestSpecBuilder()
            .setBaseUri(settings.baseUrl().toString())
            .setConfig(
                RestAssuredConfig.config()
                    // The documented API never redirects; following one would replay the
                    // Authorization header to whatever origin the Location names. A 3xx is judged.
                    .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                    .httpClient(
                        HttpClientConfig.httpClientConfig()
                            .httpClientFactory(transport::createHttpClient)
                            .setParam("http.connection.timeout", Math.min(timeout, 10_000))
                            .setParam("http.socket.timeout", timeout)
                            // A peer that is not HTTP: no endless garbage lines, no endless line.
                            .setParam("http.connection.max-status-line-garbage", 0)
                            .setParam("http.connection.max-line-length", 16 * 1024)
                            .setParam("http.connection.max-header-count", 200)))
            .addFilter(new MaskingLogFilter(masker))
            .build();
  }

  public Masker masker() {
    return masker;
  }

  public long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** Requests the budget would let start now. */
  public int freeSlots() {
    return budget.freeSlots();
  }

  public Exchange submit(String label, Auth auth, String jsonBody) {
    return send(label, auth, "POST", ReelsApiSpec.ANALYZE_PATH, jsonBody);
  }

  public Exchange read(String label, Auth auth, String jobId) {
    return send(label, auth, "GET", ReelsApiSpec.JOB_PATH.replace("{id}", jobId), null);
  }

  private Exchange send(String label, Auth auth, String method, String path, String body) {
    Duration waited = Duration.ZERO;
    // Long enough for any honest Retry-After, bounded so a server that only says 429 cannot hang
    // CI.
    Duration window = settings.rateLimit().per().multipliedBy(2);
    Duration cap = settings.jobTimeout().compareTo(window) > 0 ? settings.jobTimeout() : window;
    int attempt = 0;
    while (true) {
      try {
        budget.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ContractConfigurationException(
            "interrupted while waiting for the request budget", e);
      }
      Exchange exchange;
      try {
        exchange = execute(label, auth, method, path, body);
      } finally {
        budget.release();
      }
      recorder.accept(exchange);
      if (exchange.status() != 429) {
        return exchange;
      }
      Duration wait = retryAfter(exchange.retryAfter(), attempt++);
      if (waited.plus(wait).compareTo(cap) > 0) {
        LOG.warn(
            "{} {}: still 429 after waiting {} ms; giving up on this request",
            method,
            path,
            waited.toMillis());
        return exchange;
      }
      LOG.info(
          "429 on {} {}: waiting {} ms (Retry-After: {})",
          method,
          path,
          wait.toMillis(),
          exchange.retryAfter() == null ? "absent" : exchange.retryAfter());
      waited = waited.plus(wait);
      budget.pauseFor(wait);
    }
  }

  /**
   * Retry-After in seconds as the spec says; without one, back off exponentially from the poll
   * interval.
   */
  private Duration retryAfter(String header, int attempt) {
    if (header != null) {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
      } catch (NumberFormatException ignored) {
        // An HTTP-date or garbage: RC-RATE-001 reports it; fall back to backing off.
      }
    }
    long base = Math.max(settings.pollInterval().toMillis(), 100);
    return Duration.ofMillis(Math.min(base << Math.min(attempt, 10), 60_000));
  }

  private Exchange execute(String label, Auth auth, String method, String path, String body) {
    Recorder recording = new Recorder(path);
    RequestSpecification request = RestAssured.given().spec(shared).filter(recording);
    String authorization = authorization(auth);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request.contentType("application/json").body(body);
    }
    long at = elapsedMillis();
    Response response;
    String responseBody;
    GuardedTransport.Deadline guard = transport.begin();
    try (guard) {
      response = "POST".equals(method) ? request.post(path) : request.get(path);
      responseBody = response.getBody().asString();
    } catch (Exception e) {
      throw new ContractConfigurationException(
          transportFailure(method, path, e, guard.expired()), e);
    }
    return new Exchange(
        label,
        auth,
        method,
        masker.text(recording.url),
        recording.headers,
        masker.text(body),
        response.getStatusCode(),
        response.getHeader("Content-Type"),
        response.getHeader("Retry-After"),
        masker.text(responseBody),
        at,
        recording.specErrors,
        response.getHeader(API_VERSION_HEADER),
        response.getHeader(LIMITS_HEADER) != null
            ? response.getHeader(LIMITS_HEADER)
            : response.getHeader(RATE_LIMIT_POLICY_HEADER));
  }

  /**
   * One line saying what went wrong below HTTP: the run cannot judge a server it cannot talk to.
   */
  private String transportFailure(String method, String path, Exception e, boolean expired) {
    String target = method + " " + settings.baseUrl() + path;
    if (expired) {
      return "no complete answer to "
          + target
          + " within "
          + settings.requestTimeout().toMillis()
          + " ms (--request-timeout)";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GuardedTransport.ResponseTooLarge) {
        return "the " + target + " " + t.getMessage();
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why =
        root.getClass().getSimpleName()
            + (root.getMessage() == null ? "" : ": " + root.getMessage());
    if (root instanceof org.apache.http.ProtocolException
        || String.valueOf(root.getMessage()).contains("line length limit")) {
      why = "the answer is not HTTP (" + why + ")";
    }
    return "cannot reach "
        + settings.baseUrl()
        + " ("
        + target
        + "): "
        + masker.text(why).replaceAll("\\s+", " ");
  }

  private String authorization(Auth auth) {
    return switch (auth) {
      case VALID -> "Bearer " + settings.token();
      case NONE -> null;
      case WRONG_SCHEME -> "Token " + settings.token();
      case NO_SCHEME -> settings.token();
      case MALFORMED -> "Bearer " + MALFORMED_TOKEN;
      case UNKNOWN -> "Bearer " + settings.unknownToken();
      case FORBIDDEN -> "Bearer " + settings.forbiddenToken();
    };
  }

  /** Captures what went on the wire (masked) and validates what came back against the spec. */
  private final class Recorder implements Filter {
    private final String path;
    private String url;
    private final List<String> headers = new ArrayList<>();
    private List<String> specErrors = List.of();

    Recorder(String path) {
      this.path = path;
    }

    @Override
    public Response filter(
        FilterableRequestSpecification request,
        FilterableResponseSpecification responseSpec,
        FilterContext ctx) {
      url = request.getURI();
      request.getHeaders().forEach(h -> headers.add(masker.header(h.getName(), h.getValue())));
      Response response = ctx.next(request, responseSpec);
      specErrors =
          SpecValidator.validateResponse(path, request.getMethod(), response).stream()
              .map(masker::text)
              .toList();
      return response;
    }
  }
}
