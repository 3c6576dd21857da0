package dev.reelskit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of the Reels API's public documentation, restated as data ({@code
 * openapi/doc-pages/<page>.yaml}). Every section is optional: a section the page does not speak to
 * is an empty list or null. See {@code openapi/doc-pages/README.md} for what each field means.
 *
 * @param page the page's name: overview, analyze, result, schema, pipeline, authentication, errors
 */
public record DocPage(
    String page,
    String title,
    String about,
    List<Endpoint> endpoints,
    Urls urls,
    List<Request> requests,
    List<DocBody> bodies,
    List<Shape> shapes,
    List<Status> statuses,
    Tokens tokens,
    Limits limits,
    Polling polling,
    Range jobSeconds,
    Retry retry,
    List<Cause> causes,
    Lifecycle lifecycle,
    List<Field> fields,
    List<Note> notes) {

  public DocPage {
    endpoints = List.copyOf(endpoints == null ? List.of() : endpoints);
    requests = List.copyOf(requests == null ? List.of() : requests);
    bodies =
        List.copyOf(bodies == null ? List.of() : bodies.stream().map(b -> b.onPage(page)).toList());
    shapes = List.copyOf(shapes == null ? List.of() : shapes);
    statuses = List.copyOf(statuses == null ? List.of() : statuses);
    causes = List.copyOf(causes == null ? List.of() : causes);
    fields = List.copyOf(fields == null ? List.of() : fields);
    notes = List.copyOf(notes == null ? List.of() : notes);
  }

  /** An operation the page documents. */
  public record Endpoint(String method, String path) {}

  /** The URL forms the page gives as accepted. */
  public record Urls(List<String> accepted) {}

  /** A request body the page shows. */
  public record Request(String id, String operation, String trigger, JsonNode body, String says) {}

  /**
   * A general rule about bodies, e.g. "every error is {"error": "message"}".
   *
   * @param applies which statuses it speaks of ({@code statuses}: e.g. "4xx 5xx" or "400 404")
   */
  public record Shape(
      String id, JsonNode applies, JsonNode body, List<String> placeholders, String says) {

    public Shape {
      placeholders = List.copyOf(placeholders == null ? List.of() : placeholders);
    }

    /** Whether this rule speaks of {@code status} (a listed code or its class, e.g. 4xx). */
    public boolean appliesTo(int status) {
      for (String s : applies.path("statuses").asText("").split("\\s+")) {
        if (s.equals(String.valueOf(status)) || s.equals(status / 100 + "xx")) {
          return true;
        }
      }
      return false;
    }
  }

  /** A status code the page lists; {@code operation} is an operationId or {@code any}. */
  public record Status(int status, String operation, String meaning) {}

  /**
   * What the page says about tokens. Numbers and flags the page does not give are null.
   *
   * @param placeholders the tokens the page's own snippets use (people paste them first)
   * @param dashboardShowsChars how many leading characters of a token the dashboard shows again
   */
  public record Tokens(
      String scheme,
      String prefix,
      Integer lengthAfterPrefix,
      String alphabet,
      String example,
      List<String> placeholders,
      Integer dashboardShowsChars,
      Boolean expires,
      String revocation) {

    public Tokens {
      placeholders = List.copyOf(placeholders == null ? List.of() : placeholders);
    }
  }

  /** The documented limits; exceeding one is answered {@code statusWhenExceeded}. */
  public record Limits(
      int requestsPerMinute, int concurrentJobs, int maxVideoSeconds, int statusWhenExceeded) {}

  /** How the page's own clients poll. */
  public record Polling(int intervalSeconds, int giveUpSeconds) {}

  /** A range of seconds. */
  public record Range(int min, int max) {}

  /**
   * A retry recommendation.
   *
   * @param weight {@code recommended} (advice) or {@code required}
   */
  public record Retry(
      List<Integer> statuses,
      int maxAttempts,
      List<Integer> waitsSeconds,
      String weight,
      String says) {

    public Retry {
      statuses = List.copyOf(statuses);
      waitsSeconds = List.copyOf(waitsSeconds);
    }
  }

  /**
   * Why a job may end in {@code error}.
   *
   * @param exampleMessage the job's {@code error} text where the page shows one, else null
   */
  public record Cause(String id, String cause, String exampleMessage) {

    /** The page's example message, or the cause in its own words where the page shows none. */
    public String message() {
      return exampleMessage != null ? exampleMessage : cause;
    }
  }

  /** The job lifecycle as the page draws it. */
  public record Lifecycle(String initial, List<List<String>> transitions, List<String> terminal) {}

  /**
   * A field of a job or its result, with the type the page gives ({@code unstated} when none).
   *
   * @param path a JSON pointer under the job body
   */
  public record Field(String path, String type, String says) {}

  /** A statement kept so that the page is whole, though no program checks it. */
  public record Note(String id, String says) {}
}
