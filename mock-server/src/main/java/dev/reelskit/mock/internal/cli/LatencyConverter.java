package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.settings.Latency;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --latency none|realistic}. */
final class LatencyConverter implements ITypeConverter<Latency> {
  @Override
  public Latency convert(String value) {
    try {
      return Latency.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("must be none or realistic, was '" + value + "'");
    }
  }
}
