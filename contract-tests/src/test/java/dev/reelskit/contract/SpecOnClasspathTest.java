package dev.reelskit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import dev.reelskit.openapi.ReelsApiSpec;
import org.junit.jupiter.api.Test;

class SpecOnClasspathTest {

  private final OpenApiInteractionValidator validator =
      OpenApiInteractionValidator.createForInlineApiSpecification(ReelsApiSpec.get().yaml())
          .build();

  @Test
  void the_packaged_spec_rejects_a_job_with_an_undocumented_status() {
    String body =
        "{\"id\":1,\"url\":\"https://www.instagram.com/reel/a/\",\"status\":\"completed\","
            + "\"error\":null,\"result\":null,\"created_at\":\"2026-05-22T10:00:00Z\"}";

    var report =
        validator.validateResponse(
            "/api/v1/reels/1",
            Request.Method.GET,
            SimpleResponse.Builder.ok().withContentType("application/json").withBody(body).build());

    assertThat(report.hasErrors()).isTrue();
  }
}
