/**
 * Token masking, shared by the client-conformance API and the CLI.
 *
 * <p><b>Not API.</b> Everything under {@code dev.reelskit.mock.internal} may change or disappear in
 * any release without notice; depend on {@code dev.reelskit.mock}, {@code .settings}, {@code
 * .jobs}, {@code .conformance} and {@code .junit5} instead (STYLE.md rule 3).
 */
package dev.reelskit.mock.internal.conformance;
