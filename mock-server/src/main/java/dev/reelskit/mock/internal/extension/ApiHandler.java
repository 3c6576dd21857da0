package dev.reelskit.mock.internal.extension;

import static dev.reelskit.mock.internal.extension.SpecResponses.bytes;

import com.github.tomakehurst.wiremock.http.Request;
import dev.reelskit.mock.internal.jobs.Job;
import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.mock.internal.jobs.Outcomes;
import dev.reelskit.openapi.model.AnalyzeAccepted;
import dev.reelskit.openapi.model.ApiError;
import dev.reelskit.openapi.model.JobStatus;
import dev.reelskit.openapi.model.MessageError;
import dev.reelskit.openapi.model.ReelJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The API itself, one request at a time, in the order DESIGN.md gives: auth (401/403), rate limit
 * (429), a forced response ({@code Prefer}), validation (400/404/405), then the job engine. Every
 * body is a spec example or a model object serialised with the kit's mapper.
 */
final class ApiHandler {

  private final JobStore jobs;
  private final TokenRules tokens;
  private final RateLimiter limiter; // null when rate limiting is off
  private final SpecResponses spec;

  ApiHandler(JobStore jobs, TokenRules tokens, RateLimiter limiter, SpecResponses spec) {
    this.jobs = jobs;
    this.tokens = tokens;
    this.limiter = limiter;
    this.spec = spec;
  }

  ApiResponse handle(Request request, String path, TokenRules.Check auth) {
    Route route = Route.of(request.getMethod().getName(), path);
    String op = route.operation();
    switch (auth.verdict()) {
      case MISSING:
        return ApiResponse.rejected(401, spec.body("InvalidTokenError"), op, "missing-token");
      case INVALID:
        return ApiResponse.rejected(401, spec.body("InvalidTokenError"), op, "invalid-token");
      case REVOKED:
        return ApiResponse.rejected(401, spec.body("InvalidTokenError"), op, "revoked-token");
      case FORBIDDEN:
        return ApiResponse.rejected(403, spec.body("ForbiddenError"), op, "forbidden");
      default:
        break;
    }
    Instant now = jobs.clock().now();
    if (limiter != null) {
      Duration wait = limiter.admitRequest(auth.token(), now);
      if (wait != null) {
        return tooMany("RateLimitedError", op, "rate-limited", wait);
      }
    }
    if (!route.pathKnown()) {
      return ApiResponse.rejected(404, SpecResponses.errorBytes(new ApiError().error("no such endpoint: " + path)),
          null, "unknown-path");
    }
    if (op == null) {
      return ApiResponse.rejected(405,
              SpecResponses.errorBytes(new ApiError().error("method not allowed; this path supports "
                  + route.allow())), null, "method-not-allowed")
          .withHeaders(Map.of("Allow", route.allow()));
    }
    PreferHeader prefer = PreferHeader.parse(request.getHeader("Prefer"));
    if (prefer != null) {
      return forced(op, prefer);
    }
    return op.equals(Route.ANALYZE) ? analyze(request, auth, now) : getReel(route);
  }

  private ApiResponse analyze(Request request, TokenRules.Check auth, Instant now) {
    AnalyzeBody body = AnalyzeBody.parse(request.getHeader("Content-Type"), request.getBody());
    if (!body.accepted()) {
      byte[] bytes = switch (body.rejection()) {
        case "url-required" -> spec.body("UrlRequiredError");
        case "url-not-instagram" -> spec.body("NotInstagramError");
        default -> SpecResponses.errorBytes(new MessageError().message(body.message()));
      };
      return ApiResponse.rejected(400, bytes, Route.ANALYZE, body.rejection());
    }
    if (Outcomes.isServerFailure(body.url())) {
      return ApiResponse.rejected(500, spec.body("ServerMessageError"), Route.ANALYZE,
          "simulated-server-error");
    }
    if (limiter != null) {
      Duration wait = limiter.admitJob(auth.token(), now);
      if (wait != null) {
        return tooMany("TooManyJobsError", Route.ANALYZE, "too-many-jobs", wait);
      }
    }
    Job job = jobs.create(body.url(), auth.fingerprint());
    if (limiter != null) {
      limiter.jobCreated(auth.token(), job.id());
    }
    AnalyzeAccepted accepted =
        new AnalyzeAccepted().id(job.id()).status(AnalyzeAccepted.StatusEnum.PENDING);
    return new ApiResponse(202, bytes(accepted), Map.of(), Route.ANALYZE, job.id(),
        JobStatus.PENDING, null, null);
  }

  private ApiResponse getReel(Route route) {
    long id = route.jobId();
    Job job = id < 0 ? null : jobs.poll(id).orElse(null);
    if (job == null) {
      return ApiResponse.rejected(404, spec.body("NotFoundError"), Route.GET, "not-found");
    }
    return new ApiResponse(200, JobJson.bytes(render(job)), Map.of(), Route.GET, job.id(), job.status(),
        null, null);
  }

  /** The job as the spec's {@code ReelJob}: result only when done, error only when failed. */
  static ReelJob render(Job job) {
    ReelJob body = new ReelJob().id(job.id()).url(job.url()).status(job.status())
        .createdAt(job.createdAt());
    if (job.status() == JobStatus.DONE) {
      body.result(job.outcome().analysis());
    } else if (job.status() == JobStatus.ERROR) {
      body.error(job.outcome().error());
    }
    return body;
  }

  private ApiResponse tooMany(String example, String op, String rejection, Duration wait) {
    long seconds = jobs.clock().wallSecondsFor(wait);
    return new ApiResponse(429, spec.body(example), Map.of("Retry-After", Long.toString(seconds)),
        op, null, null, wait, rejection);
  }

  private ApiResponse forced(String op, PreferHeader prefer) {
    return spec.preferred(op, prefer.code(), prefer.example())
        .map(e -> {
          JobStatus shown = e.value().has("status") && e.value().has("created_at")
              ? JobStatus.fromValue(e.value().get("status").asText()) : null;
          Map<String, String> headers = e.retryAfterSeconds() == null
              ? Map.of() : Map.of("Retry-After", e.retryAfterSeconds().toString());
          Duration retry = e.retryAfterSeconds() == null
              ? null : Duration.ofSeconds(e.retryAfterSeconds());
          return new ApiResponse(e.status(), e.body(), headers, op, null, shown, retry, "forced");
        })
        .orElseGet(() -> ApiResponse.rejected(400, SpecResponses.errorBytes(new MessageError().message(
            "Prefer asks for a response " + op + " does not document (code="
                + prefer.code() + ", example=" + prefer.example() + ")")), op, "prefer-unknown"));
  }
}
