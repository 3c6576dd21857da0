package dev.reelskit.timeline;

import java.util.List;
import java.util.Objects;

/**
 * One row of the picture: a job (or the requests tied to no job) and what happened to it.
 *
 * @param label what the row is, e.g. {@code job 41 www.instagram.com/reel/<code>/}
 * @param detail a second, smaller line, e.g. {@code done after 5.2 s, 23 polls}
 */
public record Lane(String label, String detail, List<Mark> marks) {

  public Lane {
    Objects.requireNonNull(label, "label");
    detail = detail == null ? "" : detail;
    marks = List.copyOf(marks);
  }
}
