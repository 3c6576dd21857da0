package dev.reelskit.mock.settings;

import java.util.Locale;

/**
 * Which of the readings the docs allow the mock's jobs are shown in: the spec's own (the default),
 * or every legal reading in turn, picked by each job's reel code (hooks a string or an array, key
 * moments objects or strings, platform_meta null, extra fields, created_at with Z, an offset or
 * none, ids above 2^32), so a frontend meets them all before production does.
 */
public enum Readings {
  /** The spec's examples as they are. */
  SPEC,
  /** A job's reel code picks one combination of the legal readings ({@code X-Reels-Reading}). */
  ROTATE;

  /** The name the CLI uses. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Readings fromCliName(String name) {
    for (Readings r : values()) {
      if (r.cliName().equalsIgnoreCase(name.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException("readings must be spec or rotate, was '" + name + "'");
  }
}
