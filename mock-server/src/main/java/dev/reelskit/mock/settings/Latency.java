package dev.reelskit.mock.settings;

import java.util.Locale;

/** Latency added to every API response: none, or a seeded lognormal draw so a UI shows spinners. */
public enum Latency {
  /** Answer as fast as possible (the default). */
  NONE,
  /** A few tens to a few hundreds of milliseconds per response, drawn from the seed. */
  REALISTIC;

  /** The name the CLI uses. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
