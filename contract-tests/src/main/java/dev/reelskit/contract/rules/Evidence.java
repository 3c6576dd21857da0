package dev.reelskit.contract.rules;

/**
 * Where a rule was seen broken: one request the suite sent, as recorded (the URL masked).
 *
 * @param atMillis when it was sent, in milliseconds since the run started
 */
public record Evidence(String method, String url, long atMillis) {

  /** The same exchange's key in a run's record: {@code GET http://.../api/v1/reels/7@1234}. */
  public String key() {
    return method + " " + url + "@" + atMillis;
  }
}
