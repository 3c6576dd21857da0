package dev.reelskit.mock.conformance;

import java.util.Set;

/** Submissions must be JSON with a {@code url} the spec's pattern accepts. */
final class SubmitBodyRule extends RejectionRule {

  SubmitBodyRule() {
    super(
        Set.of("url-required", "url-not-instagram", "malformed-json", "unsupported-media-type"),
        "Content-Type: application/json and a body {\"url\": \"<Instagram Reel URL>\"}");
  }

  @Override
  public String id() {
    return "CC-SPEC-002";
  }

  @Override
  public String title() {
    return "Every submission is a JSON body with an Instagram Reel url";
  }
}
