package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.jobs.TimingProfile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --profile quick|fast|realistic}. */
final class ProfileConverter implements ITypeConverter<TimingProfile> {
  @Override
  public TimingProfile convert(String value) {
    try {
      return TimingProfile.fromCliName(value.trim());
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
