package dev.reelskit.openapi;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The job lifecycle as the spec declares it in {@code ReelJob}'s {@code x-lifecycle}: states,
 * initial state, transitions, terminal states, and which nullable fields each state sets.
 *
 * <p>Immutable and well-formed by construction: {@link LifecycleParser} is the only way to build
 * one and rejects a declaration that is not.
 */
public final class Lifecycle {

  /** One declared state: its successors and the fields that are non-null in it. */
  public record State(String name, boolean terminal, Set<String> next, Set<String> sets) {
    public State {
      next = Collections.unmodifiableSet(new LinkedHashSet<>(next));
      sets = Collections.unmodifiableSet(new LinkedHashSet<>(sets));
    }
  }

  private final String statusProperty;
  private final List<String> fields;
  private final String initial;
  private final Map<String, State> states;

  Lifecycle(String statusProperty, List<String> fields, String initial, Map<String, State> states) {
    this.statusProperty = statusProperty;
    this.fields = List.copyOf(fields);
    this.initial = initial;
    this.states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
  }

  /** The job property that holds the state ({@code status}). */
  public String statusProperty() {
    return statusProperty;
  }

  /**
   * The nullable job properties whose presence the lifecycle governs ({@code error}, {@code
   * result}).
   */
  public List<String> fields() {
    return fields;
  }

  /** The state every job starts in. */
  public String initial() {
    return initial;
  }

  /** The state names, in declaration order. */
  public Set<String> stateNames() {
    return states.keySet();
  }

  /** Every state, in declaration order. */
  public List<State> states() {
    return List.copyOf(states.values());
  }

  /** The declared state of this name. */
  public State state(String name) {
    State state = states.get(name);
    if (state == null) {
      throw new IllegalArgumentException("the lifecycle has no state " + name);
    }
    return state;
  }

  /** Whether the state never changes again. */
  public boolean isTerminal(String state) {
    return state(state).terminal();
  }

  /** The states one declared step away. */
  public Set<String> next(String state) {
    return state(state).next();
  }

  /** Whether {@code field} is non-null in {@code state}. */
  public boolean sets(String state, String field) {
    return state(state).sets().contains(field);
  }

  /** The terminal states, in declaration order. */
  public Set<String> terminalStates() {
    Set<String> terminal = new LinkedHashSet<>();
    states.values().stream().filter(State::terminal).forEach(s -> terminal.add(s.name()));
    return Collections.unmodifiableSet(terminal);
  }

  /**
   * Whether {@code to} can be observed after {@code from}: the same state, or any state reachable
   * by one or more declared steps (a poller may miss intermediate states).
   */
  public boolean canFollow(String from, String to) {
    return reachableFrom(from).contains(state(to).name());
  }

  /** {@code from} and every state reachable from it. */
  public Set<String> reachableFrom(String from) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(state(from).name()));
    while (!todo.isEmpty()) {
      String s = todo.pop();
      if (seen.add(s)) {
        todo.addAll(states.get(s).next());
      }
    }
    return seen;
  }

  @Override
  public String toString() {
    return "Lifecycle" + states.values();
  }
}
