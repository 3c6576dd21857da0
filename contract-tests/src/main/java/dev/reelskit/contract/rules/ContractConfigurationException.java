package dev.reelskit.contract.rules;

/**
 * The suite could not judge the server: it is unreachable, the settings are unusable or the spec
 * cannot be read. Never a contract failure, so CI can tell "server down" from "server wrong".
 */
public final class ContractConfigurationException extends RuntimeException {

  public ContractConfigurationException(String message) {
    super(message);
  }

  public ContractConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
