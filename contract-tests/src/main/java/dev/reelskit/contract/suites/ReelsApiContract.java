package dev.reelskit.contract.suites;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.http.Exchange.Auth;
import dev.reelskit.contract.rules.Rule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every rule of the Reels API contract, as a JUnit 5 suite. Extend it and say which server to
 * check:
 *
 * <pre>{@code
 * class MyServerContractTest extends ReelsApiContract {
 *   protected ContractTestSettings settings() {
 *     return ContractTestSettings.forTarget("http://localhost:8089", System.getenv("REELS_TOKEN"));
 *   }
 * }
 * }</pre>
 *
 * <p>The first group's {@code @BeforeAll} sends the whole plan (jobs side by side within the
 * request budget, each read at once after its 202, probes in between); each rule then judges what
 * was seen. The subclass's own {@code @BeforeAll} methods run first, so a server started there is
 * up. A plan that cannot run (server unreachable, a budget that cannot honour the job timeout)
 * fails the groups' setup with a {@link
 * dev.reelskit.contract.rules.ContractConfigurationException}, never a rule. Test names are the
 * rule's id and title from {@link Rule}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
@DisplayNameGeneration(RuleDisplayNames.class)
@DisplayName("Reels API contract")
public abstract class ReelsApiContract {

  private ContractRun run;
  private RuntimeException setupFailure;

  /** The server to check and how; called once per class. */
  protected abstract ContractTestSettings settings();

  /** What this class's run observed, sending the plan on first use (the first group's setup). */
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
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @Order(1)
  @TestMethodOrder(MethodOrderer.DisplayName.class)
  @DisplayName("Authentication")
  class Authentication {
    @BeforeAll
    void send_the_plan() {
      run();
    }

    @Test
    @Judges(Rule.AUTH_MISSING)
    void missing_header_is_refused() {
      AuthenticationRules.refused(run(), Rule.AUTH_MISSING, Auth.NONE);
    }

    @Test
    @Judges(Rule.AUTH_SCHEME)
    void wrong_scheme_is_refused() {
      AuthenticationRules.refused(run(), Rule.AUTH_SCHEME, Auth.WRONG_SCHEME);
    }

    @Test
    @Judges(Rule.AUTH_NO_SCHEME)
    void bare_token_is_refused() {
      AuthenticationRules.refused(run(), Rule.AUTH_NO_SCHEME, Auth.NO_SCHEME);
    }

    @Test
    @Judges(Rule.AUTH_MALFORMED)
    void malformed_token_is_refused() {
      AuthenticationRules.refused(run(), Rule.AUTH_MALFORMED, Auth.MALFORMED);
    }

    @Test
    @Judges(Rule.AUTH_UNKNOWN)
    void unknown_token_is_refused() {
      AuthenticationRules.refused(run(), Rule.AUTH_UNKNOWN, Auth.UNKNOWN);
    }

    @Test
    @Judges(Rule.AUTH_BODY)
    void refusal_has_the_documented_body() {
      AuthenticationRules.body(run());
    }

    @Test
    @Judges(Rule.AUTH_VALID)
    void valid_token_is_never_refused() {
      AuthenticationRules.validTokenAccepted(run());
    }

