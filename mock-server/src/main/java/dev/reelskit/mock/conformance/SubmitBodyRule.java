package dev.reelskit.mock.conformance;

import java.util.Set;

/**
 * Submissions must be JSON with a {@code url} the spec's pattern accepts: every 400 the mock gives
 * a submission for its body, whatever the reason (see {@code AnalyzeBody}), is a violation.
 */
final class SubmitBodyRule extends RejectionRule {

  SubmitBodyRule() {
    super(
        ClientRules.SUBMIT_BODY,
        "Every submission is a JSON body with an Instagram Reel url",
        Set.of(
            "unsupported-media-type",
            "body-too-large",
            "malformed-json",
            "url-required",
            "url-not-string",
            "url-not-instagram"),
        "Content-Type: application/json and a body {\"url\": \"<Instagram Reel URL>\"}");
  }
}
