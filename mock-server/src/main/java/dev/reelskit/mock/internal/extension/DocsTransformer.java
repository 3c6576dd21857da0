package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** Serves {@code /docs/...} (the spec and Swagger UI) behind the docs' stub mapping. */
final class DocsTransformer extends StubTransformer {

  static final String NAME = "reels-docs";

  private final DocsHandler docs = new DocsHandler();
  private final ApiRequest.Views views;

  DocsTransformer(ApiRequest.Views views) {
    super(NAME);
    this.views = views;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    DocsHandler.Doc doc = docs.serve(views.of(serveEvent).path());
    ResponseDefinitionBuilder b =
        new ResponseDefinitionBuilder()
            .withStatus(doc.body() == null ? 404 : doc.status())
            .withHeader("Content-Type", doc.contentType());
    if (doc.location() != null) {
      b.withHeader("Location", doc.location());
    }
    return doc.body() == null ? b.build() : b.withBody(doc.body()).build();
  }
}
