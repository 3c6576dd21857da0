package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.MockServerSettings;
import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.conformance.ClientCheck;
import dev.reelskit.mock.conformance.ClientCommand;
import dev.reelskit.mock.conformance.ClientCommandException;
import dev.reelskit.mock.conformance.ClientConformanceReport;
import dev.reelskit.mock.internal.conformance.ClientRuleOptions;
import dev.reelskit.mock.conformance.ClientRuleSettings;
import dev.reelskit.mock.internal.conformance.TokenMask;
import dev.reelskit.mock.jobs.TimingProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code check-client [options] -- <client command...>}: starts a mock, runs the client against it
 * with a fresh token, and judges the client's traffic against the client rules (CLIENT-RULES.md).
 * Exit 0 when every rule holds, 1 when one does not (or the client hit its time bound), 2 when the
 * client could not be started, 64 on bad usage.
 */
@Command(name = "check-client", mixinStandardHelpOptions = true,
    description = "Runs a client against the mock and judges its traffic against the client rules"
        + " (CLIENT-RULES.md).%n"
        + "The client gets the base URL and a fresh token through REELS_BASE_URL and REELS_TOKEN,"
        + " and through {baseUrl} and {token} in its arguments.%n"
        + "Every option is also a -Dreels.mock.<name> property and a REELS_MOCK_<NAME> variable.%n"
        + "Exit codes: 0 every rule holds, 1 a rule is broken or the client timed out,"
        + " 2 the client could not be started, 64 bad usage.")
final class CheckClientCommand implements Callable<Integer> {

  static final int EXIT_CONFORMS = 0;
  static final int EXIT_VIOLATIONS = 1;
  static final int EXIT_CLIENT_NOT_STARTED = 2;

  /** check-client's own defaults: any free port, realistic timing, the limits emulated. */
  static final MockServerSettings DEFAULTS = MockServerSettings.defaults().withPort(0)
      .withProfile(TimingProfile.REALISTIC).withRateLimit(true);
  static final Duration DEFAULT_CLIENT_TIMEOUT = Duration.ofMinutes(10);

  @Option(names = "--profile", paramLabel = "NAME",
      description = "job timing: realistic (default: 5-90 s per job), quick, fast")
  String profile;

  @Option(names = "--time-scale", paramLabel = "X",
      description = "mock seconds per real second, e.g. 10 (default 1); the rules judge mock time")
  String timeScale;

  @Option(names = "--port", paramLabel = "N", description = "port of the mock (default 0: any free port)")
  String port;

  @Option(names = "--seed", paramLabel = "N", description = "seed for realistic timings (default 42)")
  String seed;

  @Option(names = "--client-timeout", paramLabel = "DURATION",
      description = "real time the client may run before it is killed and the check fails (default 10m)")
  String clientTimeout;

  @Option(names = "--poll-interval", paramLabel = "DURATION",
      description = "least gap between two polls of one job, mock time (default 5s, as documented)")
  String pollInterval;

  @Option(names = "--tolerance", paramLabel = "DURATION",
      description = "how much earlier than a required wait a request may come (default 500ms)")
  String tolerance;

  @Option(names = "--give-up-after", paramLabel = "DURATION",
      description = "how long after submitting a client may poll an unfinished job (default 120s)")
  String giveUpAfter;

  @Option(names = "--rate-limit-requests", paramLabel = "N",
      description = "requests per token in any 60 s, emulated and judged (default 10, as documented)")
  String rateLimitRequests;

  @Option(names = "--max-unfinished-jobs", paramLabel = "N",
      description = "unfinished jobs per token, emulated and judged (default 3, as documented)")
  String maxUnfinishedJobs;

  @Option(names = "--disable-rate-limit",
      description = "do not answer 429 when the client exceeds a limit (the rules still judge it)")
  boolean disableRateLimit;

  @Option(names = "--verbose",
      description = "print the mock's log while the client runs: job state changes and one line per"
          + " request (default: warnings only)")
  boolean verbose;

  @Option(names = "--report-json", paramLabel = "FILE",
      description = "also write the report as JSON to FILE")
  String reportJson;

  @Parameters(arity = "1..*", paramLabel = "COMMAND",
      description = "the client command after --; {baseUrl} and {token} are replaced")
  List<String> command = new ArrayList<>();

  private final Map<String, String> properties;
  private final Map<String, String> environment;
  private final PrintStream out;

