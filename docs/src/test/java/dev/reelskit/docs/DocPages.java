package dev.reelskit.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The kit's Markdown pages, read the way GitHub renders them: fenced blocks, links, anchors. */
final class DocPages {

  /** The repository's root: this module's parent folder. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
  private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");
  private static final Pattern VOUCH = Pattern.compile("<!--\\s*commands run by:\\s*(\\S+)\\s*-->");

  private DocPages() {}

  /** README.md, CONTRIBUTING.md, every page under docs/ and every module's README.md. */
  static List<Path> all() {
    List<Path> pages = new ArrayList<>();
    for (String top : List.of("README.md", "CONTRIBUTING.md")) {
      pages.add(ROOT.resolve(top));
    }
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"));
        Stream<Path> modules = Files.list(ROOT)) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
      modules
          .filter(p -> Files.isRegularFile(p.resolve("pom.xml")))
          .map(p -> p.resolve("README.md"))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(pages::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pages;
  }

  static String name(Path page) {
    return ROOT.relativize(page).toString();
  }

  static List<String> lines(Path page) {
    try {
      return Files.readAllLines(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fenced block: its language, its first line's number (1-based) and its lines. */
  record Block(Path page, String language, int line, List<String> lines, String vouchedBy) {
    String where() {
      return name(page) + ":" + line;
    }
  }

  static List<Block> blocks(Path page) {
    List<String> lines = lines(page);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String vouched = null;
      for (int back = i - 1; back >= 0 && back >= i - 3; back--) {
        Matcher v = VOUCH.matcher(lines.get(back));
        if (v.find()) {
          vouched = v.group(1);
          break;
        }
      }
      List<String> body = new ArrayList<>();
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).startsWith("```")) {
        body.add(lines.get(j++));
      }
      blocks.add(new Block(page, open.group(1), i + 2, body, vouched));
      i = j;
    }
    return blocks;
  }

  /** Link targets outside fenced blocks, each with its line number. */
  static List<String[]> links(Path page) {
    List<String[]> links = new ArrayList<>();
    List<String> lines = lines(page);
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher m = LINK.matcher(lines.get(i).replaceAll("`[^`]*`", ""));
      while (m.find()) {
        links.add(new String[] {m.group(1), String.valueOf(i + 1)});
      }
    }
    return links;
  }

  /** The anchors GitHub makes for the page's headings (lower case, punctuation dropped). */
  static Set<String> anchors(Path page) {
    Set<String> anchors = new LinkedHashSet<>();
    boolean fenced = false;
    for (String line : lines(page)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      Matcher h = HEADING.matcher(line);
      if (!fenced && h.matches()) {
        String slug = slug(h.group(1));
        String unique = slug;
        for (int n = 1; anchors.contains(unique); n++) {
          unique = slug + "-" + n;
        }
        anchors.add(unique);
      }
    }
    return anchors;
  }

  static String slug(String heading) {
    String text = heading.replaceAll("`", "").replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    return text.trim()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }
}
