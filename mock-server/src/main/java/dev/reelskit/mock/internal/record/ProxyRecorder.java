package dev.reelskit.mock.internal.record;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.reelskit.mock.internal.extension.QuietWireMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The recording proxy: a client pointed at it reaches the real server through it, unchanged, and
 * each job's timeline is kept as it goes. After every job that finishes, the profile in the output
 * directory is written again, so stopping at any time (Ctrl-C) keeps every finished job. It keeps
 * no headers (the token of each request is held in memory only, to keep it out of what is written)
 * and at most {@link #MAX_EXCHANGES} exchanges.
 */
public final class ProxyRecorder implements AutoCloseable {

  /** Exchanges kept at most: a day of polling every 5 s is 17,280. */
  static final int MAX_EXCHANGES = 200_000;

  private final Path out;
  private final boolean keepResults;
  private final Consumer<String> progress;
  private final Runnable answered;
  private final List<Exchange> exchanges = new ArrayList<>();
  private final Set<String> tokens = new HashSet<>();
  private final Set<Long> finished = new HashSet<>();
  private final WireMockServer server;
  private int recorded;
  private IOException failed;

  /**
   * @param progress told one line per job that finished (durations and ending, never a token)
   * @param answered run after each answer has been sent whole (stopping then cuts off no one)
   */
  public ProxyRecorder(
      URI target,
      int port,
      Path out,
      boolean keepResults,
      Consumer<String> progress,
      Runnable answered) {
    this.out = out;
    this.keepResults = keepResults;
    this.progress = progress;
    this.answered = answered;
    this.server =
        new WireMockServer(
            options()
                .port(port)
                .bindAddress("127.0.0.1")
                .disableRequestJournal()
                .extensionScanningEnabled(false)
                .notifier(QuietWireMock.notifier())
                .extensions(new Listener()));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(target.toString())));
  }

  public int port() {
    return server.port();
  }

  /** How many finished jobs the profile holds now. */
  public synchronized int recordedJobs() {
    return recorded;
  }

  /** Stops proxying; the profile holds every job that finished. */
  @Override
  public void close() {
    server.stop();
    synchronized (this) {
      if (failed != null) {
        throw new UncheckedIOException("the profile could not be written", failed);
      }
    }
  }

  private synchronized void record(Exchange e, String authorization) {
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      tokens.add(authorization.substring(7).trim());
    }
    if (exchanges.size() >= MAX_EXCHANGES) {
      return;
    }
    exchanges.add(e);
    long id = ApiPaths.jobId(e.method(), e.path());
    if (id < 0 || e.status() != 200 || e.body() == null || finished.contains(id)) {
      return;
    }
    JobTimelines.Found found = JobTimelines.of(exchanges);
    if (found.jobs().size() <= recorded) {
      return; // this GET finished no job (not yet terminal, or its POST was not seen)
    }
    finished.add(id);
    try {
      RecordedProfile.write(out, "proxy", found, keepResults, tokens);
      recorded = found.jobs().size();
      RecordedJob job = found.jobs().get(found.jobs().size() - 1);
      progress.accept(Recordings.describe(recorded, job));
    } catch (IOException ex) {
      failed = ex;
      progress.accept("error: the profile could not be written to " + out + ": " + ex.getMessage());
    }
  }

  private final class Listener implements ServeEventListener {
    @Override
    public String getName() {
      return "reels-recorder";
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
      answered.run();
    }

    /** Before the client has the answer, so a client's next request is always recorded after. */
    @Override
    public void beforeResponseSent(ServeEvent event, Parameters parameters) {
      LoggedRequest request = event.getRequest();
      String path = URI.create(request.getUrl()).getPath();
      String method = request.getMethod().getName();
      if (!ApiPaths.isApi(method, path)) {
        return;
      }
      LoggedResponse response = event.getResponse();
      String body = response == null ? null : response.getBodyAsString();
      record(
          new Exchange(
              method,
              path,
              response == null ? 0 : response.getStatus(),
              Instant.now(), // the real server has answered; the client has not seen it yet
              body != null && body.length() <= Exchange.MAX_BODY ? body : null),
          request.getHeader("Authorization"));
    }
  }
}
