package dev.reelskit.contract.suites;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.http.Exchange.Auth;
import dev.reelskit.contract.rules.Rule;
import java.util.stream.Stream;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every rule of the Reels API contract, as a JUnit 5 suite. Extend it and say which server to check:
 *
 * <pre>{@code
 * class MyServerContractTest extends ReelsApiContract {
 *   protected ContractTestSettings settings() {
 *     return ContractTestSettings.forTarget("http://localhost:8089", System.getenv("REELS_TOKEN"));
 *   }
 * }
 * }</pre>
 *
 * <p>The first rule to run sends the whole plan (jobs side by side within the request budget, probes
 * in between); each rule then judges what was seen. Test names start with the rule id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
@DisplayName("Reels API contract")
public abstract class ReelsApiContract {

  private ContractRun run;
  private RuntimeException setupFailure;

  /** The server to check and how; called once per class. */
  protected abstract ContractTestSettings settings();

  /** What this class's run observed, sending the plan on first use. */
  final synchronized ContractRun run() {
    if (setupFailure != null) {
      throw setupFailure;
    }
    if (run == null) {
      try {
        run = ContractRun.execute(settings());
      } catch (RuntimeException e) {
        setupFailure = e;
        throw e;
      }
    }
    return run;
  }

  @Nested
  @Order(1)
  @TestMethodOrder(MethodOrderer.DisplayName.class)
  @DisplayName("Authentication")
  class Authentication {
    @Test
    @DisplayName("RC-AUTH-001 A request without an Authorization header is refused with 401")
    void missing_header_is_refused() {
      AuthenticationRules.refused(run(), Rule.AUTH_MISSING, Auth.NONE);
    }

    @Test
    @DisplayName("RC-AUTH-002 A token sent with a scheme other than Bearer is refused with 401")
    void wrong_scheme_is_refused() {
      AuthenticationRules.refused(run(), Rule.AUTH_SCHEME, Auth.WRONG_SCHEME);
    }

    @Test
    @DisplayName("RC-AUTH-003 A malformed token is refused with 401")
    void malformed_token_is_refused() {
      AuthenticationRules.refused(run(), Rule.AUTH_MALFORMED, Auth.MALFORMED);
    }

    @Test
    @DisplayName("RC-AUTH-004 An unknown token is refused with 401")
    void unknown_token_is_refused() {
      AuthenticationRules.refused(run(), Rule.AUTH_UNKNOWN, Auth.UNKNOWN);
    }

    @Test
    @DisplayName("RC-AUTH-005 A 401 body is {\"error\": \"invalid API token\"}")
    void refusal_has_the_documented_body() {
      AuthenticationRules.body(run());
    }

    @Test
    @DisplayName("RC-AUTH-006 A valid token is never refused")
    void valid_token_is_never_refused() {
      AuthenticationRules.validTokenAccepted(run());
    }

    @Test
    @DisplayName("RC-AUTH-007 A valid token without permission is refused with 403 and a JSON error body")
    void token_without_permission_is_forbidden() {
      AuthenticationRules.forbidden(run());
    }
  }

  @Nested
  @Order(2)
  @TestMethodOrder(MethodOrderer.DisplayName.class)
  @DisplayName("Creating a job")
  class Creating {
    @TestFactory
    @DisplayName("RC-CREATE-001 Every documented URL form is accepted with 202")
    Stream<DynamicTest> every_documented_url_form_is_accepted() {
      return run().documentedForms().stream()
          .map(job -> DynamicTest.dynamicTest("RC-CREATE-001 " + job.label() + " is accepted with 202",
              () -> SubmissionRules.accepted(job)));
    }

    @Test
    @DisplayName("RC-CREATE-002 A 202 body is {id, status: \"pending\"}")
    void accepted_job_is_pending() {
      SubmissionRules.pending(run());
    }

    @Test
    @DisplayName("RC-CREATE-003 Job ids are integers")
    void ids_are_integers() {
      SubmissionRules.integerIds(run());
    }

