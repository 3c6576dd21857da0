package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.time.Durations;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings as JUnit configuration parameters: {@link SuiteLauncher} writes them into the launch
 * request under the option's property names ({@code reels.base-url}, ...), and the launched suite
 * reads them back through its {@code ExtensionContext} with the very {@link SettingsResolver} the
 * command line uses. The tokens travel only in memory, under {@link #TOKEN} and {@link
 * #FORBIDDEN_TOKEN}, and are never printed.
 */
final class LaunchParameters {

  static final String TOKEN = "reels.contract.token";
  static final String FORBIDDEN_TOKEN = "reels.contract.forbidden-token";

  private static final List<String> OPTIONS =
      List.of(
          "base-url",
          "poll-interval",
          "job-timeout",
          "terminal-repolls",
          "rate-limit",
          "max-unfinished-jobs",
          "error-reel-url",
          "server-error-reel-url",
          "unknown-token",
          "reports-dir",
          "request-timeout",
          "max-response-bytes");

  private LaunchParameters() {}

  static Map<String, String> of(ContractTestSettings s) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("base-url", s.baseUrl().toString());
    p.put("poll-interval", Durations.format(s.pollInterval()));
    p.put("job-timeout", Durations.format(s.jobTimeout()));
    p.put("terminal-repolls", String.valueOf(s.terminalRepolls()));
    p.put("rate-limit", s.rateLimit().toString());
    p.put("max-unfinished-jobs", String.valueOf(s.maxUnfinishedJobs()));
    p.put("error-reel-url", s.errorReelUrl() == null ? "none" : s.errorReelUrl());
    p.put(
        "server-error-reel-url", s.serverErrorReelUrl() == null ? "none" : s.serverErrorReelUrl());
    p.put("unknown-token", s.unknownToken() == null ? "" : s.unknownToken());
    p.put("reports-dir", s.reportsDir().toString());
    p.put("request-timeout", Durations.format(s.requestTimeout()));
    p.put("max-response-bytes", String.valueOf(s.maxResponseBytes()));
    Map<String, String> params = new LinkedHashMap<>();
    p.forEach((k, v) -> params.put(SettingsResolver.propertyName(k), v));
    params.put(TOKEN, s.token());
    if (s.forbiddenToken() != null) {
      params.put(FORBIDDEN_TOKEN, s.forbiddenToken());
    }
    return params;
  }

  /**
   * The settings a launch was given, read through {@code
   * ExtensionContext::getConfigurationParameter}.
   */
  static ContractTestSettings read(Function<String, Optional<String>> parameter) {
    Map<String, String> properties = new HashMap<>();
    for (String option : OPTIONS) {
      String key = SettingsResolver.propertyName(option);
      parameter.apply(key).ifPresent(v -> properties.put(key, v));
    }
    Map<String, String> env = new HashMap<>();
    parameter.apply(TOKEN).ifPresent(t -> env.put(SettingsResolver.TOKEN_VARIABLE, t));
    parameter
        .apply(FORBIDDEN_TOKEN)
        .ifPresent(t -> env.put(SettingsResolver.FORBIDDEN_TOKEN_VARIABLE, t));
    try {
      return new SettingsResolver(env, properties).resolve(new CliOptions());
    } catch (UsageException e) {
      throw new IllegalStateException(
          "the suite was not launched with settings: " + e.getMessage(), e);
    }
  }
}
