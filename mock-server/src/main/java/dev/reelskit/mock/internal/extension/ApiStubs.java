package dev.reelskit.mock.internal.extension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.reelskit.openapi.ReelsApiSpec;
import dev.reelskit.openapi.model.ApiError;
import java.util.List;

/**
 * The built-in API as WireMock stub mappings, a fixed handful whatever the number of jobs: the two
 * operations and the rest of {@code /api} answered by {@link ReelsApiTransformer}, {@code /docs} by
 * {@link DocsTransformer}, anything else a JSON 404. They are matched only after every user stub
 * ({@link ReelsStubMappingStore}), and carry the lowest priority too.
 */
final class ApiStubs {

  /** Far below WireMock's default of 5 and any priority a user is likely to write. */
  static final int PRIORITY = 1_000_000;

  private ApiStubs() {}

  static List<StubMapping> all() {
    return List.of(
        api(post(urlPathEqualTo(ReelsApiSpec.ANALYZE_PATH))),
        api(get(urlPathMatching(Route.JOBS_PREFIX + "[^/]+"))),
        api(any(urlPathMatching("/api(/.*)?"))),
        any(urlPathMatching("/docs(/.*)?"))
            .atPriority(PRIORITY)
            .willReturn(aResponse().withTransformers(DocsTransformer.NAME))
            .build(),
        any(anyUrl())
            .atPriority(PRIORITY + 1)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(SpecResponses.errorBytes(new ApiError().error("not found"))))
            .build());
  }

  private static StubMapping api(MappingBuilder request) {
    return request
        .atPriority(PRIORITY)
        .willReturn(aResponse().withTransformers(ReelsApiTransformer.NAME))
        .build();
  }
}
