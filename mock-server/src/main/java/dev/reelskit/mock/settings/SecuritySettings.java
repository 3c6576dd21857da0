package dev.reelskit.mock.settings;

import dev.reelskit.mock.internal.net.HostNames;
import dev.reelskit.mock.internal.net.OriginPattern;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What keeps web pages and other machines from driving the mock: the Host names it answers besides
 * the local ones, the admin token, and the explicit opt-out for an open admin API off loopback.
 *
 * @param allowedHosts extra {@code Host} names to serve ({@code --allowed-host}); {@code *} = any
 * @param adminToken the Bearer token every admin request must carry, or null for none
 * @param unsafeOpenAdmin allow a non-loopback bind without an admin token
 * @param allowedOrigins browser origins besides the loopback ones whose pages may read the API's
 *     answers (CORS; {@code --allowed-origin}); never the admin API's
 */
public record SecuritySettings(
    Set<String> allowedHosts,
    String adminToken,
    boolean unsafeOpenAdmin,
    Set<String> allowedOrigins) {

  /** The value of {@code --allowed-host} that lets every Host in. */
  public static final String ANY_HOST = "*";

  public SecuritySettings {
    Set<String> hosts = new LinkedHashSet<>();
    for (String host : allowedHosts) {
      String h = host.trim().toLowerCase(Locale.ROOT);
      if (!h.equals(ANY_HOST) && !HostNames.isValidAllowedHost(h)) {
        throw new IllegalArgumentException(
            "allowed-host must be a host name without scheme or"
                + " port (e.g. mock.internal or *.example.test), was '"
                + host
                + "'");
      }
      hosts.add(h);
    }
    allowedHosts = Collections.unmodifiableSet(hosts); // in the order given, for the banner
    if (adminToken != null && adminToken.isBlank()) {
      adminToken = null;
    }
    if (adminToken != null && adminToken.trim().length() < 16) {
      throw new IllegalArgumentException("the admin token must be at least 16 characters");
    }
    adminToken = adminToken == null ? null : adminToken.trim();
    Set<String> origins = new LinkedHashSet<>();
    for (String origin : allowedOrigins) {
      origins.add(OriginPattern.parse(origin).toString()); // refuses a malformed one here
    }
    allowedOrigins = Collections.unmodifiableSet(origins);
  }

  /** Without extra browser origins. */
  public SecuritySettings(Set<String> allowedHosts, String adminToken, boolean unsafeOpenAdmin) {
    this(allowedHosts, adminToken, unsafeOpenAdmin, Set.of());
  }

  /** Local names only, no admin token: what the jar and the JUnit 5 extension start with. */
  public static SecuritySettings defaults() {
    return new SecuritySettings(Set.of(), null, false);
  }

  public SecuritySettings withAllowedHosts(Set<String> hosts) {
    return new SecuritySettings(hosts, adminToken, unsafeOpenAdmin, allowedOrigins);
  }

  public SecuritySettings withAllowedOrigins(Set<String> origins) {
    return new SecuritySettings(allowedHosts, adminToken, unsafeOpenAdmin, origins);
  }

  public SecuritySettings withAdminToken(String token) {
    return new SecuritySettings(allowedHosts, token, unsafeOpenAdmin, allowedOrigins);
  }

  public SecuritySettings withUnsafeOpenAdmin(boolean on) {
    return new SecuritySettings(allowedHosts, adminToken, on, allowedOrigins);
  }

  /** Whether {@code --allowed-host *} turned the Host check off. */
  public boolean anyHost() {
    return allowedHosts.contains(ANY_HOST);
  }

  /**
   * Refuses to run an admin API that anyone on the network could drive.
   *
   * @throws IllegalArgumentException when {@code bind} is not a loopback address, no admin token is
   *     set and {@link #unsafeOpenAdmin} is off
   */
  public void requireLockedAdminOn(String bind) {
    if (adminToken == null && !unsafeOpenAdmin && !HostNames.isLoopbackBind(bind)) {
      throw new IllegalArgumentException(
          "--bind "
              + bind
              + " is not a loopback address, so the"
              + " admin API needs a token: set REELS_MOCK_ADMIN_TOKEN or --admin-token-file FILE"
              + " (or accept an open admin API with --unsafe-open-admin)");
    }
  }

  /** The admin token is a secret: only whether it is set is shown. */
  @Override
  public String toString() {
    return "SecuritySettings[allowedHosts="
        + allowedHosts
        + ", adminToken="
        + (adminToken == null ? "none" : "set")
        + ", unsafeOpenAdmin="
        + unsafeOpenAdmin
        + ", allowedOrigins="
        + allowedOrigins
        + "]";
  }
}
