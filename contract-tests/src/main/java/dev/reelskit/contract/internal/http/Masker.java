package dev.reelskit.contract.internal.http;

import dev.reelskit.contract.cli.ContractTestSettings;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Masks secrets in headers and text. One instance per run knows the secrets; header masking also
 * works by name, so a secret it was not told about is still hidden.
 */
public final class Masker {

  private static final Pattern SENSITIVE_NAME = Pattern.compile("(?i).*(token|secret|key).*");
  private static final List<String> SENSITIVE_HEADERS =
      List.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  private final List<String> secrets;

  public Masker(List<String> secrets) {
    this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> s.length() >= 4).toList();
  }

  /** {@code Authorization: Bearer ****3f9a}; other headers pass unchanged. */
  public String header(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!SENSITIVE_HEADERS.contains(lower) && !SENSITIVE_NAME.matcher(lower).matches()) {
      return name + ": " + text(value);
    }
    int space = value.indexOf(' ');
    if (space > 0) {
      return name
          + ": "
          + value.substring(0, space)
          + " "
          + ContractTestSettings.mask(value.substring(space + 1));
    }
    return name + ": " + ContractTestSettings.mask(value);
  }

  /** The text with every known secret replaced by its masked form. */
  public String text(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, ContractTestSettings.mask(secret));
    }
    return result;
  }
}
