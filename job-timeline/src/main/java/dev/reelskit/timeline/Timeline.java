package dev.reelskit.timeline;

import java.util.List;
import java.util.Objects;

/**
 * The lanes of one picture on one time axis.
 *
 * @param title what the picture shows, e.g. {@code Jobs the contract suite followed}
 * @param axis what the time axis counts, e.g. {@code wall time since the run started}
 */
public record Timeline(String title, String axis, List<Lane> lanes) {

  public Timeline {
    Objects.requireNonNull(title, "title");
    axis = axis == null ? "time" : axis;
    lanes = List.copyOf(lanes);
  }

  /** The picture as a self-contained SVG document. */
  public String toSvg() {
    return new TimelineSvg(this).render();
  }
}
