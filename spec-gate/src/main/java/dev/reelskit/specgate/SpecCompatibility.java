package dev.reelskit.specgate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.reelskit.openapi.InvalidLifecycleException;
import dev.reelskit.openapi.Lifecycle;
import dev.reelskit.openapi.LifecycleParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * Compares two versions of a spec: shapes with OpenAPITools' openapi-diff, the job lifecycle with
 * the kit's own {@link LifecycleRules}. Works for any OpenAPI 3 document; the lifecycle rules apply
 * when both declare {@code x-lifecycle}.
 */
public final class SpecCompatibility {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SpecCompatibility() {}

  /** The report on moving from {@code oldYaml} to {@code newYaml}. */
  public static CompatibilityReport compare(String oldYaml, String newYaml) {
    JsonNode oldDoc = read(oldYaml, "old");
    JsonNode newDoc = read(newYaml, "new");
    List<Change> changes = new ArrayList<>();
    List<Change> errors = new ArrayList<>();
    List<String> notes = new ArrayList<>();

    ChangedOpenApi diff = OpenApiCompare.fromContents(oldYaml, newYaml);
    changes.addAll(ShapeRules.compare(diff));

    boolean oldHas = !oldDoc.at(LifecycleParser.POINTER).isMissingNode();
    boolean newHas = !newDoc.at(LifecycleParser.POINTER).isMissingNode();
    if (newHas) {
      errors.addAll(illFormed(newDoc));
    }
    if (oldHas && newHas && errors.isEmpty()) {
      lifecycle(oldDoc, newDoc, changes);
    } else if (oldHas && !newHas) {
      changes.add(
          Change.breaking(
              "lifecycle",
              "#" + LifecycleParser.POINTER,
              "x-lifecycle was removed",
              "the mock, the contract rules and clients generated from it lose the job lifecycle"));
    } else if (newHas && !oldHas) {
      notes.add("x-lifecycle is new: nothing to compare it with");
    } else if (!newHas) {
      notes.add("neither spec declares x-lifecycle: only shapes were compared");
    }
    changes.sort(Comparator.comparing((Change c) -> !c.breaking()));
    return new CompatibilityReport(
        oldDoc.at("/info/version").asText("?"),
        newDoc.at("/info/version").asText("?"),
        changes,
        errors,
        notes);
  }

  /**
   * The problems of an ill-formed lifecycle in the new spec: errors at any version, since no client
   * can follow it (raising the major number does not make it releasable).
   */
  private static List<Change> illFormed(JsonNode newDoc) {
    try {
      LifecycleParser.parse(newDoc);
      return List.of();
    } catch (InvalidLifecycleException e) {
      return e.problems().stream()
          .map(
              p ->
                  Change.breaking(
                      "lifecycle",
                      "#" + LifecycleParser.POINTER,
                      "the new lifecycle is ill-formed: " + p,
                      "no client, mock or contract rule can follow a lifecycle that is not"
                          + " well-formed, whatever the version"))
          .toList();
    }
  }

  private static void lifecycle(JsonNode oldDoc, JsonNode newDoc, List<Change> changes) {
    Lifecycle old;
    try {
      old = LifecycleParser.parse(oldDoc);
    } catch (InvalidLifecycleException e) {
      // An old lifecycle that was never well-formed promises nothing a new one could break.
      return;
    }
    changes.addAll(LifecycleRules.compare(old, LifecycleParser.parse(newDoc)));
  }

  private static JsonNode read(String yaml, String which) {
    try {
      JsonNode doc = YAML.readTree(yaml);
      if (doc == null || !doc.has("openapi")) {
        throw new IllegalArgumentException("the " + which + " spec is not an OpenAPI 3 document");
      }
      return doc;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the " + which + " spec is not YAML: " + e.getOriginalMessage(), e);
    }
  }
}
