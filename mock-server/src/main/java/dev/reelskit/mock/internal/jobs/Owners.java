package dev.reelskit.mock.internal.jobs;

import dev.reelskit.mock.internal.conformance.TokenMask;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who owns a job: {@code ist_****3f9a:1a2b3c4d5e6f}, the token's fingerprint and the first 48 bits
 * of its SHA-256. The fingerprint alone is what people see in reports, but two tokens ending in the
 * same four characters share it; the hash keeps their jobs apart. Neither part is the token, so the
 * owner may be shown, logged and written to the state file.
 */
public final class Owners {

  private static final char SEPARATOR = ':';

  /**
   * The last token each thread asked about and its key: a client keeps one token on a connection,
   * and a connection stays on one server thread, so most requests skip the hash. One entry per
   * thread, so it cannot grow with what peers send.
   */
  private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[2]);

  private Owners() {}

  /** The owner key of {@code token}; null when there is no token. */
  public static String of(String token) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    String[] last = LAST.get();
    if (token.equals(last[0])) {
      return last[1];
    }
    String key = hash(token);
    last[0] = token;
    last[1] = key;
    return key;
  }

  private static String hash(String token) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return TokenMask.fingerprint(token) + SEPARATOR + HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The fingerprint part of an owner key (what traffic records and reports carry). */
  public static String fingerprintOf(String owner) {
    int at = owner.lastIndexOf(SEPARATOR);
    return at < 0 ? owner : owner.substring(0, at);
  }

  /**
   * Whether a job of {@code owner} matches an admin filter: a full owner key matches exactly, a
   * bare fingerprint matches every owner with that fingerprint. Seeded jobs (no owner) match none.
   */
  public static boolean matches(String owner, String filter) {
    if (owner == null) {
      return false;
    }
    return filter.indexOf(SEPARATOR) >= 0
        ? owner.equals(filter)
        : fingerprintOf(owner).equals(filter);
  }
}
