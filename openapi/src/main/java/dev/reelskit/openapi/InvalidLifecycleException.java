package dev.reelskit.openapi;

import java.util.List;

/** The spec's {@code x-lifecycle} is not a well-formed lifecycle; {@link #problems()} says why. */
public final class InvalidLifecycleException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  InvalidLifecycleException(List<String> problems) {
    super("the spec's x-lifecycle is not well-formed:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One sentence per problem, each naming the state or field concerned. */
  public List<String> problems() {
    return problems;
  }
}
