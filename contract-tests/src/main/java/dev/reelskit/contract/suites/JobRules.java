package dev.reelskit.contract.suites;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.contract.internal.rules.Finding;
import dev.reelskit.contract.internal.rules.Verdict;
import dev.reelskit.contract.rules.Rule;
import dev.reelskit.contract.suites.JobRecord.Poll;
import dev.reelskit.openapi.JobLifecycle;
import dev.reelskit.openapi.Lifecycle;
import dev.reelskit.openapi.model.JobStatus;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** RC-READ-001..006 and RC-LIFE-*: what GET /api/v1/reels/{id} shows of the jobs a run followed. */
final class JobRules {

  /** The spec's lifecycle states, in declaration order. */
  private static final Set<String> STATUSES = JobLifecycle.model().stateNames();

  private static final String NO_JOB = "no job was created, so none could be read";
  private static final List<String> IMMUTABLE =
      List.of("id", "url", "status", "error", "result", "created_at");

  /** The spec's transitions, e.g. {@code pending -> processing, processing -> done, ...}. */
  private static final String GRAPH =
      JobLifecycle.model().states().stream()
          .flatMap(st -> st.next().stream().map(to -> st.name() + " -> " + to))
          .collect(Collectors.joining(", "));

  private JobRules() {}

  /** RC-READ-001: every poll of a created job is a 200. */
  static void readable(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.READ_OK);
    eachPoll(
        run,
        (job, poll) ->
            verdict.check(
                poll.exchange().status() == 200,
                Finding.status(poll.exchange(), "200").inJob(job.context(poll.elapsedMillis()))));
    verdict.conclude(NO_JOB);
  }

  /** RC-READ-002: id and url as submitted. */
  static void echo(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.READ_ECHO);
    eachJson(
        run,
        (job, poll, json) -> {
          verdict.check(
              json.path("id").isNumber() && json.path("id").asText().equals(job.id()),
              Finding.value(poll.exchange(), "$.id", job.id(), poll.exchange().render("/id"))
                  .inJob(job.context(poll.elapsedMillis())));
          verdict.check(
              job.url().equals(json.path("url").textValue()),
              Finding.value(
                      poll.exchange(),
                      "$.url",
                      "\"" + job.url() + "\"",
                      poll.exchange().render("/url"))
                  .inJob(job.context(poll.elapsedMillis())));
        });
    verdict.conclude(NO_JOB);
  }

  /**
   * RC-READ-003: created_at is an ISO 8601 date and time, with or without an offset ({@link
   * Timestamps}).
   */
  static void createdAtFormat(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.READ_CREATED_AT);
    eachJson(
        run,
        (job, poll, json) ->
            verdict.check(
                Timestamps.parse(json.path("created_at")) != null,
                Finding.value(
                        poll.exchange(),
                        "$.created_at",
                        "an ISO 8601 date and time (offset optional), e.g. 2026-05-22T10:00:00Z",
                        poll.exchange().render("/created_at"))
                    .inJob(job.context(poll.elapsedMillis()))));
    verdict.conclude(NO_JOB);
  }

  /** RC-READ-004: created_at names the same instant on every read. */
  static void createdAtStable(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.READ_CREATED_AT_STABLE);
    for (JobRecord job : run.jobs()) {
      JsonNode first = null;
      for (Poll poll : job.polls()) {
        JsonNode json = json(poll);
        if (json == null) {
          continue;
        }
        JsonNode createdAt = json.path("created_at");
        if (first == null) {
          first = createdAt;
          continue;
        }
        var a = Timestamps.parse(first);
        var b = Timestamps.parse(createdAt);
        boolean same = a != null && b != null ? Timestamps.same(a, b) : first.equals(createdAt);
        verdict.check(
            same,
            Finding.value(poll.exchange(), "$.created_at", first.toString(), createdAt.toString())
                .inJob(job.context(poll.elapsedMillis())));
      }
    }
    verdict.conclude(NO_JOB);
  }

  /** RC-READ-005. */
  static void statusInEnum(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.READ_STATUS_ENUM);
    eachJson(
        run,
        (job, poll, json) ->
            verdict.check(
                STATUSES.contains(json.path("status").textValue()),
                Finding.value(
                        poll.exchange(),
                        "$.status",
                        "one of " + STATUSES,
                        poll.exchange().render("/status"))
                    .inJob(job.context(poll.elapsedMillis()))));
    verdict.conclude(NO_JOB);
  }

  /**
   * RC-READ-006: each field the lifecycle governs is set exactly in the states whose {@code
   * x-lifecycle} entry says so (today: pending/processing carry neither; done a result; error a
   * reason), null otherwise.
   */
  static void invariants(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.READ_INVARIANTS);
    Lifecycle lifecycle = JobLifecycle.model();
    eachJson(
        run,
        (job, poll, json) -> {
          String status = json.path("status").textValue();
          if (status == null || !STATUSES.contains(status)) {
            return; // RC-READ-005's business
          }
          Finding.JobContext ctx = job.context(poll.elapsedMillis());
          var e = poll.exchange();
          for (String field : lifecycle.fields()) {
            JsonNode value = json.path(field);
            if (!lifecycle.sets(status, field)) {
              verdict.check(
                  value.isNull() || value.isMissingNode(),
                  Finding.value(
                          e, "$." + field, "null when status is " + status, e.render("/" + field))
                      .inJob(ctx));
            } else if ("error".equals(field)) {
              verdict.check(
                  value.isTextual() && !value.asText().isBlank(),
                  Finding.value(
                          e,
                          "$.error",
                          "a non-empty reason when status is " + status,
                          e.render("/error"))
                      .inJob(ctx));
            } else {
              verdict.check(
                  value.isObject(),
                  Finding.value(
                          e,
                          "$." + field,
                          "an object when status is " + status,
                          e.render("/" + field))
                      .inJob(ctx));
            }
          }
        });
    verdict.conclude(NO_JOB);
  }

  /** RC-LIFE-001: each observed status can follow the one before it. */
  static void path(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.LIFE_PATH);
    for (JobRecord job : run.jobs()) {
      JobStatus previous = null;
      for (Poll poll : job.polls()) {
        JobStatus current = status(poll.status());
        if (current == null) {
          continue;
        }
        if (previous != null) {
          verdict.check(
              JobLifecycle.canFollow(previous, current),
              Finding.value(
                      poll.exchange(),
                      "$.status",
                      "a status reachable from "
                          + previous.getValue()
                          + " (documented graph: "
                          + GRAPH
                          + ")",
                      "\"" + current.getValue() + "\"")
                  .inJob(job.context(poll.elapsedMillis())));
        } else {
          verdict.checked();
        }
        previous = current;
      }
    }
    verdict.conclude(NO_JOB);
  }

  /** RC-LIFE-002: every job reached done or error before the job timeout. */
  static void terminal(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.LIFE_TERMINAL);
    for (JobRecord job : run.jobs()) {
      if (job.id() == null || job.polls().isEmpty()) {
        continue;
      }
      Poll last = job.polls().get(job.polls().size() - 1);
      verdict.check(
          !job.timedOut(),
          Finding.value(
                  last.exchange(),
                  "$.status",
                  "done or error within " + run.settings().jobTimeout().toMillis() + " ms",
                  last.status() == null
                      ? "HTTP " + last.exchange().status()
                      : "\"" + last.status() + "\"")
              .inJob(job.context(last.elapsedMillis())));
    }
    verdict.conclude(NO_JOB);
  }

  /** RC-LIFE-003: after done/error, every re-poll shows the same job. */
  static void immutable(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.LIFE_IMMUTABLE);
    int wanted = run.settings().terminalRepolls();
    for (JobRecord job : run.jobs()) {
      int t = job.firstTerminal();
      if (t < 0) {
        continue;
      }
      List<Poll> polls = job.polls();
      JsonNode terminal = json(polls.get(t));
      int compared = 0;
      for (Poll poll : polls.subList(t + 1, polls.size())) {
        JsonNode json = json(poll);
        for (String field : IMMUTABLE) {
          JsonNode before = terminal.path(field);
          JsonNode now = json == null ? null : json.path(field);
          if (now == null) {
            verdict.fail(
                Finding.value(
                        poll.exchange(),
                        "$." + field,
                        before.toString(),
                        "(not a job: HTTP " + poll.exchange().status() + ")")
                    .inJob(job.context(poll.elapsedMillis())));
            continue;
          }
          String[] diff = JsonDiff.first("$." + field, before, now);
          verdict.check(
              diff == null,
              diff == null
                  ? null
                  : Finding.value(
                          poll.exchange(),
                          diff[0],
                          diff[1] + " (as when the job became " + polls.get(t).status() + ")",
                          diff[2])
                      .inJob(job.context(poll.elapsedMillis())));
        }
        compared++;
      }
      Poll last = polls.get(polls.size() - 1);
      verdict.check(
          compared >= wanted,
          Finding.value(
                  last.exchange(),
                  "re-polls after " + polls.get(t).status(),
                  "at least " + wanted,
                  String.valueOf(compared))
              .inJob(job.context(last.elapsedMillis())));
    }
    verdict.conclude("no job reached done or error (see RC-LIFE-002)");
  }

  /** RC-ERR-001: the error reel's job ends in error with a reason. */
  static void errorJob(ContractRun run) {
    Verdict verdict = Verdict.of(Rule.ERR_JOB);
    JobRecord job = run.errorJob();
    if (job == null) {
      verdict.conclude("no error reel URL configured (--error-reel-url)");
      return;
    }
    if (job.submission() == null) {
      verdict.conclude(job.notSubmitted());
      return;
    }
    if (job.id() == null) {
      verdict.fail(Finding.status(job.submission(), "202"));
      verdict.conclude("");
      return;
    }
    Poll last = job.polls().isEmpty() ? null : job.polls().get(job.polls().size() - 1);
    if (last == null) {
      verdict.conclude("the error reel's job was never read");
      return;
    }
    JsonNode json = json(last);
    verdict.check(
        job.firstTerminal() >= 0 && "error".equals(last.status()),
        Finding.value(last.exchange(), "$.status", "\"error\"", last.exchange().render("/status"))
            .inJob(job.context(last.elapsedMillis())));
    verdict.check(
        json != null && json.path("error").isTextual() && !json.path("error").asText().isBlank(),
        Finding.value(
                last.exchange(), "$.error", "a non-empty reason", last.exchange().render("/error"))
            .inJob(job.context(last.elapsedMillis())));
    verdict.conclude("");
  }

  private interface PollCheck {
    void check(JobRecord job, Poll poll);
  }

  private interface JsonCheck {
    void check(JobRecord job, Poll poll, JsonNode json);
  }

  private static void eachPoll(ContractRun run, PollCheck check) {
    for (JobRecord job : run.jobs()) {
      for (Poll poll : job.polls()) {
        check.check(job, poll);
      }
    }
  }

  /** Every 200 poll whose body is a JSON object. */
  private static void eachJson(ContractRun run, JsonCheck check) {
    eachPoll(
        run,
        (job, poll) -> {
          JsonNode json = json(poll);
          if (json != null) {
            check.check(job, poll, json);
          }
        });
  }

  private static JsonNode json(Poll poll) {
    if (poll.exchange().status() != 200) {
      return null;
    }
    JsonNode json = poll.exchange().json();
    return json != null && json.isObject() ? json : null;
  }

  private static JobStatus status(String value) {
    if (value == null || !STATUSES.contains(value)) {
      return null;
    }
    return JobStatus.fromValue(value);
  }
}
