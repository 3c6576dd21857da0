package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.settings.Latency;
import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.mock.settings.Readings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How the serving mock listens and what it keeps: the options only {@code java -jar} has. */
final class ServerOptions {

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8089",
      description = "port, 0 = any free port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description = "address to bind (default: ${DEFAULT-VALUE})")
  String bind;

  @Option(
      names = "--request-journal",
      description = "keep WireMock's request journal (memory grows per request)")
  boolean requestJournal;

  @Option(
      names = "--disable-seed-jobs",
      description = "start without the seeded jobs (42 done, ...)")
  boolean disableSeedJobs;

  @Option(
      names = "--traffic-capacity",
      paramLabel = "N",
      defaultValue = "10000",
      description = "requests kept in the traffic record (default: ${DEFAULT-VALUE})")
  int trafficCapacity;

  @Option(
      names = "--latency",
      paramLabel = "NAME",
      defaultValue = "none",
      converter = LatencyConverter.class,
      description = "none (default) or realistic: a seeded lognormal delay, tens to hundreds of ms")
  Latency latency;

  @Option(
      names = "--readings",
      paramLabel = "MODE",
      defaultValue = "spec",
      description =
          "spec (default): jobs as the spec's examples; rotate: every legal reading the docs allow"
              + " (hooks string/array, key_moments objects/strings, platform_meta null, extra"
              + " fields, created_at Z/offset/none, ids above 2^32), picked by the reel code;"
              + " X-Reels-Reading names it")
  String readings;

  @Option(
      names = "--root-dir",
      paramLabel = "DIR",
      description = "WireMock root directory: stubs from DIR/mappings, bodies from DIR/__files")
  Path rootDir;

  void applyTo(MockServerSettings.Builder b) {
    if (rootDir != null && !Files.isDirectory(rootDir)) {
      throw new IllegalArgumentException("root-dir: " + rootDir + " is not a directory");
    }
    b.port(port)
        .bind(bind)
        .requestJournal(requestJournal)
        .seedJobs(!disableSeedJobs)
        .trafficCapacity(trafficCapacity)
        .latency(latency)
        .readings(Readings.fromCliName(readings))
        .rootDir(rootDir);
  }
}