    @Test
    @DisplayName("RC-CREATE-004 Job ids are distinct across submissions")
    void ids_are_distinct() {
      SubmissionRules.distinctIds(run());
    }

    @TestFactory
    @DisplayName("RC-CREATE-005 A non-Instagram URL is refused with 400")
    Stream<DynamicTest> non_instagram_urls_are_refused() {
      return run().notInstagram().entrySet().stream()
          .map(e -> DynamicTest.dynamicTest("RC-CREATE-005 " + e.getKey() + " is refused with 400",
              () -> SubmissionRules.notInstagram(e.getValue())));
    }

    @Test
    @DisplayName("RC-CREATE-006 A submission without url is refused with 400 \"url is required\"")
    void missing_url_is_refused() {
      SubmissionRules.urlRequired(run().urlRequired());
    }
  }

  @Nested
  @Order(3)
  @TestMethodOrder(MethodOrderer.DisplayName.class)
  @DisplayName("Reading a job")
  class Reading {
    @Test
    @DisplayName("RC-READ-001 A created job is read with 200")
    void created_job_is_readable() {
      JobRules.readable(run());
    }

    @Test
    @DisplayName("RC-READ-002 A job echoes its id and the submitted url")
    void id_and_url_are_echoed() {
      JobRules.echo(run());
    }

    @Test
    @DisplayName("RC-READ-003 created_at is an ISO 8601 timestamp")
    void created_at_is_iso_8601() {
      JobRules.createdAtFormat(run());
    }

    @Test
    @DisplayName("RC-READ-004 created_at never changes")
    void created_at_is_stable() {
      JobRules.createdAtStable(run());
    }

    @Test
    @DisplayName("RC-READ-005 status is one of pending|processing|done|error")
    void status_is_in_the_enum() {
      JobRules.statusInEnum(run());
    }

    @Test
    @DisplayName("RC-READ-006 error and result match the status")
    void error_and_result_match_the_status() {
      JobRules.invariants(run());
    }

    @Test
    @DisplayName("RC-READ-007 An unknown job id is answered 404 with a JSON error body")
    void unknown_id_is_not_found() {
      ResponseRules.notFound(run());
    }
  }

  @Nested
  @Order(4)
  @TestMethodOrder(MethodOrderer.DisplayName.class)
  @DisplayName("Lifecycle")
  class Lifecycle {
    @Test
    @DisplayName("RC-LIFE-001 A job's observed statuses follow the documented graph")
    void statuses_follow_the_graph() {
      JobRules.path(run());
    }

    @Test
    @DisplayName("RC-LIFE-002 A job reaches done or error within the job timeout")
    void job_reaches_a_terminal_status() {
      JobRules.terminal(run());
    }

    @Test
    @DisplayName("RC-LIFE-003 A done or error job never changes")
    void terminal_job_never_changes() {
      JobRules.immutable(run());
    }
  }

  @Nested
  @Order(5)
  @TestMethodOrder(MethodOrderer.DisplayName.class)
  @DisplayName("Failures")
  class Failures {
    @Test
    @DisplayName("RC-ERR-001 The error reel's job ends in error with a reason")
    void error_reel_ends_in_error() {
      JobRules.errorJob(run());
    }

    @Test
    @DisplayName("RC-ERR-002 A server failure on submit is answered 500 with {\"message\": string}")
    void server_error_has_a_message_body() {
      ResponseRules.serverError(run());
    }

    @Test
    @DisplayName("RC-RATE-001 A 429 carries Retry-After in seconds")
    void too_many_requests_says_when_to_retry() {
      ResponseRules.retryAfter(run());
    }
  }

  @Nested
  @Order(6)
  @TestMethodOrder(MethodOrderer.DisplayName.class)
  @DisplayName("Every response")
  class EveryResponse {
    @Test
    @DisplayName("RC-HTTP-001 Every response is application/json")
    void is_json() {
      ResponseRules.json(run());
    }

    @Test
    @DisplayName("RC-SPEC-001 Every response conforms to the OpenAPI document")
    void conforms_to_the_spec() {
      ResponseRules.conformsToSpec(run());
    }
  }
}
