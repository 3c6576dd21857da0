package dev.reelskit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code components/schemas/ReelJob/x-lifecycle} into a {@link Lifecycle}, or rejects it with
 * every problem found: an unknown or unreachable state, a terminal state with transitions, a dead
 * end, or states that differ from the status enum.
 */
public final class LifecycleParser {

  /** Where the declaration lives. */
  public static final String POINTER = "/components/schemas/ReelJob/x-lifecycle";

  private static final String JOB = "/components/schemas/ReelJob";

  private LifecycleParser() {}

  /**
   * The lifecycle the document declares; throws {@link InvalidLifecycleException} if ill-formed.
   */
  public static Lifecycle parse(JsonNode document) {
    List<String> problems = new ArrayList<>();
    JsonNode job = document.at(JOB);
    JsonNode declared = document.at(POINTER);
    if (!declared.isObject()) {
      throw new InvalidLifecycleException(List.of("ReelJob has no x-lifecycle object"));
    }
    String statusProperty = declared.path("status").asText("status");
    List<String> fields = strings(declared.path("fields"));
    String initial = declared.path("initial").asText(null);

    Map<String, Lifecycle.State> states = new LinkedHashMap<>();
    declared
        .path("states")
        .properties()
        .forEach(
            e -> {
              JsonNode s = e.getValue();
              states.put(
                  e.getKey(),
                  new Lifecycle.State(
                      e.getKey(),
                      s.path("terminal").asBoolean(false),
                      new LinkedHashSet<>(strings(s.path("next"))),
                      new LinkedHashSet<>(strings(s.path("sets")))));
            });
    if (states.isEmpty()) {
      throw new InvalidLifecycleException(List.of("x-lifecycle declares no states"));
    }

    checkFields(document, job, fields, problems);
    if (initial == null) {
      problems.add("x-lifecycle has no initial state");
    } else if (!states.containsKey(initial)) {
      problems.add("the initial state '" + initial + "' is not a declared state");
    }
    for (Lifecycle.State s : states.values()) {
      for (String to : s.next()) {
        if (!states.containsKey(to)) {
          problems.add(
              "state '" + s.name() + "' has a transition to the unknown state '" + to + "'");
        }
      }
      if (s.terminal() && !s.next().isEmpty()) {
        problems.add("terminal state '" + s.name() + "' has outgoing transitions " + s.next());
      }
      if (!s.terminal() && s.next().isEmpty()) {
        problems.add("state '" + s.name() + "' is not terminal but has no transitions");
      }
      for (String field : s.sets()) {
        if (!fields.contains(field)) {
          problems.add(
              "state '" + s.name() + "' sets '" + field + "', which is not in x-lifecycle.fields");
        }
      }
    }
    if (states.values().stream().noneMatch(Lifecycle.State::terminal)) {
      problems.add("no state is terminal: a job could never finish");
    }
    if (initial != null && states.containsKey(initial)) {
      Set<String> reached = reachable(initial, states);
      states.keySet().stream()
          .filter(s -> !reached.contains(s))
          .forEach(
              s ->
                  problems.add(
                      "state '" + s + "' is unreachable from the initial state '" + initial + "'"));
    }
    checkEnum(
        document, job.path("properties").path(statusProperty), statusProperty, states, problems);

    if (!problems.isEmpty()) {
      throw new InvalidLifecycleException(problems);
    }
    return new Lifecycle(statusProperty, fields, initial, states);
  }

  private static void checkFields(
      JsonNode document, JsonNode job, List<String> fields, List<String> problems) {
    for (String field : fields) {
      JsonNode property = job.path("properties").path(field);
      if (property.isMissingNode()) {
        problems.add("x-lifecycle.fields names '" + field + "', which is not a ReelJob property");
      } else if (!Schemas.resolve(document, property).path("nullable").asBoolean(false)) {
        problems.add("field '" + field + "' is governed by the lifecycle but not nullable");
      }
    }
  }

  private static void checkEnum(
      JsonNode document,
      JsonNode property,
      String name,
      Map<String, Lifecycle.State> states,
      List<String> problems) {
    JsonNode schema = Schemas.resolve(document, property);
    if (!schema.path("enum").isArray()) {
      problems.add("ReelJob." + name + " has no enum to compare the states with");
      return;
    }
    List<String> values = strings(schema.path("enum"));
    states.keySet().stream()
        .filter(s -> !values.contains(s))
        .forEach(
            s -> problems.add("state '" + s + "' is missing from the " + name + " enum " + values));
    values.stream()
        .filter(v -> !states.containsKey(v))
        .forEach(
            v ->
                problems.add(
                    "the " + name + " enum value '" + v + "' is missing from the lifecycle"));
  }

  private static Set<String> reachable(String from, Map<String, Lifecycle.State> states) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(List.of(from));
    while (!todo.isEmpty()) {
      String s = todo.remove(todo.size() - 1);
      if (states.containsKey(s) && seen.add(s)) {
        todo.addAll(states.get(s).next());
      }
    }
    return seen;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
