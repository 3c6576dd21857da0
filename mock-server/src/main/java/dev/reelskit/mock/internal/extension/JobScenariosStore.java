package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.store.InMemoryScenariosStore;
import com.github.tomakehurst.wiremock.store.ScenariosStore;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.reelskit.mock.internal.jobs.Job;
import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.openapi.model.JobStatus;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * WireMock's scenario store, backed by the job store: one scenario per job, named {@code
 * reel-job-<id>}, whose state is the job's status. Nothing is copied, so the scenario API and the
 * API responses cannot disagree. WireMock writes a state through {@link #put}: {@code Started}
 * resets the job, any other state forces it. Scenarios of users' stubs live beside the jobs in
 * WireMock's own in-memory store and behave as in plain WireMock.
 */
final class JobScenariosStore implements ScenariosStore {

  private final JobStore jobs;
  private final ScenariosStore users = new InMemoryScenariosStore();

  JobScenariosStore(JobStore jobs) {
    this.jobs = jobs;
  }

  @Override
  public Stream<Scenario> getAll() {
    return Stream.concat(users.getAll(), jobs.all().map(JobScenariosStore::toScenario));
  }

  @Override
  public Stream<String> getAllKeys() {
    return Stream.concat(users.getAllKeys(), jobs.all().map(job -> JobScenario.nameOf(job.id())));
  }

  @Override
  public Optional<Scenario> get(String name) {
    long id = JobScenario.jobIdOf(name);
    return id < 0 ? users.get(name) : jobs.peek(id).map(JobScenariosStore::toScenario);
  }

  @Override
  public void put(String name, Scenario scenario) {
    long id = JobScenario.jobIdOf(name);
    if (id < 0) {
      users.put(name, scenario);
      return;
    }
    String state = scenario.getState();
    if (Scenario.STARTED.equals(state)) {
      jobs.reset(id);
    } else {
      jobs.force(id, JobStatus.fromValue(state));
    }
  }

  @Override
  public void remove(String name) {
    // Jobs are not deleted through the scenario API: a client may still poll them.
    if (JobScenario.jobIdOf(name) < 0) {
      users.remove(name);
    }
  }

  @Override
  public void clear() {
    // As remove(): WireMock clears scenarios on a global reset, which must not delete jobs.
    users.clear();
  }

  private static Scenario toScenario(Job job) {
    return new JobScenario(job.id(), job.status().getValue());
  }
}
