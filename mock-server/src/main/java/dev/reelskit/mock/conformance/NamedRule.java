package dev.reelskit.mock.conformance;

/** A rule whose id and title are fixed when it is made. */
abstract class NamedRule implements ClientRule {

  private final String id;
  private final String title;

  NamedRule(String id, String title) {
    this.id = id;
    this.title = title;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String title() {
    return title;
  }
}
