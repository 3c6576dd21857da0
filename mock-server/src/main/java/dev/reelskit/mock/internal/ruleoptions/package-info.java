/**
 * The client rules' settings by option name, shared by {@code check-client} and the admin API (kept
 * apart from {@code internal.conformance}, which the public rules use, so the packages form no
 * cycle).
 */
package dev.reelskit.mock.internal.ruleoptions;
