package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.MockServerSettings;
import dev.reelskit.mock.jobs.TimingProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@link MockServerSettings} from four layers, most local first: CLI flag, system property
 * {@code reels.mock.<name>}, environment variable {@code REELS_MOCK_<NAME>} (upper case, '-' and
 * '.' become '_'), default. The maps are injected so every layer is testable; only {@code Main}
 * passes the real environment.
 *
 * <p>Secrets (token lists) have no flag: they come from a property, the environment or a file
 * named by {@code --tokens-file} (one token per line).
 */
final class SettingsResolver {

  private final Map<String, String> cli;
  private final Map<String, String> properties;
  private final Map<String, String> environment;

  public SettingsResolver(Map<String, String> cli, Map<String, String> properties,
      Map<String, String> environment) {
    this.cli = cli;
    this.properties = properties;
    this.environment = environment;
  }

  public static String propertyName(String option) {
    return "reels.mock." + option;
  }

  public static String envName(String option) {
    return "REELS_MOCK_" + option.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  /** @throws IllegalArgumentException with a message for the user when a value is invalid */
  public MockServerSettings resolve() {
    return resolve(MockServerSettings.defaults());
  }

  /**
   * Resolves against other defaults (e.g. {@code check-client}'s: any free port, realistic timing,
   * rate limit on).
   *
   * @throws IllegalArgumentException with a message for the user when a value is invalid
   */
  public MockServerSettings resolve(MockServerSettings d) {
    return new MockServerSettings(
        intValue("port", d.port()),
        value("bind", d.bind()),
        TimingProfile.fromCliName(value("profile", d.profile().cliName())),
        longValue("seed", d.seed()),
        doubleValue("time-scale", d.timeScale()),
        tokens("tokens"),
        tokens("revoked-tokens"),
        tokens("forbidden-tokens"),
        bool("rate-limit", d.rateLimit()),
        bool("verbose", d.verbose()),
        bool("request-journal", d.requestJournal()),
        !bool("disable-seed-jobs", false),
        intValue("traffic-capacity", d.trafficCapacity()),
        intValue("rate-limit-requests", d.rateLimitRequests()),
        intValue("max-unfinished-jobs", d.maxUnfinishedJobs()),
        SecurityOptions.resolve(this));
  }

  /** The value of one option from the most local layer that sets it, or {@code fallback}. */
  String value(String option, String fallback) {
    String v = cli.get(option);
    if (v == null) {
      v = properties.get(propertyName(option));
    }
    if (v == null) {
      v = environment.get(envName(option));
    }
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  int intValue(String option, int fallback) {
    String v = value(option, null);
    try {
      return v == null ? fallback : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be an integer, was '" + v + "'");
    }
  }

  private long longValue(String option, long fallback) {
    String v = value(option, null);
    try {
      return v == null ? fallback : Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be an integer, was '" + v + "'");
    }
  }

  private double doubleValue(String option, double fallback) {
    String v = value(option, null);
    try {
      double d = v == null ? fallback : Double.parseDouble(v);
      if (d <= 0) {
        throw new IllegalArgumentException(option + " must be greater than 0, was '" + v + "'");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, was '" + v + "'");
    }
  }

  private boolean bool(String option, boolean fallback) {
    String v = value(option, null);
    if (v == null) {
      return fallback;
    }
    if (v.equalsIgnoreCase("true") || v.equals("1")) {
      return true;
    }
    if (v.equalsIgnoreCase("false") || v.equals("0")) {
      return false;
    }
    throw new IllegalArgumentException(option + " must be true or false, was '" + v + "'");
  }

  /** Tokens from {@code <name>} (comma-separated) plus {@code <name>-file} (one per line). */
  private Set<String> tokens(String option) {
    Set<String> out = new LinkedHashSet<>();
    String inline = value(option, null);
    if (inline != null) {
      for (String t : inline.split(",")) {
        if (!t.isBlank()) {
          out.add(t.trim());
        }
      }
    }
    String file = value(option + "-file", null);
    if (file != null) {
      try {
        for (String line : Files.readAllLines(Path.of(file))) {
          if (!line.isBlank() && !line.trim().startsWith("#")) {
            out.add(line.trim());
          }
        }
      } catch (IOException e) {
        throw new IllegalArgumentException(option + "-file: cannot read " + file);
      }
    }
    return out;
  }
}
