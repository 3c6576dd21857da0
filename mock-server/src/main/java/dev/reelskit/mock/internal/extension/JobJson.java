package dev.reelskit.mock.internal.extension;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.reelskit.mock.internal.jobs.Outcomes;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.ReelAnalysis;
import dev.reelskit.openapi.model.ReelJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Serialises {@code ReelJob} bodies with the kit's mapper, except that the few canned analyses
 * (shared by every done job) are serialised once and written as raw JSON: the analysis is most of a
 * done job's body, and re-serialising it on every poll is the largest per-request cost.
 */
final class JobJson {

  private static final List<ReelAnalysis> CANNED =
      List.of(
          Outcomes.DONE_COOKING.analysis(),
          Outcomes.DONE_NO_SPEECH.analysis(),
          Outcomes.DONE_NO_META.analysis());
  // Encoded once: SerializedString keeps the UTF-8 bytes, so a poll copies them and encodes
  // nothing.
  private static final List<SerializedString> CANNED_JSON =
      CANNED.stream().map(analysis -> new SerializedString(plain(analysis))).toList();

  private static final ObjectMapper MAPPER =
      ReelsJson.mapper()
          .copy()
          .registerModule(
              new SimpleModule("reels-canned-analyses")
                  .addSerializer(ReelAnalysis.class, new CannedAnalysisSerializer()));

  private JobJson() {}

  static byte[] bytes(ReelJob job) {
    try {
      return MAPPER.writeValueAsBytes(job);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String plain(ReelAnalysis analysis) {
    try {
      return ReelsJson.mapper().writeValueAsString(analysis);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class CannedAnalysisSerializer extends StdSerializer<ReelAnalysis> {
    CannedAnalysisSerializer() {
      super(ReelAnalysis.class);
    }

    @Override
    public void serialize(ReelAnalysis value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      for (int i = 0; i < CANNED.size(); i++) {
        if (CANNED.get(i) == value) { // identity: the canned instances are shared by reference
          gen.writeRawValue(CANNED_JSON.get(i));
          return;
        }
      }
      gen.writeRawValue(plain(value));
    }
  }
}