  CheckClientCommand(Map<String, String> properties, Map<String, String> environment,
      PrintStream out) {
    this.properties = properties;
    this.environment = environment;
    this.out = out;
  }

  Map<String, String> flags() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "profile", profile);
    put(m, "time-scale", timeScale);
    put(m, "port", port);
    put(m, "seed", seed);
    put(m, "client-timeout", clientTimeout);
    put(m, ClientRuleOptions.POLL_INTERVAL, pollInterval);
    put(m, ClientRuleOptions.TOLERANCE, tolerance);
    put(m, ClientRuleOptions.GIVE_UP_AFTER, giveUpAfter);
    put(m, ClientRuleOptions.RATE_LIMIT, rateLimitRequests);
    put(m, ClientRuleOptions.MAX_UNFINISHED_JOBS, maxUnfinishedJobs);
    put(m, "report-json", reportJson);
    if (disableRateLimit) {
      m.put("rate-limit", "false");
    }
    if (verbose) {
      m.put("verbose", "true");
    }
    return m;
  }

  @Override
  public Integer call() {
    SettingsResolver resolver = new SettingsResolver(flags(), properties, environment);
    String token = ClientToken.generate();
    // The mock accepts exactly the token the client is given: any other is a CC-AUTH-001 finding.
    MockServerSettings settings = resolver.resolve(DEFAULTS)
        .withTokens(Set.of(token), Set.of(), Set.of());
    Duration timeout = ClientRuleOptions.duration("client-timeout",
        resolver.value("client-timeout", null));
    ClientCommand client = ClientCommand.of(command)
        .withTimeout(timeout == null ? DEFAULT_CLIENT_TIMEOUT : timeout).capturingOutput();
    String jsonFile = resolver.value("report-json", null);
    // The limits judged are the limits emulated, even with the emulation off.
    ClientRuleSettings documented = ClientRuleSettings.defaults();
    ClientRuleSettings rules = ClientRuleOptions.apply(
        documented.withRateLimit(settings.rateLimitRequests(), documented.rateWindow())
            .withMaxUnfinishedJobs(settings.maxUnfinishedJobs()),
        key -> resolver.value(key, null));
    // The mock's INFO lines would interleave with the client's output and the report.
    MockLogLevel logLevel = settings.verbose() ? MockLogLevel.unchanged() : MockLogLevel.warnOnly();
    try (logLevel; ReelsMock mock = MockServerRunner.start(settings)) {
      out.println("check-client: mock on " + mock.baseUrl() + ", profile " + mock.profileLabel()
          + ", rate limit " + (settings.rateLimit() ? "on" : "off") + ", token "
          + TokenMask.fingerprint(token));
      out.println("check-client: rules: polls >= " + human(rules.pollInterval()) + " apart (tolerance "
          + human(rules.tolerance()) + "), <= " + rules.rateLimit() + " requests in any "
          + human(rules.rateWindow()) + ", <= " + rules.maxUnfinishedJobs()
          + " unfinished jobs, give up within " + human(rules.giveUpAfter()));
      out.println("check-client: running " + client.template() + " (timeout "
          + human(client.timeout()) + ")");
      out.flush();
      ClientConformanceReport report;
      try {
        report = ClientCheck.run(mock.baseUrl(), token, client, mock.traffic(), rules,
            mock.profileLabel());
      } catch (ClientCommandException e) {
        out.println("error: " + TokenMask.scrub(e.getMessage(), token));
        return EXIT_CLIENT_NOT_STARTED;
      }
      printClientOutput(report.clientRun().output());
      out.print(TokenMask.scrub(report.toText(), token));
      out.flush();
      if (jsonFile != null) {
        write(Path.of(jsonFile), TokenMask.scrub(report.toJson(), token));
      }
      return report.conforms() ? EXIT_CONFORMS : EXIT_VIOLATIONS;
    }
  }

  private void printClientOutput(String output) {
    if (output.isEmpty()) {
      return;
    }
    out.println("client output (token masked):");
    output.lines().forEach(l -> out.println("  | " + l));
    out.println();
  }

  /** {@code 5s}, {@code 500ms}, {@code 10m}: as the options are written. */
  static String human(Duration d) {
    return d.toMillis() < 1000
        ? d.toMillis() + "ms" : d.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  private static void write(Path file, String json) {
    try {
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("report-json: cannot write " + file + ": " + e.getMessage());
    }
  }

  private static void put(Map<String, String> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
