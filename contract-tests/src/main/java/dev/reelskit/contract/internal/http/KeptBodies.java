package dev.reelskit.contract.internal.http;

import dev.reelskit.contract.rules.ContractConfigurationException;
import java.util.HashMap;
import java.util.Map;

/**
 * What one run keeps of the server's bodies for the rules to judge: at most {@value #ANSWERS}
 * answers' worth ({@value #ANSWERS} x --max-response-bytes, 16 MiB by default) of heap. The
 * documented bodies are a few KB, so a correct server never comes near it; a server that answers
 * every poll with a new megabyte ends the run here, with exit 2, instead of growing the heap with
 * every poll. An answer identical to the one before it for the same request is kept once.
 */
final class KeptBodies {

  /** The budget in answers of the largest size read. */
  static final int ANSWERS = 8;

  private final long maxBytes;
  private final long budget;
  private final Map<String, String> last = new HashMap<>();
  private long kept;
  private int answers;

  KeptBodies(long maxResponseBytes) {
    this.maxBytes = maxResponseBytes;
    this.budget = maxResponseBytes * ANSWERS;
  }

  /**
   * The body to record for {@code request} (the same instance as the last one when equal), counted
   * against the budget; past it the run stops.
   */
  synchronized String keep(String request, String body) {
    if (body == null || body.isEmpty()) {
      return body;
    }
    String before = last.get(request);
    if (body.equals(before)) {
      return before;
    }
    kept += heapBytes(body);
    answers++;
    if (kept > budget) {
      throw new ContractConfigurationException(
          "the server's answers passed what one run keeps of them: "
              + kept / 1024
              + " KB in "
              + answers
              + " bodies (at most "
              + ANSWERS
              + " x --max-response-bytes "
              + maxBytes
              + "); the last was "
              + body.length()
              + " chars, to "
              + request);
    }
    last.put(request, body);
    return body;
  }

  /** Bytes of heap the body's characters take: one each when all are Latin-1, else two. */
  private static long heapBytes(String body) {
    for (int i = 0; i < body.length(); i++) {
      if (body.charAt(i) > 0xff) {
        return 2L * body.length();
      }
    }
    return body.length();
  }
}
