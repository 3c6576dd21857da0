package dev.reelskit.mock.conformance;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a client against a mock and judges what the mock recorded: the whole check, minus starting
 * the mock. {@code check-client}, the admin API and the JUnit 5 extension are thin layers on it.
 */
public final class ClientCheck {

  private ClientCheck() {}

  /**
   * Runs {@code command} against {@code baseUrl}, then judges the traffic {@code traffic} supplies
   * (read after the client exited).
   */
  public static ClientConformanceReport run(
      String baseUrl,
      String token,
      ClientCommand command,
      Supplier<List<TrafficEntry>> traffic,
      ClientRuleSettings settings,
      String profile) {
    Objects.requireNonNull(traffic, "traffic");
    ClientRun run = command.run(baseUrl, token);
    return ClientConformance.judge(traffic.get(), settings, profile, 0).withClientRun(run);
  }

  /**
   * As {@link #run(String, String, ClientCommand, Supplier, ClientRuleSettings, String)}, from a
   * log.
   */
  public static ClientConformanceReport run(
      String baseUrl,
      String token,
      ClientCommand command,
      TrafficLog log,
      ClientRuleSettings settings,
      String profile) {
    Objects.requireNonNull(log, "log");
    ClientRun run = command.run(baseUrl, token);
    return ClientConformance.judge(log, settings, profile).withClientRun(run);
  }
}
