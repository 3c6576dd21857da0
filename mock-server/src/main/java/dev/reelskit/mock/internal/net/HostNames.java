package dev.reelskit.mock.internal.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Host names as they arrive in {@code Host} and {@code Origin} headers, parsed without any DNS
 * lookup (a lookup per request would let a peer make the mock resolve names of its choosing).
 */
public final class HostNames {

  private static final Pattern LABELS =
      Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+\\]");
  private static final Pattern PORT = Pattern.compile("\\d{1,5}");

  private HostNames() {}

  /**
   * The host of a {@code Host} header or an origin's authority, lower case, without port or a
   * trailing dot; IPv6 keeps its brackets. Null when it is not a well-formed host.
   */
  public static String hostOf(String authority) {
    if (authority == null || authority.isEmpty() || authority.length() > 300) {
      return null;
    }
    String a = authority.trim().toLowerCase(Locale.ROOT);
    String host = a;
    int close = a.lastIndexOf(']');
    int colon = a.lastIndexOf(':');
    if (a.startsWith("[")) {
      if (close < 0) {
        return null;
      }
      host = a.substring(0, close + 1);
      String rest = a.substring(close + 1);
      if (!rest.isEmpty() && !(rest.startsWith(":") && PORT.matcher(rest.substring(1)).matches())) {
        return null;
      }
    } else if (colon >= 0) {
      if (!PORT.matcher(a.substring(colon + 1)).matches()) {
        return null;
      }
      host = a.substring(0, colon);
    }
    if (host.endsWith(".") && !host.startsWith("[")) {
      host = host.substring(0, host.length() - 1);
    }
    return isIpLiteral(host) || LABELS.matcher(host).matches() ? host : null;
  }

  /** A dotted-quad IPv4 address or a bracketed IPv6 address. */
  public static boolean isIpLiteral(String host) {
    var v4 = IPV4.matcher(host);
    if (v4.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(v4.group(i)) > 255) {
          return false;
        }
      }
      return true;
    }
    return IPV6.matcher(host).matches();
  }

  /** {@code localhost}, any {@code *.localhost}, {@code 127.x.x.x} or {@code [::1]}. */
  public static boolean isLocal(String host) {
    return host.equals("localhost")
        || host.endsWith(".localhost")
        || host.equals("[::1]")
        || (host.startsWith("127.") && IPV4.matcher(host).matches() && isIpLiteral(host));
  }

  /** A name for {@code --allowed-host}: a host name, {@code *.suffix}, or an IP literal. */
  public static boolean isValidAllowedHost(String host) {
    String h = host.startsWith("*.") ? host.substring(2) : host;
    return isIpLiteral(h) || LABELS.matcher(h).matches();
  }

  /** Whether {@code host} matches an allowed name: equal, or under a {@code *.suffix}. */
  public static boolean matches(String allowed, String host) {
    return allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : allowed.equals(host);
  }

  /** The bind address as it appears in a Host header: IPv6 in brackets, lower case. */
  public static String asHost(String bind) {
    String b = bind.toLowerCase(Locale.ROOT);
    return b.contains(":") && !b.startsWith("[") ? "[" + b + "]" : b;
  }

  /**
   * Whether every address {@code bind} stands for is a loopback address (resolved once, at start).
   */
  public static boolean isLoopbackBind(String bind) {
    String b =
        bind.startsWith("[") && bind.endsWith("]") ? bind.substring(1, bind.length() - 1) : bind;
    if (b.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      InetAddress[] all = InetAddress.getAllByName(b);
      return all.length > 0 && Arrays.stream(all).allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
