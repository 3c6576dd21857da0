package dev.reelskit.contract.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.rules.ContractViolation;
import dev.reelskit.contract.rules.Evidence;
import dev.reelskit.contract.rules.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many findings a violation shows, and the cap on its evidence, at their edges. */
class VerdictTest {

  private static Exchange poll(String url, List<String> headers) {
    return new Exchange(
        "poll",
        Exchange.Auth.VALID,
        "GET",
        url,
        headers,
        null,
        200,
        "application/json",
        null,
        "{}",
        7,
        List.of(),
        null,
        null);
  }

  private static List<Finding> findings(int n) {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      findings.add(Finding.value(null, "$.n", "finding " + i, "x"));
    }
    return findings;
  }

  @Test
  void five_findings_are_all_shown_and_a_sixth_is_counted() {
    String five = Verdict.violation(Rule.READ_OK, findings(5)).getMessage();
    assertThat(five)
        .contains("5 checks failed\n")
        .doesNotContain("(the first")
        .contains("finding 4");
    String six = Verdict.violation(Rule.READ_OK, findings(6)).getMessage();
    assertThat(six).contains("6 checks failed (the first 5 shown)").doesNotContain("finding 5");
  }

  @Test
  void evidence_names_only_the_findings_that_have_an_exchange() {
    ContractViolation v =
        Verdict.violation(
            Rule.READ_OK,
            List.of(
                Finding.value(null, "$", "a", "b"),
                Finding.value(
                    poll("http://judged.invalid/api/v1/reels/7", List.of()), "$", "a", "b")));
    assertThat(v.evidence())
        .containsExactly(new Evidence("GET", "http://judged.invalid/api/v1/reels/7", 7));
  }

  /** One finding's share of the message: a blank line, then its rows. */
  private static int size(Finding f) {
    return 1 + f.lines().stream().mapToInt(l -> 1 + l.length()).sum();
  }

  private static Finding big(String url, int headers, int lastHeader) {
    List<String> rows = new ArrayList<>(Collections.nCopies(headers, "H: " + "h".repeat(290)));
    rows.add("L: " + "l".repeat(lastHeader));
    return Finding.value(poll(url, rows), "$", "e", "a");
  }

  @Test
  void the_first_finding_is_shown_whatever_its_size_and_the_next_only_within_the_cap() {
    Finding huge = big("http://judged.invalid/1", 60, 10);
    assertThat(size(huge)).isGreaterThan(Verdict.MAX_EVIDENCE);
    String message =
        Verdict.violation(Rule.READ_OK, List.of(huge, big("http://judged.invalid/2", 1, 1)))
            .getMessage();
    assertThat(message)
        .contains("http://judged.invalid/1")
        .doesNotContain("http://judged.invalid/2")
        .contains("(1 more not shown: a rule reports at most 16 KB of evidence)");
  }

  @Test
  void a_finding_that_ends_exactly_at_the_cap_is_shown() {
    String header = "\n  2 checks failed";
    Finding first = big("http://judged.invalid/1", 30, 10);
    int room = Verdict.MAX_EVIDENCE - header.length() - size(first);
    // The second finding with as many full headers as fit, then one cut to the exact length.
    int full =
        size(big("http://judged.invalid/2", 1, 0)) - size(big("http://judged.invalid/2", 0, 0));
    int headers = (room - size(big("http://judged.invalid/2", 0, 0))) / full;
    Finding second = big("http://judged.invalid/2", headers, 0);
    second = big("http://judged.invalid/2", headers, room - size(second));
    assertThat(header.length() + size(first) + size(second)).isEqualTo(Verdict.MAX_EVIDENCE);

    String exact = Verdict.violation(Rule.READ_OK, List.of(first, second)).getMessage();
    assertThat(exact).contains("http://judged.invalid/2").doesNotContain("more not shown");

    Finding over =
        big(
            "http://judged.invalid/2",
            headers,
            room - size(big("http://judged.invalid/2", headers, 0)) + 1);
    assertThat(Verdict.violation(Rule.READ_OK, List.of(first, over)).getMessage())
        .doesNotContain("http://judged.invalid/2")
        .contains("(1 more not shown");
  }

  @Test
  void a_request_body_gets_its_row_only_when_there_is_one() {
    Exchange sent =
        new Exchange(
            "submit",
            Exchange.Auth.VALID,
            "POST",
            "http://judged.invalid/api/v1/reels/analyze",
            List.of(),
            "{\"url\":\"https://www.instagram.com/reel/x/\"}",
            202,
            "application/json",
            null,
            "{}",
            7,
            List.of(),
            null,
            null);
    assertThat(Finding.status(sent, "400").lines())
        .contains("            {\"url\":\"https://www.instagram.com/reel/x/\"}");
    Exchange empty =
        new Exchange(
            "submit",
            Exchange.Auth.VALID,
            "POST",
            "http://judged.invalid/",
            List.of(),
            "",
            202,
            "application/json",
            null,
            "{}",
            7,
            List.of(),
            null,
            null);
    assertThat(Finding.status(empty, "400").lines()).hasSize(5);
    assertThat(Finding.status(poll("http://judged.invalid/", List.of()), "400").lines()).hasSize(5);
  }
}
