package dev.reelskit.contract.suites;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.internal.http.Exchange.Auth;
import dev.reelskit.contract.internal.http.ReelsHttp;
import dev.reelskit.contract.rules.ContractConfigurationException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns time. Runs the jobs side by side (never more than the allowed number unfinished), polls each
 * no more often than the poll interval, and fills the gaps between polls with one-off probes; every
 * request goes through {@link ReelsHttp}, which keeps to the request budget. Single-threaded, so a
 * run is an ordered, reproducible sequence of observations.
 */
final class PollingScheduler {

  private static final Logger LOG = LoggerFactory.getLogger("dev.reelskit.contract.progress");

  private final ContractTestSettings settings;
  private final ReelsHttp http;

  PollingScheduler(ContractTestSettings settings, ReelsHttp http) {
    this.settings = settings;
    this.http = http;
  }

  private static final class Track {
    final JobRecord job;
    long nextPollAt;
    int repollsLeft;
    String lastStatus;

    Track(JobRecord job, long nextPollAt, int repolls) {
      this.job = job;
      this.nextPollAt = nextPollAt;
      this.repollsLeft = repolls;
    }

    boolean unfinished() {
      return job.firstTerminal() < 0;
    }
  }

  void run(List<JobRecord> jobs, List<Runnable> probes) {
    Deque<JobRecord> toSubmit = new ArrayDeque<>(jobs);
    Deque<Runnable> toProbe = new ArrayDeque<>(probes);
    List<Track> active = new ArrayList<>();
    long interval = settings.pollInterval().toMillis();
    while (!toSubmit.isEmpty() || !active.isEmpty() || !toProbe.isEmpty()) {
      long now = http.elapsedMillis();
      Track due =
          active.stream().min((a, b) -> Long.compare(a.nextPollAt, b.nextPollAt)).orElse(null);
      // A job given up on is still unfinished for the server: it keeps counting against the limit.
      long unfinished =
          active.stream().filter(Track::unfinished).count()
              + jobs.stream().filter(JobRecord::timedOut).count();
      boolean canSubmit = unfinished < settings.maxUnfinishedJobs();
      if (!canSubmit && !toSubmit.isEmpty() && active.isEmpty()) {
        String reason =
            "not submitted: "
                + unfinished
                + " earlier jobs never finished, and the server"
                + " allows "
                + settings.maxUnfinishedJobs()
                + " unfinished jobs (see RC-LIFE-002)";
        toSubmit.forEach(job -> job.notSubmitted(reason));
        LOG.info("{} jobs {}", toSubmit.size(), reason);
        toSubmit.clear();
        continue;
      }
      // Starting a job beats re-reading one (on a slow machine polls would always be due and the
      // jobs would run one after another); a job's first read, right after its 202, still comes
      // first.
      boolean pollFirst =
          due != null
              && due.nextPollAt <= now
              && (due.job.polls().isEmpty() || toSubmit.isEmpty() || !canSubmit);
      if (pollFirst) {
        poll(due, active, interval);
      } else if (!toSubmit.isEmpty() && canSubmit) {
        JobRecord job = toSubmit.removeFirst();
        if (submit(job)) {
          // Read at once: the first state (pending) is judged even if the server moves on quickly.
          active.add(new Track(job, http.elapsedMillis(), settings.terminalRepolls()));
        }
      } else if (!toProbe.isEmpty() && (active.isEmpty() || http.freeSlots() > active.size())) {
        // Probes fill the gaps, never the slots the followed jobs' next reads need.
        toProbe.removeFirst().run();
      } else if (due != null) {
        sleep(Math.min(due.nextPollAt - now, 250));
      }
    }
  }

  private boolean submit(JobRecord job) {
    Exchange exchange =
        http.submit("submit " + job.label(), Auth.VALID, ContractRun.body(job.url()));
    JsonNode json = exchange.json();
    JsonNode id = json == null ? null : json.get("id");
    boolean created =
        exchange.status() == 202 && id != null && (id.isIntegralNumber() || id.isTextual());
    job.submitted(exchange, created ? id.asText() : null);
    if (created) {
      LOG.info("job {} ({}) submitted", id.asText(), job.label());
    } else {
      LOG.info("{} not created: HTTP {}", job.label(), exchange.status());
    }
    return created;
  }

  private void poll(Track track, List<Track> active, long interval) {
    JobRecord job = track.job;
    Exchange exchange = http.read("poll " + job.label(), Auth.VALID, job.id());
    JsonNode json = exchange.json();
    String status =
        exchange.status() == 200 && json != null && json.path("status").isTextual()
            ? json.path("status").asText()
            : null;
    boolean wasUnfinished = track.unfinished();
    job.polled(exchange, status);
    if (!Objects.equals(status, track.lastStatus)) {
      LOG.info(
          "job {} ({}): {} after {} ms",
          job.id(),
          job.label(),
          status == null ? "HTTP " + exchange.status() : status,
          job.polls().get(job.polls().size() - 1).elapsedMillis());
      track.lastStatus = status;
    }
    long elapsed = exchange.atMillis() - job.submission().atMillis();
    if (wasUnfinished && track.unfinished()) {
      if (elapsed >= settings.jobTimeout().toMillis()) {
        job.timedOut(true);
        LOG.info(
            "job {} ({}): not done or error after {} ms; giving up",
            job.id(),
            job.label(),
            elapsed);
        active.remove(track);
        return;
      }
    } else if (!wasUnfinished) {
      if (--track.repollsLeft <= 0) {
        active.remove(track);
        return;
      }
    }
    track.nextPollAt = http.elapsedMillis() + interval;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(Math.max(1, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContractConfigurationException("interrupted while polling", e);
    }
  }
}
