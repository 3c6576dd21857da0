/**
 * The hand-over between the launcher ({@code internal.cli}) and the suite it launches: settings in,
 * observations out.
 *
 * <p><b>Not API.</b> Everything under {@code dev.reelskit.contract.internal} may change or
 * disappear in any release without notice (STYLE.md rule 3).
 */
package dev.reelskit.contract.internal.launch;
