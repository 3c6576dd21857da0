package dev.reelskit.mock.internal.extension;

import static dev.reelskit.mock.internal.extension.SpecResponses.bytes;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.reelskit.mock.internal.jobs.Job;
import dev.reelskit.mock.internal.jobs.JobBodies;
import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.mock.internal.jobs.Outcome;
import dev.reelskit.mock.internal.jobs.Outcomes;
import dev.reelskit.mock.internal.jobs.StateFileUnavailableException;
import dev.reelskit.openapi.model.AnalyzeAccepted;
import dev.reelskit.openapi.model.ApiError;
import java.time.Duration;
import java.util.Map;

/**
 * The job engine behind the API's stub mappings ({@link ApiStubs}): creates a job on {@code POST
 * /api/v1/reels/analyze}, reads and advances one on {@code GET /api/v1/reels/{id}}, and answers
 * 404/405 for any other path under {@code /api} no user stub took. Runs after the request filters
 * (auth, rate limit, {@code Prefer}, validation), so what reaches it is an authorised request.
 */
final class ReelsApiTransformer extends StubTransformer {

  static final String NAME = "reels-api";

  /** What a 503 for a state file that takes no writes asks a client to wait. */
  static final int STATE_FILE_RETRY_SECONDS = 5;

  /** How long each poll of a {@code SLOW...} job takes. */
  static final int SLOW_POLL_MILLIS = 3_000;

  private final JobStore jobs;
  private final ApiRequest.Views views;
  private final RateLimiter limiter; // null when the rate limit emulation is off
  private final SpecResponses spec;
  private final FlakyPolls flaky = new FlakyPolls();
  private final boolean isolateTokens;
  private final boolean rotateReadings;

  ReelsApiTransformer(
      JobStore jobs,
      ApiRequest.Views views,
      RateLimiter limiter,
      SpecResponses spec,
      boolean isolateTokens,
      boolean rotateReadings) {
    super(NAME);
    this.jobs = jobs;
    this.views = views;
    this.limiter = limiter;
    this.spec = spec;
    this.isolateTokens = isolateTokens;
    this.rotateReadings = rotateReadings;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    ApiRequest request = views.of(serveEvent);
    Route route = request.route();
    if (!route.pathKnown()) {
      return ApiResponse.rejected(
              404,
              SpecResponses.errorBytes(
                  new ApiError().message("no such endpoint: " + request.path()).status("error")),
              null,
              "unknown-path")
          .toDefinition();
    }
    if (route.operation() == null) {
      return ApiResponse.rejected(
              405,
              SpecResponses.errorBytes(
                  new ApiError().error("method not allowed; this path supports " + route.allow())),
              null,
              "method-not-allowed")
          .withHeaders(Map.of("Allow", route.allow()))
          .toDefinition();
    }
    try {
      return route.operation().equals(Route.ANALYZE)
          ? analyze(request).toDefinition()
          : getReel(route.jobId(), request);
    } catch (StateFileUnavailableException e) {
      // Nothing was acknowledged: the job was not created, or the status not shown. The disk may
      // come back (the journal retries by itself), so: retry later, as the docs advise for 503.
      return new ApiResponse(
              503,
              SpecResponses.errorBytes(
                  new ApiError()
                      .message(
                          "the mock cannot save to its state file now ("
                              + e.getMessage()
                              + "); nothing was changed, retry later")),
              Map.of("Retry-After", Integer.toString(STATE_FILE_RETRY_SECONDS)),
              route.operation(),
              null,
              null,
              Duration.ofSeconds(STATE_FILE_RETRY_SECONDS),
              "state-file-unavailable")
          .toDefinition();
    } catch (IllegalStateException e) { // the state file could not be written
      return ApiResponse.rejected(
              500, spec.body("ServerMessageError"), route.operation(), "state-file-error")
          .toDefinition();
    }
  }

