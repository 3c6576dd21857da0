package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.conformance.ClientCheck;
import dev.reelskit.mock.conformance.ClientCommand;
import dev.reelskit.mock.conformance.ClientCommandException;
import dev.reelskit.mock.conformance.ClientConformanceReport;
import dev.reelskit.mock.conformance.ClientRuleSettings;
import dev.reelskit.mock.internal.conformance.TokenMask;
import dev.reelskit.mock.internal.ruleoptions.ClientRuleOptions;
import dev.reelskit.mock.jobs.TimingProfile;
import dev.reelskit.mock.settings.MockServerSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code check-client [options] -- <client command...>}: starts a mock, runs the client against it
 * with a fresh token, and judges the client's traffic against the client rules
 * (docs/client-rules.md). Exit 0 when every rule holds, 1 when one does not (or the client hit its
 * time bound), 2 when the client could not be started, 64 on bad usage.
 */
@Command(
    name = "check-client",
    mixinStandardHelpOptions = true,
    description =
        "Runs a client against the mock and judges its traffic against the client rules"
            + " (docs/client-rules.md).%n"
            + "The client gets the base URL and a fresh token through REELS_BASE_URL and REELS_TOKEN,"
            + " and through {baseUrl} and {token} in its arguments.%n"
            + "Every option is also a -Dreels.mock.<name> property and a REELS_MOCK_<NAME> variable.%n"
            + "Exit codes: 0 every rule holds, 1 a rule is broken or the client timed out,"
            + " 2 the client could not be started, 64 bad usage.")
final class CheckClientCommand implements Callable<Integer> {

  static final int EXIT_CONFORMS = 0;
  static final int EXIT_VIOLATIONS = 1;
  static final int EXIT_CLIENT_NOT_STARTED = 2;

  static final Duration DEFAULT_CLIENT_TIMEOUT = Duration.ofMinutes(10);

  @Mixin TimingOptions timing;
  @Mixin LimitOptions limits;
  @Mixin VerboseOption verbose;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      defaultValue = "realistic",
      converter = ProfileConverter.class,
      description = "job timing: realistic (default: 5-90 s per job), quick, fast")
  TimingProfile profile;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "0",
      description = "port of the mock (default 0: any free port)")
  int port;

  @Option(
      names = "--client-timeout",
      paramLabel = "DURATION",
      defaultValue = "10m",
      description =
          "real time the client may run before it is killed and the check fails (default 10m)")
  String clientTimeout;

  @Option(
      names = "--" + ClientRuleOptions.POLL_INTERVAL,
      paramLabel = "DURATION",
      description = "least gap between two polls of one job, mock time (default 5s, as documented)")
  String pollInterval;

  @Option(
      names = "--" + ClientRuleOptions.TOLERANCE,
      paramLabel = "DURATION",
      description = "how much earlier than a required wait a request may come (default 500ms)")
  String tolerance;

  @Option(
      names = "--" + ClientRuleOptions.GIVE_UP_AFTER,
      paramLabel = "DURATION",
      description = "how long after submitting a client may poll an unfinished job (default 120s)")
  String giveUpAfter;

  @Option(
      names = "--disable-rate-limit",
      description = "do not answer 429 when the client exceeds a limit (the rules still judge it)")
  boolean disableRateLimit;

  @Option(
      names = "--report-json",
      paramLabel = "FILE",
      description = "also write the report as JSON to FILE")
  Path reportJson;

  @Parameters(
      arity = "1..*",
      paramLabel = "COMMAND",
      description = "the client command after --; {baseUrl} and {token} are replaced")
  List<String> command = new ArrayList<>();

  private final PrintStream out;

  CheckClientCommand(PrintStream out) {
    this.out = out;
  }

  /** The mock's settings: a fresh port, the given timing, the limits emulated unless disabled. */
  MockServerSettings settings(String token) {
    MockServerSettings.Builder b =
        MockServerSettings.builder()
            .port(port)
            .profile(profile)
            .rateLimit(!disableRateLimit)
            .verbose(verbose.verbose)
            // The mock accepts exactly the token the client is given: any other is a CC-AUTH-001
            // finding.
            .tokens(Set.of(token), Set.of(), Set.of());
    timing.applyTo(b);
    limits.applyTo(b);
    return b.build();
  }

  /**
   * The rules judged: the documented ones, with the limits emulated (even with the emulation off).
   */
  ClientRuleSettings rules(MockServerSettings settings) {
    ClientRuleSettings documented = ClientRuleSettings.defaults();
    return ClientRuleOptions.apply(
        documented
            .withRateLimit(settings.rateLimitRequests(), documented.rateWindow())
            .withMaxUnfinishedJobs(settings.maxUnfinishedJobs()),
        key ->
            switch (key) {
              case ClientRuleOptions.POLL_INTERVAL -> pollInterval;
              case ClientRuleOptions.TOLERANCE -> tolerance;
              case ClientRuleOptions.GIVE_UP_AFTER -> giveUpAfter;
              default -> null; // the limits are already the emulated ones
            });
  }

  @Override
  public Integer call() {
    String token = ClientToken.generate();
    MockServerSettings settings = settings(token);
    Duration timeout = ClientRuleOptions.duration("client-timeout", clientTimeout);
    ClientCommand client =
        ClientCommand.of(command)
            .withTimeout(timeout == null ? DEFAULT_CLIENT_TIMEOUT : timeout)
            .capturingOutput();
    ClientRuleSettings rules = rules(settings);
    // The mock's INFO lines would interleave with the client's output and the report.
    MockLogLevel logLevel = settings.verbose() ? MockLogLevel.unchanged() : MockLogLevel.warnOnly();
    try (logLevel;
        ReelsMock mock = ReelsMock.start(settings)) {
      out.println(
          "check-client: mock on "
              + mock.baseUrl()
              + ", profile "
              + mock.profileLabel()
              + ", rate limit "
              + (settings.rateLimit() ? "on" : "off")
              + ", token "
              + TokenMask.fingerprint(token));
      out.println(
          "check-client: rules: polls >= "
              + human(rules.pollInterval())
              + " apart (tolerance "
              + human(rules.tolerance())
              + "), <= "
              + rules.rateLimit()
              + " requests in any "
              + human(rules.rateWindow())
              + ", <= "
              + rules.maxUnfinishedJobs()
              + " unfinished jobs, give up within "
              + human(rules.giveUpAfter()));
      out.println(
          "check-client: running "
              + client.template()
              + " (timeout "
              + human(client.timeout())
              + ")");
      out.flush();
      ClientConformanceReport report;
      try {
        report =
            ClientCheck.run(
                mock.baseUrl(), token, client, mock.traffic(), rules, mock.profileLabel());
      } catch (ClientCommandException e) {
        out.println("error: " + TokenMask.scrub(e.getMessage(), token));
        return EXIT_CLIENT_NOT_STARTED;
      }
      printClientOutput(report.clientRun().output());
      out.print(TokenMask.scrub(report.toText(), token));
      out.flush();
      if (reportJson != null) {
        write(reportJson, TokenMask.scrub(report.toJson(), token));
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
        ? d.toMillis() + "ms"
        : d.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  private static void write(Path file, String json) {
    try {
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "report-json: cannot write " + file + ": " + e.getMessage());
    }
  }
}
