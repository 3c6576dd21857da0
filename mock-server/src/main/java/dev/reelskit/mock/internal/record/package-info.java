/**
 * Record once, replay as a lifecycle: real jobs read from a HAR file or seen through a recording
 * proxy become a profile (each job's state durations and how it ended) and fixtures (result bodies,
 * when kept) that the mock replays for any new job id ({@code --replay DIR}).
 *
 * <p><b>Not API.</b> Everything under {@code dev.reelskit.mock.internal} may change or disappear in
 * any release without notice (STYLE.md rule 3).
 */
package dev.reelskit.mock.internal.record;
