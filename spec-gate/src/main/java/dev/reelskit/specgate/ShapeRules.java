package dev.reelskit.specgate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedList;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * Shape changes as OpenAPITools' openapi-diff judges them, turned into {@link Change}s that say
 * where (operation, status, JSON path) and which side of the API they break.
 */
final class ShapeRules {

  private static final String AREA = "shape";
  private static final String REQUEST_WHY =
      "clients send requests the old spec allowed; the new spec refuses or reads them differently";
  private static final String RESPONSE_WHY =
      "clients read responses as the old spec described them; what they parse or rely on has changed";

  private ShapeRules() {}

  static List<Change> compare(ChangedOpenApi diff) {
    List<Change> changes = new ArrayList<>();
    for (Endpoint gone : diff.getMissingEndpoints()) {
      changes.add(
          Change.breaking(
              AREA,
              endpoint(gone),
              "the operation was removed",
              "clients that call it get an error where they got an answer"));
    }
    for (Endpoint added : diff.getNewEndpoints()) {
      changes.add(
          Change.compatible(
              AREA, endpoint(added), "new operation", "existing clients do not call it"));
    }
    for (ChangedOperation op : diff.getChangedOperations()) {
      String where = op.getHttpMethod() + " " + op.getPathUrl();
      if (op.getParameters() != null) {
        for (Parameter p : parameters(op)) {
          changes.add(p.change(where));
        }
      }
      if (op.getRequestBody() != null && op.getRequestBody().isDifferent()) {
        content(changes, where + " request body", op.getRequestBody().getContent(), REQUEST_WHY);
        if (op.getRequestBody().isChangeRequired()) {
          changes.add(
              verdict(
                  op.getRequestBody(), where + " request body", "required changed", REQUEST_WHY));
        }
      }
      if (op.getApiResponses() != null) {
        responses(changes, where, op.getApiResponses());
      }
      if (op.getSecurityRequirements() != null && op.getSecurityRequirements().isDifferent()) {
        changes.add(
            verdict(
                op.getSecurityRequirements(),
                where,
                "security requirements changed",
                "clients authenticate as the old spec said"));
      }
      if (changes.stream().noneMatch(c -> c.where().startsWith(where)) && op.isDifferent()) {
        changes.add(
            op.isIncompatible()
                ? Change.breaking(
                    AREA,
                    where,
                    "openapi-diff judges the operation incompatible (for example an enum"
                        + " value added to or removed from a response: look for it in the schemas this operation uses)",
                    RESPONSE_WHY)
                : Change.compatible(
                    AREA,
                    where,
                    "documentation or metadata changed",
                    "descriptions, summaries and examples do not change what goes over the wire"));
      }
    }
    return changes;
  }

  private record Parameter(ChangedParameter changed) {
    Change change(String where) {
      return verdict(
          changed,
          where + " parameter " + changed.getName() + " (" + changed.getIn() + ")",
          "the parameter changed" + details(changed),
          REQUEST_WHY);
    }
  }

  private static List<Parameter> parameters(ChangedOperation op) {
    List<Parameter> list = new ArrayList<>();
    op.getParameters().getChanged().forEach(p -> list.add(new Parameter(p)));
    return list;
  }

  private static void responses(List<Change> changes, String where, ChangedApiResponse responses) {
    responses
        .getMissing()
        .keySet()
        .forEach(
            code ->
                changes.add(
                    verdict(
                        responses,
                        where + " response " + code,
                        "response " + code + " was removed",
                        RESPONSE_WHY)));
    responses
        .getIncreased()
        .keySet()
        .forEach(
            code ->
                changes.add(
                    Change.compatible(
                        AREA,
                        where + " response " + code,
                        "new response " + code,
                        "clients treat an undocumented status as an error already")));
    for (Map.Entry<String, ChangedResponse> e : responses.getChanged().entrySet()) {
      String at = where + " response " + e.getKey();
      ChangedResponse response = e.getValue();
      if (response.getHeaders() != null && response.getHeaders().isDifferent()) {
        changes.add(
            verdict(response.getHeaders(), at + " headers", "headers changed", RESPONSE_WHY));
      }
      content(changes, at, response.getContent(), RESPONSE_WHY);
      if (response.getDescription() != null && response.getDescription().isDifferent()) {
        changes.add(
            Change.compatible(AREA, at, "description changed", "prose does not go over the wire"));
      }
    }
  }

