package dev.reelskit.specgate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare OLD NEW}: is NEW a compatible successor of OLD? */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compares two versions of an OpenAPI 3 spec: shapes (openapi-diff) and the job",
      "lifecycle (x-lifecycle). Exit 0: compatible, or breaking with info.version's major raised;",
      "1: breaking; 64: usage."
    })
final class CompareCommand implements Callable<Integer> {

  static final int COMPATIBLE = 0;
  static final int BREAKING = 1;
  static final int USAGE = 64;

  @Parameters(index = "0", paramLabel = "OLD", description = "the released spec (the baseline)")
  Path oldSpec;

  @Parameters(index = "1", paramLabel = "NEW", description = "the spec to release")
  Path newSpec;

  @Option(names = "--report", paramLabel = "FILE", description = "also write the report to FILE")
  Path report;

  private final PrintWriter out;

  CompareCommand(PrintWriter out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    CompatibilityReport verdict = SpecCompatibility.compare(read(oldSpec), read(newSpec));
    String text = verdict.render();
    out.print(text);
    out.flush();
    if (report != null) {
      if (report.toAbsolutePath().getParent() != null) {
        Files.createDirectories(report.toAbsolutePath().getParent());
      }
      Files.writeString(report, text, StandardCharsets.UTF_8);
    }
    return verdict.fails() ? BREAKING : COMPATIBLE;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** Runs the command; returns its exit code instead of exiting. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new CompareCommand(out));
    cli.setOut(out).setErr(err);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          err.println(e.getMessage());
          e.getCommandLine().usage(err);
          return USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, c, p) -> {
          // Unreadable files and documents that are no OpenAPI spec are the caller's to fix.
          if (e instanceof IllegalArgumentException) {
            err.println(e.getMessage());
            return USAGE;
          }
          throw e;
        });
    return cli.execute(args);
  }
}