  private ApiResponse analyze(ApiRequest request) {
    AnalyzeBody body = request.analyzeBody();
    if (!body.accepted()) { // the validation filter refuses these first; kept for safety
      return AnalyzeValidationFilter.refusal(spec, body);
    }
    if (Outcomes.isServerFailure(body.url())) {
      return ApiResponse.rejected(
          500, spec.body("ServerMessageError"), Route.ANALYZE, "simulated-server-error");
    }
    String token = request.token();
    if (limiter != null) {
      Duration wait = limiter.admitJob(token, request.tenant().now());
      if (wait != null) {
        return RateLimitFilter.tooMany(
            limiter, spec, "TooManyJobsError", Route.ANALYZE, "too-many-jobs", wait);
      }
    }
    PreferHeader prefer = request.prefer();
    Job job =
        jobs.create(body.url(), request.owner(), prefer == null ? null : prefer.pinnedState());
    if (limiter != null) {
      limiter.jobCreated(token, job.id());
    }
    ReadingRotation.Reading reading = rotateReadings ? ReadingRotation.of(job.url()) : null;
    AnalyzeAccepted accepted =
        new AnalyzeAccepted()
            .id(reading == null ? job.id() : reading.shownId(job.id()))
            .status(AnalyzeAccepted.StatusEnum.fromValue(job.status().getValue()));
    return new ApiResponse(
        202,
        bytes(accepted),
        reading == null ? Map.of() : Map.of(ReadingRotation.HEADER, reading.describe()),
        Route.ANALYZE,
        job.id(),
        job.status(),
        null,
        null);
  }

  /**
   * The stored job a shown id names, as stored (one read of the store): with rotating readings a
   * {@code large} job answers only to its large id, any other only to its own; null for none.
   */
  private Job stored(long shown) {
    if (shown < 0) {
      return null;
    }
    if (!rotateReadings) {
      return jobs.find(shown);
    }
    boolean large = shown > ReadingRotation.LARGE_ID_OFFSET;
    Job job = jobs.find(large ? shown - ReadingRotation.LARGE_ID_OFFSET : shown);
    return job != null && ReadingRotation.of(job.url()).largeId() == large ? job : null;
  }

  private ResponseDefinition getReel(long shownId, ApiRequest request) {
    Job found = stored(shownId);
    if (found != null && isolateTokens && !JobStore.visibleTo(found, request.owner())) {
      found = null; // another token's job: the same 404 as an unknown id
    }
    if (found == null) {
      return ApiResponse.rejected(404, spec.body("NotFoundError"), Route.GET, "not-found")
          .toDefinition();
    }
    long id = found.id();
    Outcome outcome = found.outcome();
    if (outcome.polls() == Outcome.Polls.FLAKY && flaky.fails(id)) {
      return new ApiResponse(
              500,
              spec.body("ServerMessageError"),
              Map.of(),
              Route.GET,
              id,
              null,
              null,
              "simulated-flaky-poll")
          .toDefinition();
    }
    Job job = jobs.poll(found).orElse(null);
    if (job == null) { // deleted or evicted since the lookup above
      return ApiResponse.rejected(404, spec.body("NotFoundError"), Route.GET, "not-found")
          .toDefinition();
    }
    ReadingRotation.Reading reading = rotateReadings ? ReadingRotation.of(job.url()) : null;
    ApiResponse ok =
        new ApiResponse(
            200,
            reading == null
                ? JobJson.bytes(JobBodies.api(job))
                : ReadingRotation.render(JobBodies.api(job), reading),
            reading == null ? Map.of() : Map.of(ReadingRotation.HEADER, reading.describe()),
            Route.GET,
            job.id(),
            job.status(),
            null,
            null);
    return outcome.polls() == Outcome.Polls.SLOW
        ? ok.builder().withFixedDelay(SLOW_POLL_MILLIS).build()
        : ok.toDefinition();
  }
}
