package dev.reelskit.contract.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Server bodies read as JSON within a budget: at most {@value #MAX_DEPTH} levels of nesting and
 * {@value #MAX_TOKENS} tokens (values, field names, brackets). The documented bodies use a handful
 * of levels and a few hundred tokens; past the budget a body is not read at all, so neither the
 * rules nor the spec validator spend memory or time on it (a megabyte of {@code [[[[} or of {@code
 * 1,1,1,}, each value a schema violation, would otherwise cost hundreds of MB).
 */
public final class BoundedJson {

  public static final int MAX_DEPTH = 64;
  public static final long MAX_TOKENS = 100_000;

  // Trees only: the models' mapper (ReelsJson) adds nothing to reading a tree.
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxTokenCount(MAX_TOKENS)
                          .build())
                  .build())
          .build();

  /**
   * A body as read: its JSON tree, or null with the reason (not JSON, or past the budget).
   *
   * @param overBudget true when the body may be JSON but is larger or deeper than the budget
   */
  public record Parsed(JsonNode node, String problem, boolean overBudget) {}

  private BoundedJson() {}

  public static Parsed parse(String body) {
    if (body == null || body.isBlank()) {
      return new Parsed(null, "empty body", false);
    }
    try {
      return new Parsed(MAPPER.readTree(body), null, false);
    } catch (StreamConstraintsException e) {
      return new Parsed(
          null,
          "not read: more than "
              + MAX_DEPTH
              + " levels of nesting or "
              + MAX_TOKENS
              + " JSON tokens (the suite's parse budget)",
          true);
    } catch (Exception | StackOverflowError e) {
      return new Parsed(null, "not JSON", false);
    }
  }

  /**
   * The body's JSON tokens, counted in one streaming pass that builds no tree and reads no string
   * value (so a megabyte string costs nothing here), up to just past {@code max}; -1 when the body
   * is past the budget ({@link #MAX_DEPTH}, {@link #MAX_TOKENS}), 0 when it is not JSON.
   */
  static long tokens(String body, long max) {
    try (JsonParser parser = MAPPER.getFactory().createParser(body)) {
      long tokens = 0;
      while (parser.nextToken() != null) {
        if (++tokens > max) {
          return tokens;
        }
      }
      return tokens;
    } catch (StreamConstraintsException e) {
      return -1;
    } catch (IOException e) {
      return 0;
    }
  }

  /** The body's JSON tree, or null when it is not JSON or past the budget. */
  public static JsonNode read(String body) {
    return parse(body).node();
  }
}
