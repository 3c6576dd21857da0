package dev.reelskit.contract.suites;

import dev.reelskit.openapi.ReelsApiSpec;

/** Texts the suite expects, read from the API document's examples instead of retyped. */
final class SpecTexts {

  private SpecTexts() {}

  /** A string field of a named {@code components/examples} value, e.g. the 401 body's "error". */
  static String example(String name, String field) {
    String text = ReelsApiSpec.get().example(name).path(field).textValue();
    if (text == null) {
      throw new IllegalStateException("the API document's example " + name + " has no " + field);
    }
    return text;
  }
}
