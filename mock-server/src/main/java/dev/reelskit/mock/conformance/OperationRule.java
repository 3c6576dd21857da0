package dev.reelskit.mock.conformance;

import java.util.Set;

/** Requests must use one of the spec's two operations: right path, right method. */
final class OperationRule extends RejectionRule {

  OperationRule() {
    super(
        ClientRules.OPERATION,
        "Every request is a documented operation (path and method)",
        Set.of("unknown-path", "method-not-allowed"),
        "POST /api/v1/reels/analyze or GET /api/v1/reels/{id}");
  }
}
