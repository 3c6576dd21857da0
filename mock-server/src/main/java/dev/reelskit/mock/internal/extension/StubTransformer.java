package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;

/** A transformer that answers only for the stub mappings that name it ({@link ApiStubs}). */
abstract class StubTransformer extends NamedExtension implements ResponseDefinitionTransformerV2 {

  StubTransformer(String name) {
    super(name);
  }

  @Override
  public final boolean applyGlobally() {
    return false;
  }
}
