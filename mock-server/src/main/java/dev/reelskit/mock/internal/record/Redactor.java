package dev.reelskit.mock.internal.record;

import dev.reelskit.mock.internal.conformance.TokenMask;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps tokens out of what is written: every token the recording's requests carried, and anything
 * shaped like one ({@code ist_} and 8 or more letters, digits, {@code _} or {@code -}, as a server
 * might echo in a result or an error), becomes its fingerprint ({@code ist_****3f9a}).
 */
final class Redactor {

  private static final Pattern TOKEN_SHAPED = Pattern.compile("ist_[A-Za-z0-9_-]{8,}");

  private final Collection<String> tokens;

  Redactor(Collection<String> tokens) {
    this.tokens = tokens;
  }

  String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String token : tokens) {
      out = TokenMask.scrub(out, token);
    }
    Matcher m = TOKEN_SHAPED.matcher(out);
    return m.replaceAll(r -> Matcher.quoteReplacement(TokenMask.fingerprint(r.group())));
  }

  /**
   * @throws IllegalStateException when {@code written} still holds a token (a bug: never write it)
   */
  void check(String written) {
    for (String token : tokens) {
      if (token.length() >= 8 && written.contains(token)) {
        throw new IllegalStateException("a token would have been written; nothing was written");
      }
    }
  }
}
