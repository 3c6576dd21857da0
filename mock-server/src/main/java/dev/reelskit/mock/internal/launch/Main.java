package dev.reelskit.mock.internal.launch;

import dev.reelskit.mock.internal.cli.MockServerCommand;
import dev.reelskit.openapi.ReelsApiSpec;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code java -jar reels-mock-server.jar}: see {@link MockServerCommand}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    String cds = System.getProperty(ArchiveRelaunch.PROPERTY);
    Optional<List<String>> child = ArchiveRelaunch.childCommand(cds, args);
    if (child.isPresent()) {
      try {
        System.exit(ArchiveRelaunch.run(child.get()));
      } catch (IOException | InterruptedException e) {
        System.err.println(
            "cannot relaunch on the class-data archive ("
                + e.getMessage()
                + "); -D"
                + ArchiveRelaunch.PROPERTY
                + "=off starts without it");
        System.exit(MockServerCommand.EXIT_CANNOT_START);
      }
    }
    ArchiveRelaunch.exitWithLauncher(cds, System.in);
    // Reading the spec takes a fifth of the start and needs nothing from the command line, so it
    // runs on another core while picocli and logging start on this one; whoever needs the spec
    // first waits for the class's initialisation (a failure shows there, not in this thread).
    Thread spec = new Thread(ReelsApiSpec::get, "reels-spec-read");
    spec.setDaemon(true);
    spec.setUncaughtExceptionHandler(
        (thread, e) -> System.err.println("cannot read the spec: " + e));
    spec.start();
    // The jar's console logging. A named file, not logback.xml, so that a build embedding the mock
    // as a library keeps its own logging setup; -Dlogback.configurationFile still wins.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "dev/reelskit/mock/logback-cli.xml");
    }
    int exit =
        MockServerCommand.commandLine(
                System.getProperties().entrySet().stream()
                    .collect(
                        java.util.stream.Collectors.toMap(
                            e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))),
                System.getenv(),
                System.out,
                System.err)
            .execute(args);
    System.exit(
        exit); // also after POST /__admin/shutdown: no JVM left running that does not listen
  }
}
