package dev.reelskit.mock.internal.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The middle layers of the settings' precedence, flag > {@code -Dreels.mock.<name>} > {@code
 * REELS_MOCK_<NAME>} > the default at the option's declaration: picocli asks this provider for an
 * option the command line does not set. The names are derived from the option's long name; the maps
 * are injected so every layer is testable.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

  private final Map<String, String> properties;
  private final Map<String, String> environment;

  EnvironmentDefaults(Map<String, String> properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  static String propertyName(String option) {
    return "reels.mock." + option;
  }

  static String envName(String option) {
    return "REELS_MOCK_" + option.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return null;
    }
    String name = option.longestName().replaceFirst("^--", "");
    String value = properties.get(propertyName(name));
    if (value == null || value.isBlank()) {
      value = environment.get(envName(name));
    }
    return value == null || value.isBlank() ? option.defaultValue() : value.trim();
  }
}
