package dev.reelskit.mock;

import dev.reelskit.mock.internal.cli.MockServerCommand;

/** {@code java -jar reels-mock-server.jar}: see {@link MockServerCommand}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int exit = MockServerCommand.commandLine(
        System.getProperties().entrySet().stream().collect(java.util.stream.Collectors.toMap(
            e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))),
        System.getenv(), System.out, System.err).execute(args);
    if (exit != MockServerCommand.EXIT_OK) {
      System.exit(exit);
    }
  }
}
