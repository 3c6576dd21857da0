package dev.reelskit.contract.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.rules.ContractViolation;
import dev.reelskit.contract.rules.Rule;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a server chose reaches a report cut, escaped and bounded per rule. */
class ServerTextInReportsTest {

  private static final String MEGABYTE = "s".repeat(1024 * 1024);

  private static Exchange poll(String status) {
    return new Exchange(
        "poll www",
        Exchange.Auth.VALID,
        "GET",
        "http://localhost:8089/api/v1/reels/42",
        List.of("Authorization: Bearer ****3f9a"),
        null,
        200,
        "application/json;" + "x".repeat(5000),
        null,
        "{\"id\":42,\"status\":\"" + status + "\"}",
        120,
        List.of(),
        null,
        null);
  }

  @Test
  void every_row_of_a_finding_is_cut_to_its_place_saying_how_long_it_was() {
    Finding finding =
        Finding.value(poll(MEGABYTE), "$." + MEGABYTE, MEGABYTE, "\"" + MEGABYTE + "\"")
            .inJob(new Finding.JobContext("42 (www)", 10, MEGABYTE));

    List<String> lines = finding.lines();

    assertThat(lines).allSatisfy(line -> assertThat(line).hasSizeLessThan(2_100));
    assertThat(String.join("\n", lines))
        .contains("at        $.sss")
        .contains("... (1048578 chars)")
        .contains("... (1048576 chars)")
        .contains("application/json;xxx");
  }

  @Test
  void a_server_cannot_forge_a_report_line() {
    String forged = "\u001b[2Jdone\nERROR forged\r\nPASS  RC-FAKE-001";

    String message =
        Verdict.violation(
                Rule.READ_STATUS_ENUM,
                List.of(Finding.value(poll("x"), "$.status", "an enum value", forged)))
            .getMessage();

    assertThat(message.lines()).noneMatch(l -> l.startsWith("ERROR") || l.startsWith("PASS"));
    assertThat(message).doesNotContain("\u001b").contains("\\u001b[2Jdone\\nERROR forged\\r\\n");
  }

  @Test
  void one_rule_reports_at_most_sixteen_kilobytes_of_evidence() {
    Finding huge =
        Finding.value(poll(MEGABYTE), "$.status", "an enum value", "\"" + MEGABYTE + "\"")
            .inJob(new Finding.JobContext("42 (www)", 10, MEGABYTE));

    ContractViolation v = Verdict.violation(Rule.READ_STATUS_ENUM, Collections.nCopies(1000, huge));

    assertThat(v.getMessage().length())
        .isLessThanOrEqualTo(Verdict.MAX_EVIDENCE + Rule.READ_STATUS_ENUM.headline().length());
    assertThat(v.getMessage()).contains("1000 checks failed (the first 5 shown)");
    assertThat(String.valueOf(v.getActual().getValue())).hasSizeLessThan(400);
  }
}
