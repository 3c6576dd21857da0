package dev.reelskit.mock.conformance;

/** The client could not be run at all: a setup problem, not a conformance failure. */
public final class ClientCommandException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ClientCommandException(String message, Throwable cause) {
    super(message, cause);
  }
}
