package dev.reelskit.specgate;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar reels-spec-compare.jar OLD.yaml NEW.yaml}; exit 0 compatible, 1 breaking, 64
 * usage.
 */
public final class CompareMain {

  private CompareMain() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(CompareCommand.run(args, out, err));
  }
}
