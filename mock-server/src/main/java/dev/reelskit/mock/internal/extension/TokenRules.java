package dev.reelskit.mock.internal.extension;

import dev.reelskit.mock.internal.conformance.TokenMask;
import dev.reelskit.openapi.DocPages;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Who may call the API. By default any {@code ist_} token of letters, digits, {@code _} and {@code
 * -} is valid, and so is every placeholder the documentation's snippets use ({@code
 * ist_your_token}, {@code ist_your_token_here}: people paste them first) and its example token; a
 * non-empty token list narrows that to exactly those tokens. Revoked tokens get 401 (revocation
 * takes effect at once, also at run time), tokens without permission 403.
 */
public final class TokenRules {

  private static final Pattern FORMAT = Pattern.compile("ist_[A-Za-z0-9_-]+");

  /** The docs' placeholders and example token: valid on the defaults whatever FORMAT becomes. */
  private static final Set<String> DOCUMENTED = documented();

  /** What a request's {@code Authorization} header amounts to. */
  public enum Verdict {
    VALID,
    MISSING,
    INVALID,
    REVOKED,
    FORBIDDEN
  }

  /** A verdict with the token it is about (null when none was given) and its fingerprint. */
  public record Check(Verdict verdict, String token, String fingerprint) {}

  private final Set<String> valid;
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final Set<String> forbidden;
  private final Predicate<String> minted;

  public TokenRules(
      Collection<String> valid, Collection<String> revoked, Collection<String> forbidden) {
    this(valid, revoked, forbidden, token -> false);
  }

  /**
   * @param minted tokens the mock itself handed out (a named tenant's), valid whatever the list
   */
  public TokenRules(
      Collection<String> valid,
      Collection<String> revoked,
      Collection<String> forbidden,
      Predicate<String> minted) {
    this.valid = Set.copyOf(valid);
    this.revoked.addAll(revoked);
    this.forbidden = Set.copyOf(forbidden);
    this.minted = minted;
  }

  public Check check(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return new Check(Verdict.MISSING, null, TokenMask.NONE);
    }
    String value = authorization.trim();
    if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return new Check(Verdict.INVALID, null, TokenMask.NONE);
    }
    String token = value.substring(7).trim();
    String fingerprint = TokenMask.fingerprint(token);
    Verdict verdict;
    // A token listed as revoked or forbidden is known to the server even when it is missing from
    // an exact list of valid tokens: it answers 401 or 403 for what it is, not for being unknown.
    if (!FORMAT.matcher(token).matches() && !(valid.isEmpty() && DOCUMENTED.contains(token))) {
      verdict = Verdict.INVALID;
    } else if (revoked.contains(token)) {
      verdict = Verdict.REVOKED;
    } else if (forbidden.contains(token)) {
      verdict = Verdict.FORBIDDEN;
    } else if (!valid.isEmpty() && !valid.contains(token) && !minted.test(token)) {
      verdict = Verdict.INVALID;
    } else {
      verdict = Verdict.VALID;
    }
    return new Check(verdict, token, fingerprint);
  }

  private static Set<String> documented() {
    Set<String> tokens = new java.util.HashSet<>(DocPages.get().tokenPlaceholders());
    tokens.add(DocPages.get().exampleToken());
    return Set.copyOf(tokens);
  }

  /** Revokes a token from now on. */
  public void revoke(String token) {
    revoked.add(token);
  }

  /** One line for the banner; never shows a token. */
  public String describe() {
    String rule =
        valid.isEmpty()
            ? "any Bearer token ist_<letters, digits, _ or -> (the docs' "
                + String.join(" and ", DocPages.get().tokenPlaceholders())
                + " work)"
            : valid.size() + " listed token(s) only";
    if (!revoked.isEmpty()) {
      rule += ", " + revoked.size() + " revoked (401)";
    }
    if (!forbidden.isEmpty()) {
      rule += ", " + forbidden.size() + " without permission (403)";
    }
    return rule;
  }
}
