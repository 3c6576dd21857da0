/**
 * What the mock is started with: one immutable record per concern ({@link
 * dev.reelskit.mock.settings.MockServerSettings} and the records it holds), resolved once by the
 * command line or built by the JUnit 5 extension and the {@code ReelsMock} facade.
 */
package dev.reelskit.mock.settings;