    @Test
    @Judges(Rule.AUTH_FORBIDDEN)
    void token_without_permission_is_forbidden() {
      AuthenticationRules.forbidden(run());
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @Order(2)
  @TestMethodOrder(MethodOrderer.DisplayName.class)
  @DisplayName("Creating a job")
  class Creating {
    @BeforeAll
    void send_the_plan() {
      run();
    }

    @TestFactory
    @Judges(Rule.CREATE_ACCEPTED)
    Stream<DynamicTest> every_documented_url_form_is_accepted() {
      return run().documentedForms().stream()
          .map(
              job ->
                  DynamicTest.dynamicTest(
                      Rule.CREATE_ACCEPTED.id() + " " + job.label() + " is accepted with 202",
                      () -> SubmissionRules.accepted(job)));
    }

    @Test
    @Judges(Rule.CREATE_PENDING)
    void accepted_job_is_pending() {
      SubmissionRules.pending(run());
    }

    @Test
    @Judges(Rule.CREATE_INTEGER_ID)
    void ids_are_integers() {
      SubmissionRules.integerIds(run());
    }

    @Test
    @Judges(Rule.CREATE_DISTINCT_IDS)
    void ids_are_distinct() {
      SubmissionRules.distinctIds(run());
    }

    @TestFactory
    @Judges(Rule.CREATE_NOT_INSTAGRAM)
    Stream<DynamicTest> non_instagram_urls_are_refused() {
      return run().notInstagram().entrySet().stream()
          .map(
              e ->
                  DynamicTest.dynamicTest(
                      Rule.CREATE_NOT_INSTAGRAM.id() + " " + e.getKey() + " is refused with 400",
                      () -> SubmissionRules.notInstagram(e.getKey(), e.getValue())));
    }

    @Test
    @Judges(Rule.CREATE_URL_REQUIRED)
    void missing_url_is_refused() {
      SubmissionRules.urlRequired(run().urlRequired());
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @Order(3)
  @TestMethodOrder(MethodOrderer.DisplayName.class)
  @DisplayName("Reading a job")
  class Reading {
    @BeforeAll
    void send_the_plan() {
      run();
    }

    @Test
    @Judges(Rule.READ_OK)
    void created_job_is_readable() {
      JobRules.readable(run());
    }

    @Test
    @Judges(Rule.READ_ECHO)
    void id_and_url_are_echoed() {
      JobRules.echo(run());
    }

    @Test
    @Judges(Rule.READ_CREATED_AT)
    void created_at_is_iso_8601() {
      JobRules.createdAtFormat(run());
    }

    @Test
    @Judges(Rule.READ_CREATED_AT_STABLE)
    void created_at_is_stable() {
      JobRules.createdAtStable(run());
    }

    @Test
    @Judges(Rule.READ_STATUS_ENUM)
    void status_is_in_the_enum() {
      JobRules.statusInEnum(run());
    }

    @Test
    @Judges(Rule.READ_INVARIANTS)
    void error_and_result_match_the_status() {
      JobRules.invariants(run());
    }

    @Test
    @Judges(Rule.READ_NOT_FOUND)
    void unknown_id_is_not_found() {
      ResponseRules.notFound(run());
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @Order(4)
  @TestMethodOrder(MethodOrderer.DisplayName.class)
  @DisplayName("Lifecycle")
  class Lifecycle {
    @BeforeAll
    void send_the_plan() {
      run();
    }

    @Test
    @Judges(Rule.LIFE_PATH)
    void statuses_follow_the_graph() {
      JobRules.path(run());
    }

    @Test
    @Judges(Rule.LIFE_TERMINAL)
    void job_reaches_a_terminal_status() {
      JobRules.terminal(run());
    }

    @Test
    @Judges(Rule.LIFE_IMMUTABLE)
    void terminal_job_never_changes() {
      JobRules.immutable(run());
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @Order(5)
  @TestMethodOrder(MethodOrderer.DisplayName.class)
  @DisplayName("Failures")
  class Failures {
    @BeforeAll
    void send_the_plan() {
      run();
    }

    @Test
    @Judges(Rule.ERR_JOB)
    void error_reel_ends_in_error() {
      JobRules.errorJob(run());
    }

    @Test
    @Judges(Rule.ERR_500)
    void server_error_has_a_message_body() {
      ResponseRules.serverError(run());
    }

    @Test
    @Judges(Rule.RATE_RETRY_AFTER)
    void too_many_requests_says_when_to_retry() {
      ResponseRules.retryAfter(run());
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @Order(6)
  @TestMethodOrder(MethodOrderer.DisplayName.class)
  @DisplayName("Every response")
  class EveryResponse {
    @BeforeAll
    void send_the_plan() {
      run();
    }

    @Test
    @Judges(Rule.HTTP_JSON)
    void is_json() {
      ResponseRules.json(run());
    }

    @Test
    @Judges(Rule.HTTP_NO_REDIRECT)
    void is_never_a_redirect() {
      ResponseRules.noRedirect(run());
    }

    @Test
    @Judges(Rule.SPEC_CONFORMS)
    void conforms_to_the_spec() {
      ResponseRules.conformsToSpec(run());
    }
  }
}
