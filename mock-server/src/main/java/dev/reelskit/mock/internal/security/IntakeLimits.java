package dev.reelskit.mock.internal.security;

import dev.reelskit.mock.settings.SecuritySettings;
import java.time.Duration;

/**
 * The intake's bounds, from {@link SecuritySettings}: the largest body, how long it may take, and
 * how many bytes of bodies may be held at once.
 */
public record IntakeLimits(long maxBodyBytes, Duration bodyTimeout, long budgetBytes) {

  public static IntakeLimits of(SecuritySettings settings) {
    return new IntakeLimits(
        settings.maxBodyBytes(), settings.bodyTimeout(), settings.bodyBudgetBytes());
  }
}
