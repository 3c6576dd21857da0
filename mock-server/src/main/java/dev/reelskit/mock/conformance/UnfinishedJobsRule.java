package dev.reelskit.mock.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A token may not submit while it already has the limit of unfinished jobs. A job is unfinished
 * from its 202 until the client is shown {@code done} or {@code error}; a client that stops polling
 * without seeing either cannot know the job ended, so the job counts until the give-up bound.
 */
final class UnfinishedJobsRule extends NamedRule {

  UnfinishedJobsRule() {
    super(
        ClientRules.UNFINISHED_JOBS, "Never submits while the limit of unfinished jobs is reached");
  }

  @Override
  public List<ClientViolation> check(List<TrafficEntry> traffic, ClientRuleSettings settings) {
    Map<Long, List<TrafficEntry>> polls = ClientTraffic.pollsByJob(traffic);
    List<ClientViolation> violations = new ArrayList<>();
    for (List<TrafficEntry> requests : ClientTraffic.byToken(traffic).values()) {
      List<TrafficEntry> created = new ArrayList<>();
      for (TrafficEntry e : requests) {
        if (!ClientTraffic.isSubmit(e)) {
          continue;
        }
        List<TrafficEntry> open =
            created.stream().filter(c -> isUnfinished(c, e, polls, settings)).toList();
        if (open.size() >= settings.maxUnfinishedJobs()) {
          List<TrafficEntry> evidence = new ArrayList<>(open);
          evidence.add(e);
          violations.add(
              new ClientViolation(
                  id(),
                  e.token(),
                  e.jobId(),
                  "at most "
                      + settings.maxUnfinishedJobs()
                      + " unfinished jobs; submit again once one is shown done or error",
                  "submitted while "
                      + open.size()
                      + " jobs were unfinished (jobs "
                      + open.stream()
                          .map(c -> String.valueOf(c.jobId()))
                          .collect(Collectors.joining(", "))
                      + ")",
                  null,
                  evidence,
                  null));
        }
        if (ClientTraffic.isCreation(e)) {
          created.add(e);
        }
      }
    }
    return violations;
  }

  private static boolean isUnfinished(
      TrafficEntry creation,
      TrafficEntry now,
      Map<Long, List<TrafficEntry>> polls,
      ClientRuleSettings settings) {
    if (!now.at().isBefore(creation.at().plus(settings.giveUpAfter()))) {
      return false;
    }
    return polls.getOrDefault(creation.jobId(), List.of()).stream()
        .noneMatch(p -> p.seq() < now.seq() && ClientTraffic.showsTerminal(p));
  }
}
