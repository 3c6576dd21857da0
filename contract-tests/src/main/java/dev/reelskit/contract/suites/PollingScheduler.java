package dev.reelskit.contract.suites;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.internal.http.Exchange.Auth;
import dev.reelskit.contract.internal.http.ReelsHttp;
import dev.reelskit.contract.internal.http.ServerText;
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

  /**
   * The longest job id followed: an integer id has at most 19 digits, and a longer one would be
   * sent back in every poll's URL and printed in every report.
   */
  static final int MAX_ID_LENGTH = ServerText.WORD;

  /** Status changes printed per job; the timeline in a report still has them all, cut. */
  static final int MAX_CHANGES_PRINTED = 10;

  /**
   * What the scheduler needs of the transport: {@link ReelsHttp} in a run; a test gives it a server
   * of its own on a virtual clock.
   */
  interface Requests {
    Exchange submit(String label, Auth auth, String jsonBody);

    Exchange read(String label, Auth auth, String jobId);

    /** Requests the budget would let start now. */
    int freeSlots();

    long elapsedMillis();

    /** Waits about {@code millis} (at least 1 ms). */
    void sleep(long millis);
  }

  private final ContractTestSettings settings;
  private final Requests http;

  PollingScheduler(ContractTestSettings settings, ReelsHttp http) {
    this(settings, over(http));
  }

  PollingScheduler(ContractTestSettings settings, Requests http) {
    this.settings = settings;
    this.http = http;
  }

  private static Requests over(ReelsHttp http) {
    return new Requests() {
      @Override
      public Exchange submit(String label, Auth auth, String jsonBody) {
        return http.submit(label, auth, jsonBody);
      }

      @Override
      public Exchange read(String label, Auth auth, String jobId) {
        return http.read(label, auth, jobId);
      }

      @Override
      public int freeSlots() {
        return http.freeSlots();
      }

      @Override
      public long elapsedMillis() {
        return http.elapsedMillis();
      }

      @Override
      public void sleep(long millis) {
        try {
          Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ContractConfigurationException("interrupted while polling", e);
        }
      }
    };
  }

  private static final class Track {
    final JobRecord job;
    long nextPollAt;
    int repollsLeft;
    String lastStatus;
    int changes;

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
        http.sleep(Math.min(due.nextPollAt - now, 250));
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
    if (created && id.asText().length() > MAX_ID_LENGTH) {
      // Followed, it would be sent back in every poll's URL and printed in every report.
      LOG.info(
          "{} not followed: its id is {} characters long, the suite follows ids of at most {}",
          job.label(),
          id.asText().length(),
          MAX_ID_LENGTH);
      job.submitted(exchange, null);
      return false;
    }
    job.submitted(exchange, created ? id.asText() : null);
    if (created) {
      LOG.info("job {} ({}) submitted", ServerText.cut(id.asText(), ServerText.WORD), job.label());
    } else {
      LOG.info("{} not created: HTTP {}", job.label(), exchange.status());
    }
    return created;
  }

  private void poll(Track track, List<Track> active, long interval) {
    JobRecord job = track.job;
    Exchange exchange = http.read("poll " + job.label(), Auth.VALID, job.id());
    JsonNode json = exchange.json();
    // Recorded exactly when it is short, as any correct server's is; a long one is kept cut, still
    // told apart from another (its length and hash), so the record cannot grow with it.
    String status =
        exchange.status() == 200 && json != null && json.path("status").isTextual()
            ? ServerText.distinct(json.path("status").asText(), ServerText.WORD)
            : null;
    boolean wasUnfinished = track.unfinished();
    job.polled(exchange, status);
    if (!Objects.equals(status, track.lastStatus)) {
      track.changes++;
      if (track.changes <= MAX_CHANGES_PRINTED) {
        LOG.info(
            "job {} ({}): {} after {} ms",
            job.id(),
            job.label(),
            status == null ? "HTTP " + exchange.status() : status,
            job.polls().get(job.polls().size() - 1).elapsedMillis());
      } else if (track.changes == MAX_CHANGES_PRINTED + 1) {
        LOG.info(
            "job {} ({}): the status keeps changing; further changes are not printed",
            job.id(),
            job.label());
      }
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
}
