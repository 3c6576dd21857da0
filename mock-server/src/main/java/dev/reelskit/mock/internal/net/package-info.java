/**
 * Host names and bind addresses: which are loopback, which may be allowed. Read by the settings (to
 * validate) and the request guard (to decide).
 *
 * <p><b>Not API.</b> Everything under {@code dev.reelskit.mock.internal} may change or disappear in
 * any release without notice; depend on {@code dev.reelskit.mock}, {@code .settings}, {@code
 * .jobs}, {@code .conformance} and {@code .junit5} instead (STYLE.md rule 3).
 */
package dev.reelskit.mock.internal.net;
