package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.internal.record.ProxyRecorder;
import dev.reelskit.mock.internal.record.Recordings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code record (--har FILE | --proxy-to URL) --out DIR [--keep-results]}: real jobs, once, become
 * a profile the mock replays ({@code --replay DIR}) for any new job id. Exit 0 with at least one
 * finished job recorded, 1 when none was, 64 on bad usage.
 */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description =
        "Records real jobs once, as lifecycles the mock replays (--replay DIR):"
            + " each job's state durations, result and error text.%n"
            + "From a HAR file (a browser's network export) with --har, or as a proxy in front of"
            + " a real server with --proxy-to (point your client at it; Ctrl-C or --jobs N stops"
            + " it).%n"
            + "Tokens never reach the files it writes. Results are replaced by the kit's own"
            + " unless --keep-results.%n"
            + "Exit codes: 0 jobs recorded, 1 no job finished, 64 bad usage.")
final class RecordCommand implements Callable<Integer> {

  static final int EXIT_RECORDED = 0;
  static final int EXIT_NOTHING = 1;

  static final class Source {
    @Option(
        names = "--har",
        paramLabel = "FILE",
        required = true,
        description = "a HAR file with the Reels API's requests (POST analyze, GET jobs)")
    Path har;

    @Option(
        names = "--proxy-to",
        paramLabel = "URL",
        required = true,
        description = "the real server, e.g. https://api.instatollm.com; clients call the proxy")
    URI proxyTo;
  }

  @ArgGroup(multiplicity = "1")
  Source source;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "where profile.json and results/ are written (replaces an earlier recording)")
  Path dir;

  @Option(
      names = "--keep-results",
      description =
          "write the recorded analyses as fixtures (default: the mock replays its own analysis;"
              + " keep them only if you may: they describe someone's video)")
  boolean keepResults;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8090",
      description =
          "with --proxy-to: the port the proxy listens on, on loopback (default: ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "with --proxy-to: stop once N jobs have finished (default: run until Ctrl-C)")
  Integer jobs;

  private final PrintStream out;

  RecordCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (source.har != null) {
      Recordings.Result result = Recordings.fromHar(source.har, this.out(), keepResults);
      result.jobs().forEach(out::println);
      result.notes().forEach(n -> out.println("note: " + n));
      if (result.profile() == null) {
        out.println(
            "error: no job finished in "
                + source.har
                + " ("
                + result.exchanges()
                + " Reels API requests); nothing written");
        return EXIT_NOTHING;
      }
      out.println(
          result.jobs().size()
              + " job(s) recorded in "
              + result.profile()
              + (keepResults ? " with their results" : " (results replaced by the kit's own)")
              + "; replay: java -jar reels-mock-server.jar --replay "
              + this.out());
      return EXIT_RECORDED;
    }
    if (jobs != null && jobs < 1) {
      throw new IllegalArgumentException("--jobs must be at least 1, was " + jobs);
    }
    CountDownLatch enough = new CountDownLatch(1);
    ProxyRecorder[] recorder = new ProxyRecorder[1];
    recorder[0] =
        new ProxyRecorder(
            source.proxyTo,
            port,
            this.out(),
            keepResults,
            line -> {
              out.println(line);
              out.flush();
            },
            () -> { // after an answer is sent whole: stopping now cuts off no client
              if (jobs != null && recorder[0] != null && recorder[0].recordedJobs() >= jobs) {
                enough.countDown();
              }
            });
    // Ctrl-C: the profile is on disk already (written after every job); only stop the proxy.
    Thread hook = new Thread(enough::countDown, "reels-record-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println(
        "Recording proxy on http://127.0.0.1:"
            + recorder[0].port()
            + " -> "
            + source.proxyTo
            + "; point your client there. Profile: "
            + this.out()
            + (jobs == null ? " (Ctrl-C stops)" : " (stops after " + jobs + " job(s))"));
    out.flush();
    enough.await();
    int recorded = recorder[0].recordedJobs();
    recorder[0].close();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down already: the hook is what woke us
    }
    out.println(recorded + " job(s) recorded in " + this.out());
    return recorded > 0 ? EXIT_RECORDED : EXIT_NOTHING;
  }

  private Path out() {
    return dir;
  }
}
