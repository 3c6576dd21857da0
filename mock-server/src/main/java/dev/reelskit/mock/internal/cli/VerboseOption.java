package dev.reelskit.mock.internal.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, shared by every command. */
final class VerboseOption {

  @Option(
      names = "--verbose",
      description = "log the mock's requests, one line each (token masked), and job state changes")
  boolean verbose;
}
