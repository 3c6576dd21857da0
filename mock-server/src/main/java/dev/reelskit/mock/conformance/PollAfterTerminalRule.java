package dev.reelskit.mock.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Once a response has shown {@code done} or {@code error}, the job never changes: stop asking. */
final class PollAfterTerminalRule extends NamedRule {

  PollAfterTerminalRule() {
    super(ClientRules.POLL_AFTER_TERMINAL, "No poll of a job after it was shown done or error");
  }

  @Override
  public List<ClientViolation> check(List<TrafficEntry> traffic, ClientRuleSettings settings) {
    List<ClientViolation> violations = new ArrayList<>();
    for (Map.Entry<Long, List<TrafficEntry>> job : ClientTraffic.pollsByJob(traffic).entrySet()) {
      List<TrafficEntry> polls = job.getValue();
      ClientTraffic.firstTerminal(polls)
          .ifPresent(
              terminal -> {
                List<TrafficEntry> after =
                    polls.stream().filter(p -> p.seq() > terminal.seq()).toList();
                if (!after.isEmpty()) {
                  List<TrafficEntry> evidence = new ArrayList<>();
                  evidence.add(terminal);
                  evidence.addAll(after);
                  violations.add(
                      new ClientViolation(
                          id(),
                          terminal.token(),
                          job.getKey(),
                          "no poll after #" + terminal.seq() + " showed " + terminal.shown(),
                          after.size()
                              + " more poll"
                              + (after.size() == 1 ? "" : "s")
                              + ", the last "
                              + Formats.duration(
                                  ClientTraffic.gap(terminal, after.get(after.size() - 1)))
                              + " later",
                          terminal.shown(),
                          evidence,
                          null));
                }
              });
    }
    return violations;
  }
}
