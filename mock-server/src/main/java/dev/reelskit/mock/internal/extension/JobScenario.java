package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.reelskit.openapi.JobLifecycle;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One job seen as a WireMock scenario. WireMock derives a scenario's possible states from its stub
 * mappings and refuses {@code PUT .../state} for any other state; a job has no stub mappings, so
 * the states are declared here instead. Built on demand from the job store, never stored.
 */
final class JobScenario extends Scenario {

  static final String PREFIX = "reel-job-";

  /** {@code Started} means "the state the job was created or seeded in" (a reset). */
  static final Set<String> STATES = states();

  JobScenario(long jobId, String state) {
    super(nameOf(jobId), nameOf(jobId), state, STATES, Set.of());
  }

  /** {@code Started} plus the spec's lifecycle states. */
  private static Set<String> states() {
    Set<String> states = new LinkedHashSet<>(List.of(STARTED));
    states.addAll(JobLifecycle.model().stateNames());
    return Collections.unmodifiableSet(states);
  }

  static String nameOf(long jobId) {
    return PREFIX + jobId;
  }

  /** The job id a scenario name refers to, or -1 when it is no job's scenario. */
  static long jobIdOf(String name) {
    if (name == null || !name.startsWith(PREFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public Set<String> getPossibleStates() {
    return STATES;
  }

  @Override
  public Set<StubMapping> getMappings() {
    return Set.of();
  }
}
