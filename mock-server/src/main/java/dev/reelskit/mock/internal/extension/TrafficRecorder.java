package dev.reelskit.mock.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.reelskit.mock.conformance.TrafficEntry;
import dev.reelskit.mock.conformance.TrafficLog;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.JobStatus;
import java.io.IOException;

/**
 * Records every request under {@code /api} in the bounded traffic record the client rules judge,
 * whoever answered it: the mock's filters and engine say what they did ({@link Served}); for a
 * user's stub the record keeps what the client saw (status, and the job status in a JSON body). The
 * job id is recorded for every request whose path names one, refused ones included.
 */
final class TrafficRecorder extends NamedExtension implements ServeEventListener {
  /** Bodies of user stubs larger than this are not read for a job status. */
  private static final int MAX_BODY_READ = 64 * 1024;

  /** Longer paths are cut here in the record (no documented path comes near it). */
  static final int MAX_PATH = 512;

  private final TrafficLog traffic;
  private final ApiRequest.Views views;

  /** Times are the client's: its tenant's clock ({@link ApiRequest#tenant}). */
  TrafficRecorder(TrafficLog traffic, ApiRequest.Views views) {
    super("reels-traffic");
    this.traffic = traffic;
    this.views = views;
  }

  @Override
  public void beforeResponseSent(ServeEvent event, Parameters parameters) {
    ApiRequest request = views.of(event);
    String path = request.path();
    String method = request.method();
    if (!request.isApi() || method.equals("OPTIONS")) {
      return; // a CORS preflight is the browser's, not the client's: no rule judges it
    }
    Route route = request.route();
    Served served = Served.from(event);
    LoggedResponse response = event.getResponse();
    int status = response == null ? 0 : response.getStatus();
    String operation = served == null ? route.operation() : served.operation();
    Long jobId =
        served != null && served.jobId() != null
            ? served.jobId()
            : route.jobId() > 0 ? Long.valueOf(route.jobId()) : null;
    JobStatus shown = served != null ? served.shown() : shownByStub(route, status, response);
    String fingerprint = request.auth().fingerprint();
    java.time.Instant at = request.tenant().now();
    // Paths are peer input up to Jetty's 8 KB request line: 10,000 of those would be 80 MB.
    String kept = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "..." : path;
    traffic.recordNext(
        seq ->
            new TrafficEntry(
                seq,
                at,
                fingerprint,
                method,
                kept,
                operation,
                jobId,
                status,
                shown,
                served == null ? null : served.retryAfter(),
                served == null ? null : served.rejection()));
  }

  private static JobStatus shownByStub(Route route, int status, LoggedResponse response) {
    if (!Route.GET.equals(route.operation())
        || status != 200
        || response == null
        || response.getBody() == null
        || response.getBody().length > MAX_BODY_READ) {
      return null;
    }
    try {
      JsonNode s = ReelsJson.mapper().readTree(response.getBody()).path("status");
      return s.isTextual() ? JobStatus.fromValue(s.asText()) : null;
    } catch (IOException | IllegalArgumentException e) {
      return null; // not a job: the client saw no status
    }
  }
}
