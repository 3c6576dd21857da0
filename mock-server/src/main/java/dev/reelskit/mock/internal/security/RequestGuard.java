package dev.reelskit.mock.internal.security;

import dev.reelskit.mock.internal.net.HostNames;
import dev.reelskit.mock.settings.SecuritySettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks every request passes before the mock or WireMock handles it, in order:
 *
 * <ol>
 *   <li>its {@code Host} is allowed ({@link HostAllowList}), for the API, the docs and the admin
 *       API;
 *   <li>under {@code /__admin}: its {@code Origin}, when present, is local (preflights included);
 *   <li>under {@code /__admin}, when an admin token is set: {@code Authorization: Bearer <token>};
 *   <li>a state-changing admin request (anything but GET, HEAD, OPTIONS and a DELETE without body)
 *       says {@code Content-Type: application/json}, which no simple cross-origin request can.
 * </ol>
 */
public final class RequestGuard {

  private static final String HOST_HINT = "start the mock with --allowed-host ";

  private final HostAllowList hosts;
  private final byte[] adminToken;

  public RequestGuard(SecuritySettings settings, String bind) {
    this.hosts = new HostAllowList(settings, bind);
    this.adminToken =
        settings.adminToken() == null
            ? null
            : settings.adminToken().getBytes(StandardCharsets.UTF_8);
  }

  /** Empty when the request may go on; else how to refuse it. */
  public Optional<Refusal> check(GuardedRequest request) {
    if (!hosts.allowsHostHeader(request.host())) {
      String host = HostNames.hostOf(request.host());
      return Optional.of(
          Refusal.forbidden(
              "Host "
                  + Refusal.quote(request.host())
                  + " is not allowed (DNS rebinding protection): "
                  + HOST_HINT
                  + (host == null ? "NAME" : host)
                  + " to serve it"));
    }
    if (!request.isAdmin()) {
      return Optional.empty();
    }
    if (!hosts.allowsOrigin(request.origin()) && !sameOrigin(request)) {
      return Optional.of(
          Refusal.forbidden(
              "admin API refused: Origin "
                  + Refusal.quote(request.origin())
                  + " is not local (allowed: localhost, *.localhost, 127.0.0.1, [::1],"
                  + " the bound address and --allowed-host names)"));
    }
    if (request.isPreflight()) {
      return Optional.empty(); // a preflight carries no credentials; the real request is checked
    }
    if (adminToken != null && !hasAdminToken(request.authorization())) {
      return Optional.of(
          Refusal.unauthorized(
              "admin API requires Authorization: Bearer <admin"
                  + " token> (the token set by REELS_MOCK_ADMIN_TOKEN or --admin-token-file)"));
    }
    if (changesState(request) && !isJson(request.contentType())) {
      return Optional.of(
          Refusal.forbidden(
              "admin API refused: a "
                  + request.method()
                  + " needs Content-Type: application/json (was "
                  + (request.contentType() == null ? "none" : Refusal.quote(request.contentType()))
                  + ")"));
    }
    return Optional.empty();
  }

  private static boolean changesState(GuardedRequest r) {
    return switch (r.method()) {
      case "GET", "HEAD", "OPTIONS" -> false;
      // WireMock's own client sends DELETE without a body or Content-Type; a DELETE is never a
      // simple cross-origin request, so its Origin alone decides.
      case "DELETE" -> r.hasBody();
      default -> true;
    };
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return type.toLowerCase(Locale.ROOT).equals("application/json");
  }

  /** A page of the mock's own origin (e.g. its LAN address) may use the admin API. */
  private static boolean sameOrigin(GuardedRequest r) {
    if (r.origin() == null || r.host() == null) {
      return false;
    }
    String o = r.origin().trim().toLowerCase(Locale.ROOT);
    String authority = o.startsWith("http://") ? o.substring(7) : null;
    return authority != null && authority.equals(r.host().trim().toLowerCase(Locale.ROOT));
  }

  private boolean hasAdminToken(String authorization) {
    if (authorization == null
        || authorization.length() < 7
        || !authorization.substring(0, 7).equalsIgnoreCase("bearer ")) {
      return false;
    }
    byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, adminToken); // constant time: no timing oracle
  }
}
