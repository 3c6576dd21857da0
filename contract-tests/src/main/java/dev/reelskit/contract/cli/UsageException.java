package dev.reelskit.contract.cli;

/** The user asked for something that cannot run: exit code 64. */
public final class UsageException extends Exception {

  public UsageException(String message) {
    super(message);
  }
}
