package dev.reelskit.contract.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.reelskit.mock.conformance.TrafficEntry;
import dev.reelskit.mock.junit5.ReelsMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that cannot judge anything ends in seconds with one line naming why: a refused token, a
 * base URL that is not the API's root (an HTML page, a prefix that 404s every route, one ending in
 * /api/v1), a mistyped flag. Each sends at most the one preflight request.
 */
class FailFastTest {

  private static final String KNOWN = "ist_theOnlyKnownToken000000001";
  private static final String OTHER = "ist_notKnownAtAll0000000000Zz9";

  @RegisterExtension
  static final ReelsMockExtension MOCK =
      ReelsMockExtension.builder().tokens(Set.of(KNOWN), Set.of(), Set.of()).build();

  @TempDir Path reports;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private long millis;

  private int run(String token, String... args) {
    MOCK.traffic().clear();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--reports-dir";
    all[args.length + 1] = reports.toString();
    long start = System.nanoTime();
    int code =
        new ContractRunner(
                Map.of("REELS_TOKEN", token),
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(all);
    millis = (System.nanoTime() - start) / 1_000_000;
    return code;
  }

  private List<String> errorLines() {
    return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("ERROR")).toList();
  }

  @Test
  void a_refused_token_ends_the_run_after_one_request_with_exit_2() {
    int code = run(OTHER, "--base-url", MOCK.baseUrl());

    assertThat(code).isEqualTo(2);
    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith("ERROR the server refused the token ****0Zz9")
        .contains("answered 401")
        .doesNotContain(OTHER);
    assertThat(MOCK.traffic().snapshot()).hasSize(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Summary", "RC-");
    assertThat(millis).isLessThan(10_000);
  }

  @Test
  void a_path_prefix_that_404s_every_route_ends_the_run_with_exit_2() {
    int code = run(KNOWN, "--base-url", MOCK.baseUrl() + "/reels-api");

    assertThat(code).isEqualTo(2);
    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith("ERROR no Reels API under " + MOCK.baseUrl() + "/reels-api: POST ")
        .contains("answered 404", "--base-url is the server's root");
    assertThat(millis).isLessThan(10_000);
  }

  @Test
  void a_base_url_ending_in_api_v1_is_bad_usage_with_the_root_suggested() {
    int code = run(KNOWN, "--base-url", MOCK.baseUrl() + "/api/v1/");

    assertThat(code).isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "reels-contract-tests: --base-url "
                + MOCK.baseUrl()
                + "/api/v1/ contains /api/v1, which the suite adds itself; did you mean"
                + " --base-url "
                + MOCK.baseUrl()
                + "?",
            "Try --help.");
    assertThat(MOCK.traffic().snapshot()).isEmpty();
  }

  @Test
  void an_html_page_ends_the_run_with_exit_2() throws IOException {
    HttpServer site =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    site.createContext(
        "/",
        exchange -> {
          byte[] page = "<!doctype html><title>Welcome</title><p>Our product".getBytes();
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    site.start();
    int code;
    try {
      code = run(KNOWN, "--base-url", "http://127.0.0.1:" + site.getAddress().getPort());
    } finally {
      site.stop(0);
    }

    assertThat(code).isEqualTo(2);
    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith("ERROR not the Reels API: POST ")
        .contains("answered 200 text/html");
    assertThat(millis).isLessThan(10_000);
  }

  @Test
  void a_mistyped_flag_gets_a_did_you_mean_line_not_the_whole_usage() {
    int code = run(KNOWN, "--base-url", MOCK.baseUrl(), "--pol-interval", "1s");

    assertThat(code).isEqualTo(64);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .hasSize(2)
        .first()
        .asString()
        .contains("Unknown option", "'--pol-interval'", "did you mean --poll-interval?");
  }

  @Test
  void against_the_kits_mock_without_flags_the_budget_is_unlimited_and_says_why() {
    int code = run(KNOWN, "--base-url", MOCK.baseUrl(), "--unknown-token", OTHER);

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(code).as(String.join("\n", lines)).isZero();
    assertThat(lines.get(0))
        .isEqualTo("reels-contract-tests: checking " + MOCK.baseUrl() + " with the token ****0001");
    assertThat(lines.get(1))
        .isEqualTo(
            "reels-contract-tests: budget unlimited (no request cap, every job at once, a poll"
                + " every 250ms): the server announced no limits (X-Reels-Limits: none)");
    assertThat(MOCK.traffic().snapshot()).extracting(TrafficEntry::httpStatus).doesNotContain(429);
  }
}
