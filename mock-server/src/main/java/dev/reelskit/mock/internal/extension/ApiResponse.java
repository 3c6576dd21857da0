package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;
import java.util.Map;

/**
 * What the API answers to one request, with what the traffic record needs to know about it.
 *
 * @param headers extra headers besides Content-Type (e.g. Retry-After, Allow)
 * @param retryAfter the wait a 429 asks for, in mock time
 */
record ApiResponse(
    int status,
    byte[] body,
    Map<String, String> headers,
    String operation,
    Long jobId,
    JobStatus shown,
    Duration retryAfter,
    String rejection) {

  static ApiResponse rejected(int status, byte[] body, String operation, String rejection) {
    return new ApiResponse(status, body, Map.of(), operation, null, null, null, rejection);
  }

  ApiResponse withHeaders(Map<String, String> extra) {
    return new ApiResponse(status, body, extra, operation, jobId, shown, retryAfter, rejection);
  }

  /** As WireMock serves it, with what the traffic record needs carried along ({@link Served}). */
  ResponseDefinition toDefinition() {
    return builder().build();
  }

  ResponseDefinitionBuilder builder() {
    ResponseDefinitionBuilder b =
        new ResponseDefinitionBuilder()
            .withStatus(status)
            .withHeader("Content-Type", "application/json")
            .withTransformerParameter(Served.KEY, Served.of(this));
    headers.forEach(b::withHeader);
    return body == null ? b : b.withBody(body);
  }
}
