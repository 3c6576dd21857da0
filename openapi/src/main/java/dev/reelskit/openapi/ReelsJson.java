package dev.reelskit.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one Jackson configuration under which the generated models match the spec. */
public final class ReelsJson {

  // Configured once; ObjectMapper is thread-safe once configured and costly to build.
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // Optional fields that are unset are left out; required nullable ones (error, result,
          // platform_meta) are annotated ALWAYS by the generator and stay as explicit nulls.
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          // Keep the server's offset: "+02:00" must come back as "+02:00", not as UTC.
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          // The spec is open: a real server may add fields it does not list.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ReelsJson() {}

  /** A shared, fully configured mapper. Do not reconfigure it; copy it instead. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
