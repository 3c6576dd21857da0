package dev.reelskit.mock.internal.security;

import dev.reelskit.mock.internal.net.HostNames;
import dev.reelskit.mock.settings.SecuritySettings;
import java.net.URI;
import java.util.Set;

/**
 * Which {@code Host} headers the mock answers and which {@code Origin}s count as local.
 *
 * <p>Hosts: the local names ({@code localhost}, {@code *.localhost}, {@code 127.x.x.x}, {@code
 * [::1]}), the bound address, any IP address, and the {@code --allowed-host} names. An IP address
 * cannot be the result of DNS rebinding (the attack needs a name the attacker controls), so IP
 * literals are always served, as Vite's {@code server.allowedHosts} does.
 *
 * <p>Origins (for the admin API) are narrower: a page's own origin is only trusted when its host is
 * local, the bound address or a named {@code --allowed-host}; {@code *} never widens them.
 */
public final class HostAllowList {

  private final Set<String> named;
  private final boolean any;
  private final String bindHost;

  public HostAllowList(SecuritySettings settings, String bind) {
    this.any = settings.anyHost();
    this.named = settings.allowedHosts();
    this.bindHost = HostNames.asHost(bind);
  }

  /** Whether a request with this {@code Host} header is served; a request without one is. */
  public boolean allowsHostHeader(String hostHeader) {
    if (hostHeader == null || any) {
      return true;
    }
    String host = HostNames.hostOf(hostHeader);
    return host != null && (HostNames.isIpLiteral(host) || isTrusted(host));
  }

  /**
   * Whether a page of this origin may drive the admin API: no {@code Origin} header (curl, the
   * WireMock client), or an http(s) origin whose host is trusted.
   */
  public boolean allowsOrigin(String origin) {
    if (origin == null) {
      return true;
    }
    String host = originHost(origin);
    return host != null && isTrusted(host);
  }

  private boolean isTrusted(String host) {
    if (HostNames.isLocal(host) || host.equals(bindHost)) {
      return true;
    }
    for (String allowed : named) {
      if (!allowed.equals(SecuritySettings.ANY_HOST) && HostNames.matches(allowed, host)) {
        return true;
      }
    }
    return false;
  }

  private static String originHost(String origin) {
    try {
      URI uri = new URI(origin.trim());
      String scheme = uri.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)
          || uri.getRawAuthority() == null
          || uri.getRawUserInfo() != null
          || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
        return null;
      }
      return HostNames.hostOf(uri.getRawAuthority());
    } catch (java.net.URISyntaxException e) {
      return null; // includes the opaque "null" origin of sandboxed frames and file:// pages
    }
  }
}
