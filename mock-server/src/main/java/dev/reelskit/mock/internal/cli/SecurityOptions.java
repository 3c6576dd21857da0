package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.SecuritySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The security options, a picocli mixin: {@code --allowed-host}, {@code --admin-token-file} and
 * {@code --unsafe-open-admin}. The admin token itself is a secret and has no flag: it comes from
 * {@code REELS_MOCK_ADMIN_TOKEN} (or {@code -Dreels.mock.admin-token}) or the file.
 */
final class SecurityOptions {

  @Option(names = "--allowed-host", paramLabel = "NAME",
      description = "also serve this Host name (repeatable; *.example.test for subdomains; * = any,"
          + " which turns DNS-rebinding protection off). Default: localhost, *.localhost,"
          + " loopback and IP addresses only")
  List<String> allowedHosts;

  @Option(names = "--admin-token-file", paramLabel = "FILE",
      description = "file holding the admin token (or env REELS_MOCK_ADMIN_TOKEN): every"
          + " /__admin request must then send Authorization: Bearer <token>. Required with a"
          + " non-loopback --bind")
  String adminTokenFile;

  @Option(names = "--unsafe-open-admin",
      description = "allow a non-loopback --bind without an admin token (anyone who can reach the"
          + " port can reset, reconfigure or stop the mock)")
  boolean unsafeOpenAdmin;

  /** The flags given, by option name (the resolver's first layer). */
  Map<String, String> flags() {
    Map<String, String> m = new LinkedHashMap<>();
    if (allowedHosts != null && !allowedHosts.isEmpty()) {
      m.put("allowed-host", String.join(",", allowedHosts));
    }
    if (adminTokenFile != null) {
      m.put("admin-token-file", adminTokenFile);
    }
    if (unsafeOpenAdmin) {
      m.put("unsafe-open-admin", "true");
    }
    return m;
  }

  /** @throws IllegalArgumentException with a message for the user when a value is invalid */
  static SecuritySettings resolve(SettingsResolver r) {
    Set<String> hosts = new LinkedHashSet<>();
    String listed = r.value("allowed-host", null);
    if (listed != null) {
      for (String h : listed.split(",")) {
        if (!h.isBlank()) {
          hosts.add(h.trim());
        }
      }
    }
    String token = r.value("admin-token", null);
    String file = r.value("admin-token-file", null);
    if (file != null) {
      try {
        token = Files.readString(Path.of(file)).trim();
      } catch (IOException e) {
        throw new IllegalArgumentException("admin-token-file: cannot read " + file);
      }
      if (token.isEmpty()) {
        throw new IllegalArgumentException("admin-token-file: " + file + " is empty");
      }
    }
    String unsafe = r.value("unsafe-open-admin", "false");
    if (!unsafe.equalsIgnoreCase("true") && !unsafe.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException("unsafe-open-admin must be true or false, was '"
          + unsafe + "'");
    }
    return new SecuritySettings(hosts, token, Boolean.parseBoolean(unsafe));
  }
}
