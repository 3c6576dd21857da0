package dev.reelskit.openapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A situation a client can provoke, named in {@code openapi/doc-pages/index.yaml}, with the request
 * that provokes it on the kit's mock on its defaults.
 */
public record DocTrigger(String name, String says, Request request) {

  /** A valid token: the authentication page's example. */
  public static final String VALID = "valid";

  /** No Authorization header at all. */
  public static final String NONE = "none";

  /**
   * The request that provokes the trigger.
   *
   * @param authorization {@link #VALID}, {@link #NONE} or the literal header value
   * @param body the JSON body, null for none
   */
  public record Request(String method, String path, String authorization, JsonNode body) {

    /** The Authorization header to send (null for none), given the valid token to use. */
    public String authorizationHeader(String validToken) {
      return switch (authorization) {
        case VALID -> "Bearer " + validToken;
        case NONE -> null;
        default -> authorization;
      };
    }
  }

  DocTrigger named(String key) {
    return new DocTrigger(key, says, request);
  }
}
