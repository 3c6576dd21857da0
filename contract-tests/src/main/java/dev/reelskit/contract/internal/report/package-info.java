/**
 * Console and outcome listeners for the launcher's run.
 *
 * <p><b>Not API.</b> Everything under {@code dev.reelskit.contract.internal} may change or
 * disappear in any release without notice; depend on {@code dev.reelskit.contract.suites}, {@code
 * .cli.ContractTestSettings} and {@code .rules} instead (STYLE.md rule 3).
 */
package dev.reelskit.contract.internal.report;
