package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.http.Masker;
import dev.reelskit.contract.internal.http.RequestBudget;
import dev.reelskit.contract.internal.launch.RunRecord;
import dev.reelskit.contract.internal.report.CaseCollector;
import dev.reelskit.contract.internal.report.ConsoleReporter;
import dev.reelskit.contract.internal.report.HtmlReport;
import dev.reelskit.contract.internal.report.JUnitXml;
import dev.reelskit.contract.internal.report.MarkdownSummary;
import dev.reelskit.contract.internal.report.RunOutcome;
import dev.reelskit.contract.internal.report.RunReport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
    ContractCommand command = new ContractCommand();
    CommandLine cli = ContractCommand.commandLine(command, properties, env);
    try {
      cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      return usage(e);
    }
    if (cli.isUsageHelpRequested()) {
      cli.usage(out);
      return RunOutcome.OK;
    }
    if (cli.isVersionHelpRequested()) {
      cli.printVersionHelp(out);
      return RunOutcome.OK;
    }
    ContractTestSettings provisional;
    try {
      provisional = command.settings(env);
    } catch (UsageException e) {
      return usage(e.getMessage());
    }
    out.println(
        "reels-contract-tests: checking "
            + provisional.baseUrl()
            + " with the token "
            + provisional.maskedToken());
    String unreachable = unreachable(provisional.baseUrl());
    if (unreachable != null) {
      // The same one ERROR line a transport failure during the run prints: a server that resets
      // connections may do so at the first connect or at the first request, and the caller sees one
      // outcome either way.
      out.println("ERROR cannot reach " + provisional.baseUrl() + ": " + unreachable);
      return RunOutcome.NOTHING_RAN;
    }
    Preflight preflight = Preflight.check(provisional);
    if (preflight.failure() != null) {
      out.println("ERROR " + preflight.failure());
      out.println("exit code " + RunOutcome.NOTHING_RAN);
      return RunOutcome.NOTHING_RAN;
    }
    Budget budget = command.budget.choose(preflight.announcement());
    ContractTestSettings settings;
    try {
      settings = command.settings(env, budget);
    } catch (UsageException e) {
      return usage(e.getMessage());
    }
    chargePreflight(provisional, settings);
    List<String> overrides = command.budget.overrides();
    out.println(
        "reels-contract-tests: budget "
            + budget.describe()
            + (overrides.isEmpty() ? "" : "; overridden by " + String.join(", ", overrides)));
    out.println("reels-contract-tests: " + settings);
    try {
      Files.createDirectories(settings.reportsDir());
    } catch (IOException e) {
      err.println("reels-contract-tests: cannot create " + settings.reportsDir() + ": " + e);
      return RunOutcome.NOTHING_RAN;
    }
    RunOutcome outcome = new RunOutcome();
    RunRecord record = new RunRecord();
    CaseCollector cases =
        new CaseCollector(new Masker(Arrays.asList(settings.token(), settings.forbiddenToken())));
    Instant started = Instant.now();
    long start = System.nanoTime();
    SuiteLauncher.launch(settings, outcome, record, new ConsoleReporter(out), cases);
    int code = outcome.exitCode();
    RunReport report =
        new RunReport(
            settings.baseUrl().toString(),
            budget.describe(),
            settings.toString(),
            started,
            (System.nanoTime() - start) / 1_000_000,
            code,
            cases.cases(),
            record);
    try {
      Path dir = settings.reportsDir();
      out.println("JUnit XML: " + JUnitXml.write(report, dir).toAbsolutePath());
      out.println("HTML report: " + HtmlReport.write(report, dir).toAbsolutePath());
      Path markdown = dir.resolve("contract-summary.md");
      Files.deleteIfExists(markdown);
      MarkdownSummary.append(report, markdown);
      Path summary = command.reports.summaryFile(env);
      if (summary != null) {
        MarkdownSummary.append(report, summary);
        out.println("Markdown summary appended to " + summary);
      }
    } catch (IOException e) {
      err.println("reels-contract-tests: cannot write the reports: " + e.getMessage());
      code = Math.max(code, RunOutcome.NOTHING_RAN);
    }
    out.println("exit code " + code);
    return code;
  }

  /**
   * The preflight request was counted in the provisional budget; when the run's budget is another
   * one, it is counted there too, so the run never sends one request more than its budget allows.
   */
  private static void chargePreflight(ContractTestSettings provisional, ContractTestSettings run) {
    if (run.rateLimit().equals(provisional.rateLimit())) {
      return;
    }
    RequestBudget budget =
        RequestBudget.forTarget(run.baseUrl().toString(), run.token(), run.rateLimit());
    try {
      budget.acquire();
      budget.release();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One or two lines, never the whole usage: an unknown option gets a "did you mean"; anything
   * picocli echoes is masked (it may be a token passed as a flag).
   */
  private int usage(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()) {
      String first = unmatched.getUnmatched().get(0);
      List<String> suggestions = unmatched.getSuggestions();
      String message = maskTokens(e.getMessage());
      if (first.startsWith("-") && !suggestions.isEmpty()) {
        message += "; did you mean " + String.join(" or ", suggestions) + "?";
      }
      return usage(message);
    }
    return usage(maskTokens(e.getMessage()));
  }

  private int usage(String message) {
    err.println("reels-contract-tests: " + message);
    err.println("Try --help.");
    return RunOutcome.USAGE;
  }

  private String maskTokens(String text) {
    String masked =
        new Masker(
                Arrays.asList(
                    env.get(TargetOptions.TOKEN_VARIABLE),
                    env.get(TargetOptions.FORBIDDEN_TOKEN_VARIABLE)))
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
