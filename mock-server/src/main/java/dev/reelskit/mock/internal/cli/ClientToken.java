package dev.reelskit.mock.internal.cli;

import java.security.SecureRandom;

/** A fresh token for a client under test: valid, unguessable, shaped like the docs' example. */
final class ClientToken {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ClientToken() {}

  /** {@code ist_} and 28 letters and digits, like the docs' example token. */
  static String generate() {
    StringBuilder token = new StringBuilder("ist_");
    for (int i = 0; i < 28; i++) {
      token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return token.toString();
  }
}
