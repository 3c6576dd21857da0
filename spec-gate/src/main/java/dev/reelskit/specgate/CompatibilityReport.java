package dev.reelskit.specgate;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verdict on a spec change: every {@link Change} found, and whether the change may be released
 * as it is (no breaking change, or the major number of {@code info.version} was raised).
 */
public final class CompatibilityReport {

  private static final Pattern MAJOR = Pattern.compile("^v?(\\d+)");

  private final String oldVersion;
  private final String newVersion;
  private final List<Change> changes;
  private final List<Change> errors;
  private final List<String> notes;

  CompatibilityReport(
      String oldVersion,
      String newVersion,
      List<Change> changes,
      List<Change> errors,
      List<String> notes) {
    this.oldVersion = oldVersion;
    this.newVersion = newVersion;
    this.changes = List.copyOf(changes);
    this.errors = List.copyOf(errors);
    this.notes = List.copyOf(notes);
  }

  /**
   * What makes the new spec unreleasable at any version (an ill-formed lifecycle): never excused by
   * raising the major number.
   */
  public List<Change> errors() {
    return errors;
  }

  /** Every change found, breaking ones first. */
  public List<Change> changes() {
    return changes;
  }

  /** The breaking changes. */
  public List<Change> breaking() {
    return changes.stream().filter(Change::breaking).toList();
  }

  /** Whether {@code info.version}'s major number went up (e.g. 1.4.0 to 2.0.0). */
  public boolean majorRaised() {
    Integer before = major(oldVersion);
    Integer after = major(newVersion);
    return before != null && after != null && after > before;
  }

  /**
   * Whether the new spec must not be released as it is: ill-formed, or breaking with the major not
   * raised.
   */
  public boolean fails() {
    return !errors.isEmpty() || !breaking().isEmpty() && !majorRaised();
  }

  /** A short readable report: the verdict first, then each change with where and why. */
  public String render() {
    StringBuilder out = new StringBuilder();
    long breakingCount = breaking().size();
    out.append("Spec compatibility: ")
        .append(oldVersion)
        .append(" -> ")
        .append(newVersion)
        .append('\n');
    if (!errors.isEmpty()) {
      out.append("verdict: INVALID (")
          .append(errors.size())
          .append(" error")
          .append(errors.size() == 1 ? "" : "s")
          .append("): the new spec is ill-formed; no version number makes it releasable\n");
    } else if (changes.isEmpty()) {
      out.append("verdict: no change that affects clients\n");
    } else if (breakingCount == 0) {
      out.append("verdict: COMPATIBLE (")
          .append(changes.size())
          .append(" compatible change")
          .append(changes.size() == 1 ? "" : "s")
          .append(")\n");
    } else {
      out.append("verdict: BREAKING (")
          .append(breakingCount)
          .append(" breaking, ")
          .append(changes.size() - breakingCount)
          .append(" compatible); ")
          .append(
              majorRaised()
                  ? "info.version's major was raised, so this is allowed as a new major release\n"
                  : "info.version's major was not raised ("
                      + oldVersion
                      + " -> "
                      + newVersion
                      + "): raise it or undo the breaking changes\n");
    }
    notes.forEach(n -> out.append("note: ").append(n).append('\n'));
    errors.forEach(
        c ->
            out.append('\n')
                .append(c.render().replaceFirst("^BREAKING  ", String.format("%-10s", "ERROR"))));
    changes.forEach(c -> out.append('\n').append(c.render()));
    return out.toString();
  }

  private static Integer major(String version) {
    Matcher m = version == null ? null : MAJOR.matcher(version.trim());
    return m != null && m.find() ? Integer.valueOf(m.group(1)) : null;
  }
}
