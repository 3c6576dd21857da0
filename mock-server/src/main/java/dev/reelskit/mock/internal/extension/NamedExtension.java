package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.extension.Extension;

/** A WireMock extension whose stable name (STYLE.md 6: treated as API) is given once. */
abstract class NamedExtension implements Extension {

  private final String name;

  NamedExtension(String name) {
    this.name = name;
  }

  @Override
  public final String getName() {
    return name;
  }
}
