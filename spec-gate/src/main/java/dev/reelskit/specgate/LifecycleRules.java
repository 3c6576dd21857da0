package dev.reelskit.specgate;

import dev.reelskit.openapi.Lifecycle;
import dev.reelskit.openapi.LifecycleParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The kit's own compatibility rules for {@code x-lifecycle}, which no diff tool knows: what a
 * client built against the old lifecycle assumes, and which edits take those assumptions away.
 */
final class LifecycleRules {

  private static final String AREA = "lifecycle";
  private static final String AT = "#" + LifecycleParser.POINTER;

  private LifecycleRules() {}

  static List<Change> compare(Lifecycle old, Lifecycle now) {
    List<Change> changes = new ArrayList<>();
    if (!old.initial().equals(now.initial())) {
      changes.add(
          Change.breaking(
              AREA,
              AT + "/initial",
              "the initial state changed from '" + old.initial() + "' to '" + now.initial() + "'",
              "clients that expect a new job to be '"
                  + old.initial()
                  + "' (the 202 body, the first poll) see another state"));
    }
    for (Lifecycle.State before : old.states()) {
      String where = AT + "/states/" + before.name();
      if (!now.stateNames().contains(before.name())) {
        changes.add(
            Change.breaking(
                AREA,
                where,
                "state '" + before.name() + "' was removed",
                "clients and servers built to the old spec still handle or send '"
                    + before.name()
                    + "'; a server that sends it is now wrong and a client waiting for it waits in vain"));
        continue;
      }
      Lifecycle.State after = now.state(before.name());
      compareState(before, after, where, changes);
    }
    for (Lifecycle.State added : now.states()) {
      if (old.stateNames().contains(added.name())) {
        continue;
      }
      String where = AT + "/states/" + added.name();
      if (added.terminal()) {
        changes.add(
            Change.breaking(
                AREA,
                where,
                "new terminal state '" + added.name() + "'",
                "pollers stop only at "
                    + old.terminalStates()
                    + ": they poll a job that ended in '"
                    + added.name()
                    + "' until they time out, and never read its outcome"));
      } else {
        changes.add(
            Change.breaking(
                AREA,
                where,
                "new state '" + added.name() + "'",
                "clients know only "
                    + old.stateNames()
                    + ": an exhaustive switch or a generated enum "
                    + "fails on '"
                    + added.name()
                    + "'"));
      }
    }
    return changes;
  }

  private static void compareState(
      Lifecycle.State before, Lifecycle.State after, String where, List<Change> changes) {
    if (before.terminal() && !after.terminal()) {
      changes.add(
          Change.breaking(
              AREA,
              where + "/terminal",
              "'" + before.name() + "' is no longer terminal",
              "clients stop polling at '" + before.name() + "' and miss what the job does next"));
    }
    for (String to : before.next()) {
      if (!after.next().contains(to)) {
        changes.add(
            Change.breaking(
                AREA,
                where + "/next",
                "transition '" + before.name() + " -> " + to + "' was removed",
                "clients that wait for a '"
                    + before.name()
                    + "' job to become '"
                    + to
                    + "' wait for what cannot happen"));
      }
    }
    for (String to : after.next()) {
      if (!before.next().contains(to)) {
        changes.add(
            Change.compatible(
                AREA,
                where + "/next",
                "new transition '" + before.name() + " -> " + to + "' between known states",
                "clients already handle both states; only a client that asserted the old order notices"));
      }
    }
    for (String field : before.sets()) {
      if (!after.sets().contains(field)) {
        changes.add(
            Change.breaking(
                AREA,
                where + "/sets",
                "'" + field + "' is no longer set in state '" + before.name() + "'",
                "clients that read '"
                    + field
                    + "' when the status is '"
                    + before.name()
                    + "' get null"));
      }
    }
    for (String field : after.sets()) {
      if (!before.sets().contains(field)) {
        changes.add(
            Change.compatible(
                AREA,
                where + "/sets",
                "'" + field + "' is now also set in state '" + before.name() + "'",
                "clients that ignored it there keep working"));
      }
    }
  }
}
