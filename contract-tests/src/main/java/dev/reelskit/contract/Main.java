package dev.reelskit.contract;

import dev.reelskit.contract.internal.cli.ContractRunner;
import dev.reelskit.contract.internal.cli.FastStart;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code java -jar reels-contract-tests.jar --base-url URL}; see {@code --help}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    String relaunch = System.getProperty(FastStart.PROPERTY);
    Optional<List<String>> child = FastStart.childCommand(relaunch, args);
    if (child.isPresent()) {
      System.exit(FastStart.run(child.get()));
    }
    FastStart.exitWithLauncher(relaunch, System.in);
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
