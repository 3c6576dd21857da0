/**
 * The job engine behind {@code dev.reelskit.mock.jobs}: jobs, their store, outcomes and seeded
 * jobs.
 *
 * <p><b>Not API.</b> Everything under {@code dev.reelskit.mock.internal} may change or disappear in
 * any release without notice; depend on {@code dev.reelskit.mock}, {@code .settings}, {@code
 * .jobs}, {@code .conformance} and {@code .junit5} instead (STYLE.md rule 3).
 */
package dev.reelskit.mock.internal.jobs;
