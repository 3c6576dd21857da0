package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.contract.internal.time.Durations;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves {@link ContractTestSettings} once: CLI flag > {@code -Dreels.<option>} property > {@code
 * REELS_<OPTION>} environment variable > default. The maps are injected, so every layer is testable
 * and no other class reads the environment.
 */
final class SettingsResolver {

  static final String TOKEN_VARIABLE = "REELS_TOKEN";
  static final String FORBIDDEN_TOKEN_VARIABLE = "REELS_FORBIDDEN_TOKEN";

  private final Map<String, String> env;
  private final Map<String, String> properties;

  public SettingsResolver(Map<String, String> env, Map<String, String> properties) {
    this.env = env;
    this.properties = properties;
  }

  /** {@code base-url} -> {@code reels.base-url}. */
  static String propertyName(String option) {
    return "reels." + option;
  }

  /** {@code base-url} -> {@code REELS_BASE_URL}. */
  static String variableName(String option) {
    return "REELS_" + option.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  public ContractTestSettings resolve(CliOptions cli) throws UsageException {
    String baseUrl = value("base-url", cli.baseUrl);
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new UsageException("--base-url is required (or -Dreels.base-url, or REELS_BASE_URL)");
    }
    ContractTestSettings defaults;
    try {
      URI uri = URI.create(baseUrl);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      defaults = ContractTestSettings.forTarget(baseUrl, token(cli));
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "--base-url " + baseUrl + " is not an http(s) URL: " + e.getMessage());
    }
    try {
      return defaults.toBuilder()
          .pollInterval(
              parsed("poll-interval", cli.pollInterval, Durations::parse, defaults.pollInterval()))
          .jobTimeout(
              parsed("job-timeout", cli.jobTimeout, Durations::parse, defaults.jobTimeout()))
          .terminalRepolls(
              parsed(
                  "terminal-repolls",
                  cli.terminalRepolls,
                  Integer::parseInt,
                  defaults.terminalRepolls()))
          .rateLimit(parsed("rate-limit", cli.rateLimit, RateLimit::parse, defaults.rateLimit()))
          .maxUnfinishedJobs(
              parsed(
                  "max-unfinished-jobs",
                  cli.maxUnfinishedJobs,
                  Integer::parseInt,
                  defaults.maxUnfinishedJobs()))
          .errorReelUrl(
              orDefault(value("error-reel-url", cli.errorReelUrl), defaults.errorReelUrl()))
          .serverErrorReelUrl(
              orDefault(
                  value("server-error-reel-url", cli.serverErrorReelUrl),
                  defaults.serverErrorReelUrl()))
          .unknownToken(value("unknown-token", cli.unknownToken))
          .forbiddenToken(forbiddenToken(cli))
          .reportsDir(parsed("reports-dir", cli.reportsDir, Path::of, defaults.reportsDir()))
          .requestTimeout(
              parsed(
                  "request-timeout",
                  cli.requestTimeout,
                  Durations::parse,
                  defaults.requestTimeout()))
          .maxResponseBytes(
              parsed(
                  "max-response-bytes",
                  cli.maxResponseBytes,
                  Long::parseLong,
                  defaults.maxResponseBytes()))
          .build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The token: from --token-file (any layer) if given, else REELS_TOKEN. Never from a flag value.
   */
  private String token(CliOptions cli) throws UsageException {
    String file = value("token-file", cli.tokenFile);
    if (file != null && !file.isBlank()) {
      return firstLine(file, "token file");
    }
    String token = env.get(TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      throw new UsageException(
          "no token: set the environment variable "
              + TOKEN_VARIABLE
              + " or pass --token-file FILE");
    }
    return token.trim();
  }

  /**
   * The token without permission, a secret like the token and read the same way: from
   * --forbidden-token-file (any layer) if given, else REELS_FORBIDDEN_TOKEN; null when neither is
   * set.
   */
  private String forbiddenToken(CliOptions cli) throws UsageException {
    String file = value("forbidden-token-file", cli.forbiddenTokenFile);
    if (file != null && !file.isBlank()) {
      return firstLine(file, "forbidden token file");
    }
    String token = env.get(FORBIDDEN_TOKEN_VARIABLE);
    return token == null || token.isBlank() ? null : token.trim();
  }

  private static String firstLine(String file, String what) throws UsageException {
    try {
      String secret =
          Files.readString(Path.of(file), StandardCharsets.UTF_8)
              .lines()
              .findFirst()
              .orElse("")
              .trim();
      if (secret.isEmpty()) {
        throw new UsageException("the " + what + " " + file + " is empty");
      }
      return secret;
    } catch (IOException e) {
      throw new UsageException("cannot read the " + what + " " + file + ": " + e.getMessage());
    }
  }

  private String value(String option, String cliValue) {
    if (cliValue != null) {
      return cliValue;
    }
    String property = properties.get(propertyName(option));
    if (property != null) {
      return property;
    }
    return env.get(variableName(option));
  }

  private <T> T parsed(String option, String cliValue, Function<String, T> parser, T fallback) {
    String raw = value(option, cliValue);
    if (raw == null) {
      return fallback;
    }
    try {
      return parser.apply(raw.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--" + option + " '" + raw + "': " + e.getMessage(), e);
    }
  }

  /** An explicit empty value or "none" unsets an option; absence keeps the default. */
  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