  private static void content(
      List<Change> changes, String where, ChangedContent content, String why) {
    if (content == null) {
      return;
    }
    content
        .getMissing()
        .keySet()
        .forEach(
            type ->
                changes.add(
                    verdict(
                        content, where + " " + type, "media type " + type + " was removed", why)));
    for (Map.Entry<String, ChangedMediaType> e : content.getChanged().entrySet()) {
      ChangedMediaType media = e.getValue();
      if (media.getSchema() != null) {
        schema(changes, where, "$", media.getSchema(), why);
      }
      if ((media.getExamples() != null && media.getExamples().isDifferent())
          || (media.getExample() != null && media.getExample().isDifferent())) {
        changes.add(
            Change.compatible(
                AREA, where, "examples changed", "examples illustrate; they constrain nothing"));
      }
    }
  }

  /** One change per JSON path whose own constraints changed; nested properties get their own. */
  private static void schema(
      List<Change> changes, String where, String path, ChangedSchema schema, String why) {
    List<String> own = new ArrayList<>();
    if (schema.isChangedType()) {
      own.add("type");
    }
    schema.getMissingProperties().keySet().forEach(p -> own.add("property '" + p + "' removed"));
    schema.getIncreasedProperties().keySet().forEach(p -> own.add("property '" + p + "' added"));
    // The schema's own verdict (isCoreChanged) leaves out its constraint elements (enum, pattern,
    // lengths, ...), which openapi-diff judges one by one.
    boolean incompatible = schema.isCoreChanged().isIncompatible();
    for (Changed element : schema.getChangedElements()) {
      if (element != null && !(element instanceof ChangedSchema) && element.isDifferent()) {
        own.add(name(element));
        incompatible |= element.isIncompatible();
      }
    }
    if (!own.isEmpty()) {
      changes.add(
          new Change(
              incompatible,
              AREA,
              where + " " + path,
              String.join(", ", own),
              incompatible
                  ? why
                  : "a relaxed constraint or a new optional field: what was valid stays valid"));
    }
    if (why.equals(REQUEST_WHY)
        && schema.getNewSchema() != null
        && schema.getNewSchema().getRequired() != null) {
      // openapi-diff 2.1.7 calls a new property that is also required compatible; a client that
      // never sent it is refused, so the kit calls it breaking.
      schema.getIncreasedProperties().keySet().stream()
          .filter(schema.getNewSchema().getRequired()::contains)
          .forEach(
              p ->
                  changes.add(
                      Change.breaking(
                          AREA,
                          where + " " + path + "." + p,
                          "new required property '" + p + "'",
                          "clients that do not send '" + p + "' are refused")));
    }
    schema
        .getChangedProperties()
        .forEach((name, child) -> schema(changes, where, path + "." + name, child, why));
    if (schema.getItems() != null) {
      schema(changes, where, path + "[]", schema.getItems(), why);
    }
  }

  private static Change verdict(Changed changed, String where, String what, String why) {
    return changed.isIncompatible()
        ? Change.breaking(AREA, where, what, why)
        : Change.compatible(AREA, where, what, "openapi-diff judges it compatible");
  }

  private static String details(ChangedParameter p) {
    return p.isChangeRequired() ? " (required changed)" : "";
  }

  private static String name(Changed element) {
    String simple = element.getClass().getSimpleName().replaceFirst("^Changed", "");
    String name =
        simple.isEmpty() ? "schema" : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    if (element instanceof ChangedList<?> list) {
      name +=
          (list.getIncreased().isEmpty() ? "" : " +" + list.getIncreased())
              + (list.getMissing().isEmpty() ? "" : " -" + list.getMissing());
    }
    return name;
  }

  private static String endpoint(Endpoint e) {
    return e.getMethod() + " " + e.getPathUrl();
  }
}
