package dev.reelskit.contract.internal.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The middle layers of the settings' precedence, flag > {@code -Dreels.<name>} > {@code
 * REELS_<NAME>} > default: picocli asks this provider for an option the command line does not set.
 * Both names are derived from the option's long name, so an option is declared once (as the mock's
 * options are); the maps are injected so every layer is testable.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

  private final Map<String, String> properties;
  private final Map<String, String> environment;

  EnvironmentDefaults(Map<String, String> properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** {@code base-url} -> {@code reels.base-url}. */
  static String propertyName(String option) {
    return "reels." + option;
  }

  /** {@code base-url} -> {@code REELS_BASE_URL}. */
  static String variableName(String option) {
    return "REELS_" + option.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
      return null;
    }
    String name = option.longestName().replaceFirst("^--", "");
    String value = properties.get(propertyName(name));
    if (value == null || value.isBlank()) {
      value = environment.get(variableName(name));
    }
    return value == null || value.isBlank() ? option.defaultValue() : value.trim();
  }
}
