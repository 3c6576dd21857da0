package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.internal.net.HostNames;
import dev.reelskit.mock.settings.SecuritySettings;
import java.util.ArrayList;
import java.util.List;

/** The banner's security lines: which Hosts are served, how the admin API is locked, warnings. */
final class SecurityBanner {

  private SecurityBanner() {}

  static List<String> lines(SecuritySettings s, String bind) {
    List<String> lines = new ArrayList<>();
    if (s.anyHost()) {
      lines.add(
          "  WARNING     --allowed-host *: every Host is served, so a web page can reach the"
              + " mock through DNS rebinding");
    } else {
      lines.add(
          "  hosts       localhost, *.localhost, loopback and IP addresses"
              + (s.allowedHosts().isEmpty() ? "" : ", " + String.join(", ", s.allowedHosts()))
              + "; any other Host gets 403 (--allowed-host NAME)");
    }
    lines.add(
        "  origins     pages on localhost, *.localhost, 127.0.0.1, [::1] (http/https, any port)"
            + (s.allowedOrigins().isEmpty() ? "" : ", " + String.join(", ", s.allowedOrigins()))
            + " may read API answers (--allowed-origin ORIGIN)");
    String locked =
        "non-GET requests need Content-Type: application/json and a local Origin or none";
    if (s.adminToken() != null) {
      lines.add("  admin lock  token required: Authorization: Bearer <admin token>; " + locked);
    } else if (!HostNames.isLoopbackBind(bind)) {
      lines.add(
          "  WARNING     --unsafe-open-admin: the admin API on "
              + bind
              + " has no token;"
              + " anyone who reaches this port can reset, reconfigure or stop the mock");
    } else {
      lines.add("  admin lock  loopback only, no token; " + locked);
    }
    lines.add(
        "  intake      bodies up to "
            + s.maxBodyBytes()
            + " bytes (else 413), "
            + s.bodyTimeout().toMillis()
            + " ms to arrive (else 408); an API token is checked before any body is read");
    return lines;
  }
}
