package dev.reelskit.specgate;

/**
 * One difference between two versions of a spec: whether it breaks clients, where it is, what
 * changed, and which clients it breaks and why.
 */
public record Change(boolean breaking, String area, String where, String what, String why) {

  static Change breaking(String area, String where, String what, String why) {
    return new Change(true, area, where, what, why);
  }

  static Change compatible(String area, String where, String what, String why) {
    return new Change(false, area, where, what, why);
  }

  String render() {
    return String.format(
        "%-10s %s  %s%n  what  %s%n  why   %s%n",
        breaking ? "BREAKING" : "compatible", area, where, what, why);
  }
}
