package dev.reelskit.contract;

import dev.reelskit.contract.internal.cli.ContractRunner;
import java.util.HashMap;
import java.util.Map;

/** {@code java -jar reels-contract-tests.jar --base-url URL}; see {@code --help}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // The jar's console logging. A named file, not logback.xml, so library users keep their own
    // setup; -Dlogback.configurationFile still wins.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "dev/reelskit/contract/logback-cli.xml");
    }
    Map<String, String> properties = new HashMap<>();
    System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
    System.exit(new ContractRunner(System.getenv(), properties, System.out, System.err).run(args));
  }
}
