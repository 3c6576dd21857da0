package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import java.io.PrintStream;
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
 * subcommands are added with {@link #commandLine}{@code .addSubcommand(...)}; they can start a mock
 * with {@link ReelsMock#start}.
 */
@Command(
    name = "reels-mock",
    mixinStandardHelpOptions = true,
    versionProvider = MockServerCommand.Version.class,
    description =
        "A stateful mock of the instatollm Reels API.%n"
            + "Every option is also a -Dreels.mock.<name> property and a REELS_MOCK_<NAME> variable.%n"
            + "Token lists are secrets: set REELS_MOCK_TOKENS (comma-separated) or use a *-file option;"
            + " there is no flag or property for them.")
public final class MockServerCommand implements Callable<Integer> {

  /** Documented exit codes. */
  public static final int EXIT_OK = 0;

  public static final int EXIT_CANNOT_START = 1;
  public static final int EXIT_USAGE = 64;

  @Mixin ServerOptions server;
  @Mixin TimingOptions timing;
  @Mixin LimitOptions limits;
  @Mixin TokenOptions tokens;
  @Mixin VerboseOption verbose;
  @Mixin SecurityOptions security;
  @Mixin StateOptions state;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      defaultValue = "quick",
      converter = ProfileConverter.class,
      description =
          "quick (default: ~5 s, every state shown), fast (one poll per state), realistic (5-90 s)")
  TimingProfile profile;

  @Option(
      names = "--rate-limit",
      description = "emulate the limits: 10 requests/min, 3 unfinished jobs per token")
  boolean rateLimit;

  private final Map<String, String> environment;
  private final PrintStream out;
  private final CountDownLatch stopped = new CountDownLatch(1);

  MockServerCommand(Map<String, String> environment, PrintStream out) {
    this.environment = environment;
    this.out = out;
  }

  /** The command line, with exit 64 for bad usage; add subcommands to it before executing. */
  public static CommandLine commandLine(
      Map<String, String> properties,
      Map<String, String> environment,
      PrintStream out,
      PrintStream err) {
    CommandLine cmd = new CommandLine(new MockServerCommand(environment, out));
    cmd.addSubcommand(new CommandLine(new CheckClientCommand(out)).setStopAtPositional(true));
    cmd.addSubcommand(new CommandLine(new RecordCommand(out)));
    cmd.setDefaultValueProvider(new EnvironmentDefaults(properties, environment));
    cmd.setOut(new java.io.PrintWriter(out, true));
    cmd.setErr(new java.io.PrintWriter(err, true));
    cmd.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("error: " + ex.getMessage());
          ex.getCommandLine().usage(ex.getCommandLine().getErr());
          return EXIT_USAGE;
        });
    cmd.setExecutionExceptionHandler(
        (ex, command, parseResult) -> {
          if (ex instanceof IllegalArgumentException) {
            command.getErr().println("error: " + ex.getMessage());
            return EXIT_USAGE;
          }
          command.getErr().println("error: cannot start the mock: " + ex.getMessage());
          return EXIT_CANNOT_START;
        });
    return cmd;
  }

  /** The settings these options give; bad values throw {@link IllegalArgumentException}. */
  MockServerSettings settings() {
    MockServerSettings.Builder b =
        MockServerSettings.builder().profile(profile).rateLimit(rateLimit).verbose(verbose.verbose);
    server.applyTo(b);
    timing.applyTo(b);
    limits.applyTo(b);
    tokens.applyTo(b, environment);
    security.applyTo(b, environment);
    state.applyTo(b);
    return b.build();
  }

  @Override
  public Integer call() throws InterruptedException {
    var mock = ReelsMock.start(settings());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  mock.close();
                  stopped.countDown();
                },
                "reels-mock-shutdown"));
    mock.onAdminShutdown(stopped::countDown); // POST /__admin/shutdown ends the process: exit 0
    out.print(Banner.of(mock));
    out.flush();
    stopped.await();
    return EXIT_OK;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = MockServerCommand.class.getPackage().getImplementationVersion();
      return new String[] {"reels-mock " + (v == null ? "dev" : v)};
    }
  }
}
