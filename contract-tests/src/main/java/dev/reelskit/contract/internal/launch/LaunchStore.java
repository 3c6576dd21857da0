package dev.reelskit.contract.internal.launch;

import dev.reelskit.contract.cli.ContractTestSettings;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the launcher hands the launched suite, whole, through the JUnit launcher session's store:
 * the settings object itself (never re-parsed from strings, the tokens never in configuration
 * parameters), and a {@link RunRecord} the suite fills with what it observed, for the reports.
 */
public final class LaunchStore {

  /** Jupiter's and the launcher's namespaces with the same parts name the same store entries. */
  public static final String NAMESPACE = "dev.reelskit.contract.launch";

  public static final String SETTINGS = "settings";
  public static final String RECORD = "record";

  private LaunchStore() {}

  /** The settings the launcher put in the session, or null when the suite was not launched. */
  public static ContractTestSettings settings(ExtensionContext context) {
    return store(context).get(SETTINGS, ContractTestSettings.class);
  }

  /** The record the launcher reads once the run ends, or null when the suite was not launched. */
  public static RunRecord record(ExtensionContext context) {
    return store(context).get(RECORD, RunRecord.class);
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(
        ExtensionContext.StoreScope.LAUNCHER_SESSION, ExtensionContext.Namespace.create(NAMESPACE));
  }
}
