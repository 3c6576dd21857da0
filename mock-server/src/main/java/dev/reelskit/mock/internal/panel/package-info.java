/**
 * The control panel at {@code /__admin/reels/ui}: its static page and the two admin routes it needs
 * beyond the existing ones (list jobs, create a job without a token).
 *
 * <p><b>Not API.</b> Everything under {@code dev.reelskit.mock.internal} may change or disappear in
 * any release without notice (STYLE.md rule 3).
 */
package dev.reelskit.mock.internal.panel;
