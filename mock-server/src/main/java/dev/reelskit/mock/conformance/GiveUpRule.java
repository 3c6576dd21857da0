package dev.reelskit.mock.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client must stop waiting for a job within the bound after creating it. Only polls up to the
 * first terminal status count: later ones are {@code CC-POLL-002}'s. Jobs whose creation fell out
 * of the bounded log cannot be judged and are skipped.
 */
final class GiveUpRule extends NamedRule {

  GiveUpRule() {
    super(ClientRules.GIVE_UP, "Gives up on an unfinished job within the bound");
  }

  @Override
  public List<ClientViolation> check(List<TrafficEntry> traffic, ClientRuleSettings settings) {
    Map<Long, TrafficEntry> created = ClientTraffic.creations(traffic);
    List<ClientViolation> violations = new ArrayList<>();
    for (Map.Entry<Long, List<TrafficEntry>> job : ClientTraffic.pollsByJob(traffic).entrySet()) {
      TrafficEntry creation = created.get(job.getKey());
      if (creation == null) {
        continue;
      }
      Instant deadline = creation.at().plus(settings.giveUpAfter()).plus(settings.tolerance());
      List<TrafficEntry> late = new ArrayList<>();
      for (TrafficEntry poll : job.getValue()) {
        if (poll.at().isAfter(deadline)) {
          late.add(poll);
        }
        if (ClientTraffic.showsTerminal(poll)) {
          break;
        }
      }
      if (!late.isEmpty()) {
        TrafficEntry last = late.get(late.size() - 1);
        Duration waited = ClientTraffic.gap(creation, last);
        List<TrafficEntry> evidence = new ArrayList<>();
        evidence.add(creation);
        evidence.addAll(late);
        violations.add(
            new ClientViolation(
                id(),
                creation.token(),
                job.getKey(),
                "no poll later than "
                    + Formats.duration(settings.giveUpAfter())
                    + " after the job was created",
                late.size()
                    + " poll"
                    + (late.size() == 1 ? "" : "s")
                    + " after the bound, the last "
                    + Formats.duration(waited)
                    + " after creation",
                ClientTraffic.shownBefore(job.getValue(), last.seq()),
                evidence,
                null));
      }
    }
    return violations;
  }
}
