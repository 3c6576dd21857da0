package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.settings.MockServerSettings;
import dev.reelskit.mock.settings.SecuritySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What keeps web pages and other machines from driving the serving mock. The admin token is a
 * secret: it comes from {@code REELS_MOCK_ADMIN_TOKEN} or {@code --admin-token-file}, never from a
 * flag or a system property.
 */
final class SecurityOptions {

  @Option(
      names = "--allowed-host",
      paramLabel = "NAME",
      split = ",",
      description =
          "also serve this Host name (repeatable; *.example.test for subdomains; * for"
              + " any, which turns off the DNS-rebinding protection). Always served: localhost,"
              + " *.localhost, loopback and IP addresses")
  List<String> allowedHosts = List.of();

  @Option(
      names = "--allowed-origin",
      paramLabel = "ORIGIN",
      split = ",",
      description =
          "also let browser pages on this origin read the API's answers (CORS; repeatable):"
              + " [scheme://]host[:port], host may be *.name, port may be *; e.g."
              + " http://192.168.1.20:5173. Always allowed: localhost, *.localhost, 127.0.0.1 and"
              + " [::1] on http or https, any port. Never widens the admin API")
  List<String> allowedOrigins = List.of();

  @Option(
      names = "--admin-token-file",
      paramLabel = "FILE",
      description =
          "the admin token (or env REELS_MOCK_ADMIN_TOKEN): every /__admin request must"
              + " then send Authorization: Bearer <token>. Needed with a non-loopback --bind")
  Path adminTokenFile;

  @Option(
      names = "--unsafe-open-admin",
      description =
          "allow a non-loopback --bind without an admin token (anyone who reaches the"
              + " port can reset, reconfigure or stop the mock)")
  boolean unsafeOpenAdmin;

  @Option(
      names = "--max-body-bytes",
      paramLabel = "N",
      defaultValue = "1048576",
      description =
          "the largest request body read, also once un-gzipped; a larger one gets 413 without"
              + " being read (default: ${DEFAULT-VALUE}, 1 MiB)")
  long maxBodyBytes;

  @Option(
      names = "--body-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description =
          "how long a request body may take to arrive; a slower or stalled upload gets 408"
              + " (default: ${DEFAULT-VALUE})")
  Duration bodyTimeout;

  void applyTo(MockServerSettings.Builder b, Map<String, String> environment) {
    String token = environment.get(EnvironmentDefaults.envName("admin-token"));
    if (adminTokenFile != null) {
      try {
        token = Files.readString(adminTokenFile).trim();
      } catch (IOException e) {
        throw new IllegalArgumentException("admin-token-file: cannot read " + adminTokenFile);
      }
      if (token.isEmpty()) {
        throw new IllegalArgumentException("admin-token-file: " + adminTokenFile + " is empty");
      }
    }
    b.security(
        new SecuritySettings(
            new LinkedHashSet<>(allowedHosts),
            token,
            unsafeOpenAdmin,
            maxBodyBytes,
            bodyTimeout,
            new LinkedHashSet<>(allowedOrigins)));
  }
}
