package dev.reelskit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Reels API's OpenAPI document, read from the classpath: the one source of truth shared by the
 * mock server and the contract suites.
 */
public final class ReelsApiSpec {

  /** Where the document lives on the classpath. */
  public static final String RESOURCE = "/openapi/reels-api.yaml";

  /** The submit operation's path. */
  public static final String ANALYZE_PATH = "/api/v1/reels/analyze";

  /** The read operation's path template. */
  public static final String JOB_PATH = "/api/v1/reels/{id}";

  private static final ReelsApiSpec INSTANCE = read();

  private final String yaml;
  private final JsonNode document;
  private final Lifecycle lifecycle;
  private final JsonNode validationView;
  private volatile String validationYaml;

  private ReelsApiSpec(String yaml, JsonNode document) {
    this.yaml = yaml;
    this.document = document;
    this.lifecycle = LifecycleParser.parse(document);
    // Built now, so a malformed view is refused when the spec is read; written as YAML only when
    // a validator asks (the mock never does, and the YAML emitter is a tenth of its start).
    this.validationView = ValidationView.of(document, lifecycle);
  }

  /** The document packaged with this jar (parsed once per class loader). */
  public static ReelsApiSpec get() {
    return INSTANCE;
  }

  /** The document's text, byte for byte as packaged. */
  public String yaml() {
    return yaml;
  }

  /** The document's {@code info.version}: what the API calls its version. */
  public String version() {
    return document.path("info").path("version").asText();
  }

  /** The document as a read-only tree; treat it as immutable. */
  public JsonNode document() {
    return document;
  }

  /** The value of {@code components/examples/<name>}. */
  public JsonNode example(String name) {
    JsonNode value = document.path("components").path("examples").path(name).path("value");
    if (value.isMissingNode()) {
      throw new IllegalArgumentException("the spec has no example named " + name);
    }
    return value.deepCopy();
  }

  /** The value of {@code components/examples/<name>} as a model object. */
  public <T> T example(String name, Class<T> type) {
    return ReelsJson.mapper().convertValue(example(name), type);
  }

  /** The names of every entry in {@code components/examples}, in document order. */
  public List<String> exampleNames() {
    List<String> names = new ArrayList<>();
    document.path("components").path("examples").properties().forEach(e -> names.add(e.getKey()));
    return names;
  }

  /** The pattern a submitted Reel URL must match ({@code AnalyzeRequest.url.pattern}). */
  public Pattern reelUrlPattern() {
    String regex =
        document.at("/components/schemas/AnalyzeRequest/properties/url/pattern").asText(null);
    if (regex == null) {
      throw new IllegalStateException("the spec's AnalyzeRequest.url has no pattern");
    }
    return Pattern.compile(regex);
  }

  /**
   * A spec read from text rather than the classpath (a copy under change, another owner's spec);
   * throws {@link InvalidLifecycleException} when its lifecycle is ill-formed.
   */
  public static ReelsApiSpec parse(String yaml) {
    return new ReelsApiSpec(yaml, Yaml.read(yaml));
  }

  /** The job lifecycle the spec declares in {@code ReelJob}'s {@code x-lifecycle}. */
  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /**
   * The document validators should read: the published one plus the lifecycle's per-state
   * invariants on {@code ReelJob} as a {@code oneOf} that generators cannot digest.
   */
  public String validationYaml() {
    String written = validationYaml;
    if (written == null) {
      written = Yaml.write(validationView);
      validationYaml = written;
    }
    return written;
  }

  private static ReelsApiSpec read() {
    try (InputStream in = ReelsApiSpec.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
