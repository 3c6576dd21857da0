package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.internal.http.Exchange.Auth;
import dev.reelskit.contract.internal.http.ReelsHttp;
import dev.reelskit.contract.rules.ContractConfigurationException;
import java.util.Locale;

/**
 * One request before the run, so that a run that cannot judge anything ends in seconds with one
 * line naming why: a submission without a url, which a Reels API refuses with 400 and creates no
 * job from. It answers whether the server is reachable, takes the token and serves the API under
 * the base URL, and it carries the server's limits announcement. Any other answer (a 400, a 500, a
 * redirect, a 202) is left to the rules to judge.
 *
 * @param exchange what came back; null when nothing did
 * @param failure one line saying why the run cannot go on; null when it can
 */
record Preflight(Exchange exchange, String failure) {

  static Preflight check(ContractTestSettings settings) {
    Exchange e;
    try {
      e = new ReelsHttp(settings, x -> {}).submit("preflight", Auth.VALID, "{}");
    } catch (ContractConfigurationException ex) {
      return new Preflight(null, ex.getMessage());
    }
    String answered =
        e.method()
            + " "
            + e.url()
            + " answered "
            + e.status()
            + " "
            + (e.contentType() == null ? "(no content type)" : e.contentType())
            + snippet(e.body());
    String why =
        switch (e.status()) {
          case 401 ->
              "the server refused the token "
                  + settings.maskedToken()
                  + " (REELS_TOKEN or --token-file): "
                  + answered;
          case 403 -> "the token " + settings.maskedToken() + " lacks the permission: " + answered;
          case 404, 405 ->
              "no Reels API under "
                  + settings.baseUrl()
                  + ": "
                  + answered
                  + "; --base-url is the server's root, the suite adds /api/v1/reels itself";
          default -> html(e) && e.status() < 300 ? "not the Reels API: " + answered : null;
        };
    return new Preflight(e, why);
  }

  /** The limits the server announced with its answer, or null. */
  String announcement() {
    return exchange == null ? null : exchange.limits();
  }

  private static boolean html(Exchange e) {
    return e.contentType() != null && e.contentType().toLowerCase(Locale.ROOT).contains("html");
  }

  private static String snippet(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String line = body.replaceAll("\\s+", " ").trim();
    return " " + (line.length() > 120 ? line.substring(0, 120) + "..." : line);
  }
}
