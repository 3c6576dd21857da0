package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.RateLimit;
import dev.reelskit.contract.internal.time.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Values as people write them on a command line; a bad one is a usage error naming the option. */
final class Converters {

  private Converters() {}

  /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
  static final class DurationValue implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code 10} (a minute), {@code 10/min}, {@code 5/2s}. */
  static final class RateLimitValue implements ITypeConverter<RateLimit> {
    @Override
    public RateLimit convert(String value) {
      try {
        return RateLimit.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a rate limit; write it like 10, 10/min or 5/2s");
      }
    }
  }
}
