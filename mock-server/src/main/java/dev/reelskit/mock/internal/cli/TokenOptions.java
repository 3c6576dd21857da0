package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.settings.MockServerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Who may call the serving mock. Tokens are secrets: they come from the environment ({@code
 * REELS_MOCK_TOKENS}, {@code REELS_MOCK_REVOKED_TOKENS}, {@code REELS_MOCK_FORBIDDEN_TOKENS},
 * comma-separated) or from files (one per line), never from a flag or a system property.
 */
final class TokenOptions {

  @Option(
      names = "--tokens-file",
      paramLabel = "FILE",
      description =
          "only these tokens are valid (one per line); default: any ist_ token of"
              + " letters, digits, _ and - (the docs' ist_your_token works)")
  Path tokensFile;

  @Option(
      names = "--revoked-tokens-file",
      paramLabel = "FILE",
      description = "tokens answered with 401")
  Path revokedTokensFile;

  @Option(
      names = "--forbidden-tokens-file",
      paramLabel = "FILE",
      description = "tokens answered with 403")
  Path forbiddenTokensFile;

  void applyTo(MockServerSettings.Builder b, Map<String, String> environment) {
    b.tokens(
        read("tokens", tokensFile, environment),
        read("revoked-tokens", revokedTokensFile, environment),
        read("forbidden-tokens", forbiddenTokensFile, environment));
  }

  private static Set<String> read(String name, Path file, Map<String, String> environment) {
    Set<String> out = new LinkedHashSet<>();
    String inline = environment.get(EnvironmentDefaults.envName(name));
    if (inline != null) {
      for (String t : inline.split(",")) {
        if (!t.isBlank()) {
          out.add(t.trim());
        }
      }
    }
    if (file != null) {
      try {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank() && !line.trim().startsWith("#")) {
            out.add(line.trim());
          }
        }
      } catch (IOException e) {
        throw new IllegalArgumentException(name + "-file: cannot read " + file);
      }
    }
    return out;
  }
}
