package dev.reelskit.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command a page shows in a {@code bash} block: comments cut, continued lines joined, a chain
 * of {@code &&} split, and leading {@code NAME=value} assignments taken as its environment.
 */
record ShownCommand(DocPages.Block block, int line, Map<String, String> env, String text) {

  String where() {
    return DocPages.name(block.page()) + ":" + line;
  }

  String program() {
    return text.split("\\s+", 2)[0];
  }

  List<String> words() {
    return List.of(text.trim().split("\\s+"));
  }

  static List<ShownCommand> of(DocPages.Block block) {
    List<ShownCommand> commands = new ArrayList<>();
    StringBuilder joined = new StringBuilder();
    int start = -1;
    for (int i = 0; i < block.lines().size(); i++) {
      String line = stripComment(block.lines().get(i)).strip();
      if (line.isEmpty() && joined.length() == 0) {
        continue;
      }
      if (start < 0) {
        start = block.line() + i;
      }
      if (line.endsWith("\\")) {
        joined.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      joined.append(line);
      for (String part : joined.toString().split("\\s+&&\\s+")) {
        commands.add(parse(block, start, part.strip()));
      }
      joined.setLength(0);
      start = -1;
    }
    return commands;
  }

  private static ShownCommand parse(DocPages.Block block, int line, String text) {
    Map<String, String> env = new LinkedHashMap<>();
    String rest = text;
    while (rest.matches("^[A-Z_][A-Z0-9_]*=\\S*\\s+.*")) {
      int eq = rest.indexOf('=');
      int space = rest.indexOf(' ');
      env.put(rest.substring(0, eq), rest.substring(eq + 1, space));
      rest = rest.substring(space + 1).strip();
    }
    return new ShownCommand(block, line, env, rest);
  }

  /** Cuts a {@code #} comment that starts a word outside quotes. */
  static String stripComment(String line) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '#'
          && !single
          && !dbl
          && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
