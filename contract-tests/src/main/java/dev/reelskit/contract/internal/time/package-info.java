/**
 * Durations as people type them on a command line.
 *
 * <p><b>Not API.</b> Everything under {@code dev.reelskit.contract.internal} may change or
 * disappear in any release without notice (STYLE.md rule 3).
 */
package dev.reelskit.contract.internal.time;
