package dev.reelskit.mock.internal.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code java -jar reels-mock-server.jar [options]}: starts the mock and serves until Ctrl-C;
 * {@code check-client} ({@link CheckClientCommand}) runs a client against it instead. Further
 * subcommands are added with {@link #commandLine}{@code
 * .addSubcommand(...)}; they can start a mock with {@link MockServerRunner#start}.
 */
@Command(name = "reels-mock", mixinStandardHelpOptions = true,
    versionProvider = MockServerCommand.Version.class,
    description = "A stateful mock of the instatollm Reels API.%n"
        + "Every option is also a -Dreels.mock.<name> property and a REELS_MOCK_<NAME> variable.%n"
        + "Token lists are secrets: set REELS_MOCK_TOKENS (comma-separated) or use a *-file option.")
public final class MockServerCommand implements Callable<Integer> {

  /** Documented exit codes. */
  public static final int EXIT_OK = 0;
  public static final int EXIT_CANNOT_START = 1;
  public static final int EXIT_USAGE = 64;

  @Option(names = "--port", paramLabel = "N", description = "port, 0 = any free port (default 8089)")
  String port;

  @Option(names = "--bind", paramLabel = "ADDR", description = "address to bind (default 127.0.0.1)")
  String bind;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "quick (default: ~5 s, every state shown), fast (one poll per state), realistic (5-90 s)")
  String profile;

  @Option(names = "--seed", paramLabel = "N", description = "seed for realistic timings (default 42)")
  String seed;

  @Option(names = "--time-scale", paramLabel = "X",
      description = "mock seconds per real second, e.g. 10 (default 1)")
  String timeScale;

  @Option(names = "--tokens-file", paramLabel = "FILE",
      description = "only these tokens are valid (one per line); default: any ist_<alphanumeric>")
  String tokensFile;

  @Option(names = "--revoked-tokens-file", paramLabel = "FILE", description = "tokens answered with 401")
  String revokedTokensFile;

  @Option(names = "--forbidden-tokens-file", paramLabel = "FILE", description = "tokens answered with 403")
  String forbiddenTokensFile;

  @Option(names = "--rate-limit", description = "emulate the limits: 10 requests/min, 3 unfinished jobs per token")
  boolean rateLimit;

  @Option(names = "--rate-limit-requests", paramLabel = "N",
      description = "with --rate-limit: requests per token in any 60 s (default 10, as documented)")
  String rateLimitRequests;

  @Option(names = "--max-unfinished-jobs", paramLabel = "N",
      description = "with --rate-limit: unfinished jobs per token (default 3, as documented)")
  String maxUnfinishedJobs;

  @Option(names = "--verbose", description = "log one line per API request (token masked)")
  boolean verbose;

  @Option(names = "--request-journal", description = "keep WireMock's request journal (memory grows per request)")
  boolean requestJournal;

  @Option(names = "--disable-seed-jobs", description = "start without the seeded jobs (42 done, ...)")
  boolean disableSeedJobs;

  @Option(names = "--traffic-capacity", paramLabel = "N", description = "requests kept in the traffic record (default 10000)")
  String trafficCapacity;

  @Mixin
  SecurityOptions security = new SecurityOptions();

  private final Map<String, String> properties;
  private final Map<String, String> environment;
  private final PrintStream out;
  private final CountDownLatch stopped = new CountDownLatch(1);

  MockServerCommand(Map<String, String> properties, Map<String, String> environment,
      PrintStream out) {
    this.properties = properties;
    this.environment = environment;
    this.out = out;
  }

  /** The command line, with exit 64 for bad usage; add subcommands to it before executing. */
  public static CommandLine commandLine(Map<String, String> properties,
      Map<String, String> environment, PrintStream out, PrintStream err) {
    CommandLine cmd = new CommandLine(new MockServerCommand(properties, environment, out));
    cmd.addSubcommand(new CommandLine(new CheckClientCommand(properties, environment, out))
        .setStopAtPositional(true));
    cmd.setOut(new java.io.PrintWriter(out, true));
    cmd.setErr(new java.io.PrintWriter(err, true));
    cmd.setParameterExceptionHandler((ex, args) -> {
      ex.getCommandLine().getErr().println("error: " + ex.getMessage());
      ex.getCommandLine().usage(ex.getCommandLine().getErr());
      return EXIT_USAGE;
    });
    cmd.setExecutionExceptionHandler((ex, command, parseResult) -> {
      if (ex instanceof IllegalArgumentException) {
        command.getErr().println("error: " + ex.getMessage());
        return EXIT_USAGE;
      }
      command.getErr().println("error: cannot start the mock: " + ex.getMessage());
      return EXIT_CANNOT_START;
    });
    return cmd;
  }

  /** The flags given on the command line, by option name (the resolver's first layer). */
  Map<String, String> flags() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "port", port);
    put(m, "bind", bind);
    put(m, "profile", profile);
    put(m, "seed", seed);
    put(m, "time-scale", timeScale);
    put(m, "tokens-file", tokensFile);
    put(m, "revoked-tokens-file", revokedTokensFile);
    put(m, "forbidden-tokens-file", forbiddenTokensFile);
    put(m, "traffic-capacity", trafficCapacity);
    put(m, "rate-limit-requests", rateLimitRequests);
    put(m, "max-unfinished-jobs", maxUnfinishedJobs);
    if (rateLimit) {
      m.put("rate-limit", "true");
    }
    if (verbose) {
      m.put("verbose", "true");
    }
    if (requestJournal) {
      m.put("request-journal", "true");
    }
    if (disableSeedJobs) {
      m.put("disable-seed-jobs", "true");
    }
    m.putAll(security.flags());
    return m;
  }

  @Override
  public Integer call() throws InterruptedException {
    var settings = new SettingsResolver(flags(), properties, environment).resolve();
    var mock = MockServerRunner.start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      mock.close();
      stopped.countDown();
    }, "reels-mock-shutdown"));
    mock.onAdminShutdown(stopped::countDown); // POST /__admin/shutdown ends the process: exit 0
    out.print(Banner.of(mock));
    out.flush();
    stopped.await();
    return EXIT_OK;
  }

  private static void put(Map<String, String> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = MockServerCommand.class.getPackage().getImplementationVersion();
      return new String[] {"reels-mock " + (v == null ? "dev" : v)};
    }
  }
}
