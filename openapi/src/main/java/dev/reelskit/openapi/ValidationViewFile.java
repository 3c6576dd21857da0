package dev.reelskit.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@link ReelsApiSpec#validationYaml()} to a file, run by the build so the jar carries the
 * view at {@value #RESOURCE} and type generators that understand {@code oneOf} (openapi-typescript)
 * can read it instead of the published spec.
 */
final class ValidationViewFile {

  /** Where the build puts the view on the classpath. */
  static final String RESOURCE = "/openapi/reels-api.validation.yaml";

  private ValidationViewFile() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ValidationViewFile OUTPUT.yaml");
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(
        out,
        "# Generated from reels-api.yaml by the build: the strict view validators read"
            + " (dev.reelskit.openapi.ReelsApiSpec#validationYaml). Do not edit.\n"
            + ReelsApiSpec.get().validationYaml(),
        StandardCharsets.UTF_8);
  }
}
