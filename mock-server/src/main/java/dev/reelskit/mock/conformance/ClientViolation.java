package dev.reelskit.mock.conformance;

import dev.reelskit.mock.internal.conformance.TokenMask;
import dev.reelskit.openapi.model.JobStatus;
import java.util.List;
import java.util.Objects;

/**
 * One breach of a client rule, with the evidence a reader needs to find it in the client's code.
 *
 * @param ruleId the rule broken
 * @param token the fingerprint of the token involved ({@code ist_****3f9a} or {@code <none>})
 * @param jobId the job involved, null when none
 * @param expected what the rule asks for, with the numbers used
 * @param actual what the client did: the gap, count or code measured
 * @param shown the job status the client had been shown before the offending request, null when
 *     none applies
 * @param requests the requests involved, oldest first
 * @param note an explanation worth reading with this violation, null when none
 */
public record ClientViolation(
    String ruleId,
    String token,
    Long jobId,
    String expected,
    String actual,
    JobStatus shown,
    List<TrafficEntry> requests,
    String note) {

  public ClientViolation {
    Objects.requireNonNull(ruleId, "ruleId");
    token = TokenMask.fingerprint(Objects.requireNonNull(token, "token"));
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    requests = List.copyOf(requests);
  }
}
