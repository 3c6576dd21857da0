package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.http.Masker;
import dev.reelskit.contract.internal.report.ConsoleReporter;
import dev.reelskit.contract.internal.report.RunOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import picocli.CommandLine;

/** What {@code java -jar reels-contract-tests.jar} does, without {@code System.exit}. */
public final class ContractRunner {

  private static final Pattern TOKEN_SHAPE = Pattern.compile("ist_[A-Za-z0-9]{4,}");

  private final Map<String, String> env;
  private final Map<String, String> properties;
  private final PrintStream out;
  private final PrintStream err;

  public ContractRunner(
      Map<String, String> env, Map<String, String> properties, PrintStream out, PrintStream err) {
    this.env = env;
    this.properties = properties;
    this.out = out;
    this.err = err;
  }

  /** Runs the suites and returns the exit code (0, 1, 2 or 64). */
  public int run(String... args) {
    CliOptions options = new CliOptions();
    CommandLine cli = new CommandLine(options);
    try {
      cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      // Picocli echoes what it did not understand, and that may be a token passed as a flag.
      err.println(maskTokens(e.getMessage()));
      cli.usage(err);
      return RunOutcome.USAGE;
    }
    if (cli.isUsageHelpRequested()) {
      cli.usage(out);
      return RunOutcome.OK;
    }
    if (cli.isVersionHelpRequested()) {
      cli.printVersionHelp(out);
      return RunOutcome.OK;
    }
    ContractTestSettings settings;
    try {
      settings = new SettingsResolver(env, properties).resolve(options);
    } catch (UsageException e) {
      err.println("reels-contract-tests: " + e.getMessage());
      err.println("Try --help.");
      return RunOutcome.USAGE;
    }
    out.println("reels-contract-tests: " + settings);
    String unreachable = unreachable(settings.baseUrl());
    if (unreachable != null) {
      // The same one ERROR line a transport failure during the run prints: a server that resets
      // connections may do so at the first connect or at the first request, and the caller sees one
      // outcome either way.
      out.println("ERROR cannot reach " + settings.baseUrl() + ": " + unreachable);
      return RunOutcome.NOTHING_RAN;
    }
    try {
      Files.createDirectories(settings.reportsDir());
    } catch (IOException e) {
      err.println("reels-contract-tests: cannot create " + settings.reportsDir() + ": " + e);
      return RunOutcome.NOTHING_RAN;
    }
    RunOutcome outcome = new RunOutcome();
    try {
      SuiteLauncher.launch(
          settings,
          outcome,
          new ConsoleReporter(out),
          new LegacyXmlReportGeneratingListener(settings.reportsDir(), new PrintWriter(err, true)));
    } catch (RuntimeException | Error e) {
      // The suite turns what stops a run into a setup failure; this is for what escapes JUnit
      // itself (it rethrows an OutOfMemoryError and ends the launch): one line, exit 2, never 1.
      out.println("ERROR the run stopped: " + e.getClass().getSimpleName());
      out.println("exit code " + RunOutcome.NOTHING_RAN);
      return RunOutcome.NOTHING_RAN;
    }
    int code = outcome.exitCode();
    out.println("JUnit XML: " + settings.reportsDir().toAbsolutePath());
    out.println("exit code " + code);
    return code;
  }

  private String maskTokens(String text) {
    String masked =
        new Masker(
                java.util.Arrays.asList(
                    env.get(SettingsResolver.TOKEN_VARIABLE),
                    env.get(SettingsResolver.FORBIDDEN_TOKEN_VARIABLE)))
            .text(text);
    return TOKEN_SHAPE.matcher(masked).replaceAll(m -> ContractTestSettings.mask(m.group()));
  }

  /** A TCP connect costs no request from the budget; null when the server answers. */
  private static String unreachable(URI baseUrl) {
    int port =
        baseUrl.getPort() > 0 ? baseUrl.getPort() : "https".equals(baseUrl.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(baseUrl.getHost(), port), 5_000);
      return null;
    } catch (IOException e) {
      return e.toString();
    }
  }
}
