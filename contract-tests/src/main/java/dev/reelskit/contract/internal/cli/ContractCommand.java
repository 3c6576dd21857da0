package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code java -jar reels-contract-tests.jar}'s options, each declared once in a mixin (name,
 * converter, help text) and applied to {@link ContractTestSettings.Builder}; the {@code -D} and
 * environment names are derived by {@link EnvironmentDefaults}.
 */
@Command(
    name = "reels-contract-tests",
    mixinStandardHelpOptions = true,
    versionProvider = ContractCommand.Version.class,
    sortOptions = false,
    description = {
      "Checks that a Reels API server keeps every documented rule.",
      "The token comes from the environment variable REELS_TOKEN or from --token-file; a token"
          + " without permission (for RC-AUTH-007) from REELS_FORBIDDEN_TOKEN or --forbidden-token-file.",
      "Every option can also be set as -Dreels.<option> or REELS_<OPTION> (e.g. REELS_BASE_URL).",
      "Exit codes: 0 every rule holds, 1 a rule failed, 2 nothing could run, 64 bad usage."
    })
final class ContractCommand {

  @Mixin TargetOptions target;
  @Mixin BudgetOptions budget;
  @Mixin JobOptions jobs;
  @Mixin ProbeOptions probes;
  @Mixin SafetyOptions safety;
  @Mixin ReportOptions reports;

  /** The command line over {@code command}, with the property and environment layers. */
  static CommandLine commandLine(
      ContractCommand command, Map<String, String> properties, Map<String, String> env) {
    CommandLine cli = new CommandLine(command);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setDefaultValueProvider(new EnvironmentDefaults(properties, env));
    return cli;
  }

  /**
   * The settings these options give before the budget is chosen: the documented budget with the
   * explicit budget values over it (what the preflight request is sent with). Bad values are usage
   * errors.
   */
  ContractTestSettings settings(Map<String, String> env) throws UsageException {
    ContractTestSettings.Builder b = target.builder(env);
    budget.applyTo(b);
    return build(b);
  }

  /** The settings with {@code chosen} as the budget, the explicit budget values over it. */
  ContractTestSettings settings(Map<String, String> env, Budget chosen) throws UsageException {
    ContractTestSettings.Builder b = target.builder(env);
    budget.applyTo(b, chosen);
    return build(b);
  }

  private ContractTestSettings build(ContractTestSettings.Builder b) throws UsageException {
    jobs.applyTo(b);
    probes.applyTo(b);
    safety.applyTo(b);
    reports.applyTo(b);
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ContractCommand.class.getPackage().getImplementationVersion();
      return new String[] {"reels-contract-tests " + (v == null ? "(development)" : v)};
    }
  }
}
