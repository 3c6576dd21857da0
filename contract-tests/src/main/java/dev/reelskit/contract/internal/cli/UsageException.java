package dev.reelskit.contract.internal.cli;

/** The user asked for something that cannot run: exit code 64. */
final class UsageException extends Exception {

  public UsageException(String message) {
    super(message);
  }
}
