package dev.reelskit.mock;

import dev.reelskit.mock.internal.cli.MockServerCommand;

/** {@code java -jar reels-mock-server.jar}: see {@link MockServerCommand}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // The jar's console logging. A named file, not logback.xml, so that a build embedding the mock
    // as a library keeps its own logging setup; -Dlogback.configurationFile still wins.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "dev/reelskit/mock/logback-cli.xml");
    }
    int exit = MockServerCommand.commandLine(
        System.getProperties().entrySet().stream().collect(java.util.stream.Collectors.toMap(
            e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))),
        System.getenv(), System.out, System.err).execute(args);
    System.exit(exit); // also after POST /__admin/shutdown: no JVM left running that does not listen
  }
}
