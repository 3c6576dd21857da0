package dev.reelskit.mock.internal.record;

import java.time.Instant;

/**
 * One request to the Reels API and its answer, as much of it as a timeline needs: never a header,
 * so no token can travel further than the reader.
 *
 * @param path the URL path, without query
 * @param at when the server answered (the middle of the exchange when only its start is known)
 * @param body the response body as text, null when absent or too large to keep
 */
record Exchange(String method, String path, int status, Instant at, String body) {

  /** Response bodies larger than this are not kept (a result is a few KB). */
  static final int MAX_BODY = 1024 * 1024;
}
