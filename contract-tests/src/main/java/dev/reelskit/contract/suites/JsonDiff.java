package dev.reelskit.contract.suites;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.TreeSet;

/**
 * The first place two JSON values differ, so a report names {@code $.result.summary}, not {@code
 * $.result}.
 */
final class JsonDiff {

  private JsonDiff() {}

  /**
   * {path, before, after} of the first difference, or null when equal (key order ignored; a field
   * that is {@code null} in one and absent in the other is no difference: the docs show optional
   * values both ways, and a server may serialise either).
   */
  static String[] first(String path, JsonNode before, JsonNode after) {
    if (before.equals(after) || (nullish(before) && nullish(after))) {
      return null;
    }
    if (before.isObject() && after.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      before.fieldNames().forEachRemaining(names::add);
      after.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String[] d = first(path + "." + name, before.path(name), after.path(name));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (before.isArray() && after.isArray() && before.size() == after.size()) {
      for (int i = 0; i < before.size(); i++) {
        String[] d = first(path + "[" + i + "]", before.get(i), after.get(i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    return new String[] {path, render(before), render(after)};
  }

  private static boolean nullish(JsonNode node) {
    return node.isNull() || node.isMissingNode();
  }

  private static String render(JsonNode node) {
    return node.isMissingNode() ? "(absent)" : node.toString();
  }
}
