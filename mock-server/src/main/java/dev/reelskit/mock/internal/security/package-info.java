/**
 * What keeps web pages and other machines from driving the mock: the Host allow-list, the admin
 * guard (Origin, Content-Type, admin token), the shutdown that ends the process, and bounded tables
 * for state keyed by what a peer sends.
 *
 * <p><b>Not API.</b> Everything under {@code dev.reelskit.mock.internal} may change or disappear in
 * any release without notice; depend on {@code dev.reelskit.mock}, {@code .settings}, {@code
 * .jobs}, {@code .conformance} and {@code .junit5} instead (STYLE.md rule 3).
 */
package dev.reelskit.mock.internal.security;
