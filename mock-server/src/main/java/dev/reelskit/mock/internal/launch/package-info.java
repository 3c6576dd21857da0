/**
 * The start: {@code Main}, and the relaunch of the jar on its class-data archive (a child JVM tuned
 * for start), which a manifest cannot ask for and which is not the command line's business.
 *
 * <p><b>Not API.</b> Everything under {@code dev.reelskit.mock.internal} may change or disappear in
 * any release without notice; depend on {@code dev.reelskit.mock}, {@code .settings}, {@code
 * .jobs}, {@code .conformance} and {@code .junit5} instead (STYLE.md rule 3).
 */
package dev.reelskit.mock.internal.launch;
