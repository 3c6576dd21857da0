package dev.reelskit.contract.internal.cli;

import dev.reelskit.contract.cli.ContractTestSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The server and the credentials. There is deliberately no flag for either token: flags leak into
 * {@code ps} and shell history, so the tokens come from {@code REELS_TOKEN} / {@code
 * REELS_FORBIDDEN_TOKEN} or from a file.
 */
final class TargetOptions {

  static final String TOKEN_VARIABLE = "REELS_TOKEN";
  static final String FORBIDDEN_TOKEN_VARIABLE = "REELS_FORBIDDEN_TOKEN";

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "The server to check, e.g. http://127.0.0.1:8089. Required.")
  String baseUrl;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "A file holding the Bearer token (first line). Default: the variable REELS_TOKEN.")
  Path tokenFile;

  @Option(
      names = "--unknown-token",
      paramLabel = "TOKEN",
      description =
          "A well-formed token the server does not know (revoked, made up); not a secret."
              + " Default: none, and RC-AUTH-004 is skipped.")
  String unknownToken;

  @Option(
      names = "--forbidden-token-file",
      paramLabel = "FILE",
      description =
          "A file holding a valid token without the needed permission (first line)."
              + " Default: the variable REELS_FORBIDDEN_TOKEN; without either, RC-AUTH-007 is skipped.")
  Path forbiddenTokenFile;

  /** A builder for this server and token, with the unknown and forbidden tokens applied. */
  ContractTestSettings.Builder builder(Map<String, String> env) throws UsageException {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new UsageException("--base-url is required (or -Dreels.base-url, or REELS_BASE_URL)");
    }
    URI uri;
    try {
      uri = URI.create(baseUrl.trim());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--base-url " + baseUrl + " is not a URL: " + e.getMessage());
    }
    if (uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new UsageException(
          "--base-url "
              + baseUrl
              + " is not an http(s) URL with a host, e.g. http://127.0.0.1:8089");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    int api = path.indexOf("/api/v1");
    if (api >= 0) {
      // The suite adds /api/v1/reels/... itself: this base URL would 404 every route.
      String root = baseUrl.trim().substring(0, baseUrl.trim().indexOf("/api/v1"));
      throw new UsageException(
          "--base-url "
              + baseUrl.trim()
              + " contains /api/v1, which the suite adds itself; did you mean --base-url "
              + root
              + "?");
    }
    return ContractTestSettings.builder(baseUrl.trim(), token(env))
        .unknownToken(unknownToken)
        .forbiddenToken(forbiddenToken(env));
  }

  /** From --token-file (any layer) if given, else REELS_TOKEN. Never from a flag value. */
  private String token(Map<String, String> env) throws UsageException {
    if (tokenFile != null) {
      return firstLine(tokenFile, "token file");
    }
    String token = env.get(TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      throw new UsageException(
          "no token: set the environment variable "
              + TOKEN_VARIABLE
              + " or pass --token-file FILE");
    }
    return token.trim();
  }

  /** A secret like the token, read the same way; null when neither source is set. */
  private String forbiddenToken(Map<String, String> env) throws UsageException {
    if (forbiddenTokenFile != null) {
      return firstLine(forbiddenTokenFile, "forbidden token file");
    }
    String token = env.get(FORBIDDEN_TOKEN_VARIABLE);
    return token == null || token.isBlank() ? null : token.trim();
  }

  private static String firstLine(Path file, String what) throws UsageException {
    try {
      String secret =
          Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
      if (secret.isEmpty()) {
        throw new UsageException("the " + what + " " + file + " is empty");
      }
      return secret;
    } catch (IOException e) {
      throw new UsageException("cannot read the " + what + " " + file + ": " + e.getMessage());
    }
  }
}
