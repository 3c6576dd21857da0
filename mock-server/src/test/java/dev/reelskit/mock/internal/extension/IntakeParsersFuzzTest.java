package dev.reelskit.mock.internal.extension;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.reelskit.mock.internal.security.HostAllowList;
import dev.reelskit.mock.settings.SecuritySettings;
import dev.reelskit.openapi.ReelsApiSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the mock's intake parsers on their own, where coverage guidance reaches deepest: the
 * analyze body (JSON, URL validation), the {@code Prefer} header, the token rule, and the {@code
 * Host} and {@code Origin} checks. None may throw; each answer must be one the docs describe (a
 * known rejection, a delay within its bound, a valid verdict only for a well-formed token, a
 * foreign host never let in). {@link MockHttpFuzzTest} sends the same kinds of input over HTTP.
 */
class IntakeParsersFuzzTest {

  private static final Pattern REEL_URL = ReelsApiSpec.get().reelUrlPattern();
  private static final Pattern TOKEN = Pattern.compile("ist_[A-Za-z0-9_-]+");
  private static final Set<String> REJECTIONS =
      Set.of(
          "unsupported-media-type",
          "body-too-large",
          "url-required",
          "malformed-json",
          "url-not-string",
          "url-not-instagram");
  private static final String[] TYPES = {"application/json", "text/plain", "APPLICATION/JSON"};
  private static final HostAllowList HOSTS =
      new HostAllowList(
          new SecuritySettings(Set.of("mock.internal", "*.dev.test"), null, false), "127.0.0.1");
  private static final TokenRules TOKENS =
      new TokenRules(List.of(), List.of("ist_revokedToken0000000000000001"), List.of());

  @FuzzTest(maxDuration = "60s")
  @Timeout(10)
  void every_intake_parser_answers_as_documented(FuzzedDataProvider data) {
    String contentType =
        data.consumeBoolean()
            ? null
            : data.consumeBoolean() ? data.pickValue(TYPES) : data.consumeString(30);
    String header = data.consumeString(200);
    String host = data.consumeString(100);
    String origin = data.consumeString(100);
    byte[] body =
        data.consumeBoolean()
            ? ("{\"url\":\"" + data.consumeString(200) + "\"}").getBytes(StandardCharsets.UTF_8)
            : data.consumeRemainingAsBytes();

    AnalyzeBody analyze = AnalyzeBody.parse(contentType, body);
    if (analyze.accepted() != (analyze.url() != null)
        || analyze.accepted() && !REEL_URL.matcher(analyze.url()).matches()
        || !analyze.accepted() && !REJECTIONS.contains(analyze.rejection())) {
      throw new IllegalStateException("analyze body answered " + analyze);
    }

    PreferHeader prefer = PreferHeader.parse(header);
    if (prefer != null
        && (prefer.delayMillis() != null
                && (prefer.delayMillis() < 0
                    || prefer.delayMillis() > PreferHeader.MAX_DELAY_MILLIS)
            || prefer.invalid() != null && prefer.invalid().isBlank())) {
      throw new IllegalStateException("Prefer " + header + " read as " + prefer);
    }

    TokenRules.Check check = TOKENS.check(header);
    if (check.verdict() == TokenRules.Verdict.VALID
        && (check.token() == null || !TOKEN.matcher(check.token()).matches())) {
      throw new IllegalStateException("a valid verdict for " + header);
    }
    if (check.fingerprint() == null
        || check.token() != null
            && TOKEN.matcher(check.token()).matches()
            && check.token().length() > 8
            && check.fingerprint().contains(check.token())) {
      throw new IllegalStateException("a fingerprint that shows the token: " + check);
    }

    boolean hostAllowed = HOSTS.allowsHostHeader(host);
    if (hostAllowed && host.toLowerCase().matches("(evil\\.example|attacker\\.test)(:\\d+)?")) {
      throw new IllegalStateException("a foreign Host let in: " + host);
    }
    boolean originAllowed = HOSTS.allowsOrigin(origin);
    if (originAllowed
        && origin.toLowerCase().matches("https?://(evil\\.example|attacker\\.test)(:\\d+)?")) {
      throw new IllegalStateException("a foreign Origin let in: " + origin);
    }
  }
}
