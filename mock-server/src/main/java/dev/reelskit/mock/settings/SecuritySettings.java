package dev.reelskit.mock.settings;

import dev.reelskit.mock.internal.net.HostNames;
import dev.reelskit.mock.internal.net.OriginPattern;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What keeps web pages and other machines from driving the mock: the Host names it answers besides
 * the local ones, the admin token, the explicit opt-out for an open admin API off loopback, and the
 * bounds on what a peer may upload.
 *
 * @param allowedHosts extra {@code Host} names to serve ({@code --allowed-host}); {@code *} = any
 * @param adminToken the Bearer token every admin request must carry, or null for none
 * @param unsafeOpenAdmin allow a non-loopback bind without an admin token
 * @param maxBodyBytes the largest request body read (also once un-gzipped); a larger one gets 413
 * @param bodyTimeout how long a request body may take to arrive, from its first byte; a slower one
 *     gets 408
 * @param allowedOrigins browser origins besides the loopback ones whose pages may read the API's
 *     answers (CORS; {@code --allowed-origin}); never the admin API's
 */
public record SecuritySettings(
    Set<String> allowedHosts,
    String adminToken,
    boolean unsafeOpenAdmin,
    long maxBodyBytes,
    Duration bodyTimeout,
    Set<String> allowedOrigins) {

  /** The value of {@code --allowed-host} that lets every Host in. */
  public static final String ANY_HOST = "*";

  /** 1 MiB: the API's body is one URL; WireMock's stub bodies fit many times over. */
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  /** Enough for 1 MiB at 100 KB/s; a stalled upload is cut off here. */
  public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(10);

  /** The intake limits below which requests with bodies would stop making sense. */
  static final long MIN_BODY_BYTES = 1024;

  static final Duration MIN_BODY_TIMEOUT = Duration.ofMillis(100);

  /** 1 GiB: a body is one array in memory, and the intake's budget is 32 of them. */
  static final long MAX_BODY_BYTES = 1L << 30;

  public SecuritySettings {
    if (maxBodyBytes < MIN_BODY_BYTES || maxBodyBytes > MAX_BODY_BYTES) {
      throw new IllegalArgumentException(
          "max-body-bytes must be "
              + MIN_BODY_BYTES
              + ".."
              + MAX_BODY_BYTES
              + ", was "
              + maxBodyBytes);
    }
    if (bodyTimeout == null || bodyTimeout.compareTo(MIN_BODY_TIMEOUT) < 0) {
      throw new IllegalArgumentException(
          "body-timeout must be at least "
              + MIN_BODY_TIMEOUT.toMillis()
              + "ms, was "
              + bodyTimeout);
    }
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

  /**
   * The default intake limits ({@link #DEFAULT_MAX_BODY_BYTES}, {@link #DEFAULT_BODY_TIMEOUT}),
   * without extra browser origins.
   */
  public SecuritySettings(Set<String> allowedHosts, String adminToken, boolean unsafeOpenAdmin) {
    this(
        allowedHosts,
        adminToken,
        unsafeOpenAdmin,
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_BODY_TIMEOUT,
        Set.of());
  }

  /** Local names only, no admin token: what the jar and the JUnit 5 extension start with. */
  public static SecuritySettings defaults() {
    return new SecuritySettings(Set.of(), null, false);
  }

  public SecuritySettings withAllowedHosts(Set<String> hosts) {
    return new SecuritySettings(
        hosts, adminToken, unsafeOpenAdmin, maxBodyBytes, bodyTimeout, allowedOrigins);
  }

  public SecuritySettings withAllowedOrigins(Set<String> origins) {
    return new SecuritySettings(
        allowedHosts, adminToken, unsafeOpenAdmin, maxBodyBytes, bodyTimeout, origins);
  }

  public SecuritySettings withAdminToken(String token) {
    return new SecuritySettings(
        allowedHosts, token, unsafeOpenAdmin, maxBodyBytes, bodyTimeout, allowedOrigins);
  }

  public SecuritySettings withUnsafeOpenAdmin(boolean on) {
    return new SecuritySettings(
        allowedHosts, adminToken, on, maxBodyBytes, bodyTimeout, allowedOrigins);
  }

  /** The largest request body the mock reads; a larger one is refused with 413 unread. */
  public SecuritySettings withMaxBodyBytes(long bytes) {
    return new SecuritySettings(
        allowedHosts, adminToken, unsafeOpenAdmin, bytes, bodyTimeout, allowedOrigins);
  }

  /** How long a request body may take to arrive; a slower one is refused with 408. */
  public SecuritySettings withBodyTimeout(Duration timeout) {
    return new SecuritySettings(
        allowedHosts, adminToken, unsafeOpenAdmin, maxBodyBytes, timeout, allowedOrigins);
  }

  /**
   * The most bytes of request bodies held at once, across every request being read: 32 bodies at
   * the cap. A request that would go beyond it is refused with 503 and {@code Retry-After}.
   */
  public long bodyBudgetBytes() {
    return maxBodyBytes > Long.MAX_VALUE / 32 ? Long.MAX_VALUE : maxBodyBytes * 32;
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
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", bodyTimeout="
        + bodyTimeout
        + ", allowedOrigins="
        + allowedOrigins
        + "]";
  }
}
