package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.reelskit.openapi.model.JobStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the mock's own filters and transformers tell the traffic record about an answer (operation,
 * job, status shown, Retry-After, rejection), carried in the served response definition's
 * transformer parameters under {@link #KEY}: WireMock keeps them with the serve event, so nothing
 * is kept per request on the side. Plain strings and numbers, so a journal can serialise them.
 */
record Served(
    String operation, Long jobId, JobStatus shown, Duration retryAfter, String rejection) {

  static final String KEY = "reels-served";

  static Map<String, Object> of(ApiResponse r) {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "operation", r.operation());
    put(m, "jobId", r.jobId());
    put(m, "shown", r.shown() == null ? null : r.shown().getValue());
    put(m, "retryAfterMillis", r.retryAfter() == null ? null : r.retryAfter().toMillis());
    put(m, "rejection", r.rejection());
    return m;
  }

  /** What the mock said about this answer; null when a user stub answered. */
  static Served from(ServeEvent event) {
    Parameters p =
        event.getResponseDefinition() == null
            ? null
            : event.getResponseDefinition().getTransformerParameters();
    Object value = p == null ? null : p.get(KEY);
    if (!(value instanceof Map<?, ?> m)) {
      return null;
    }
    Object job = m.get("jobId");
    Object shown = m.get("shown");
    Object retry = m.get("retryAfterMillis");
    return new Served(
        (String) m.get("operation"),
        job instanceof Number n ? n.longValue() : null,
        shown == null ? null : JobStatus.fromValue(shown.toString()),
        retry instanceof Number n ? Duration.ofMillis(n.longValue()) : null,
        (String) m.get("rejection"));
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
