package dev.reelskit.timeline;

import java.util.Objects;

/**
 * One thing that happened to a job at one moment: a request and its answer, or a rule that failed
 * there.
 *
 * @param atMillis when, in milliseconds from the timeline's origin
 * @param kind what it was
 * @param status the job status the answer showed ({@code pending}, ...), or null
 * @param httpStatus the answer's HTTP status, 0 when not a request
 * @param waitMillis for a 429: the wait it asked for (Retry-After), -1 when it named none
 * @param note a short text: the rule id of a failure, the tooltip of a request
 */
public record Mark(
    long atMillis, Kind kind, String status, int httpStatus, long waitMillis, String note) {

  /** What a mark stands for; each is drawn its own way. */
  public enum Kind {
    /** The job's submission (POST). */
    SUBMIT,
    /** A read of the job (GET). */
    POLL,
    /** A 429 Too Many Requests, with the wait it asked for. */
    TOO_MANY,
    /** Any other request not tied to a job's state (a probe). */
    REQUEST,
    /** A rule failed here. */
    FAILURE,
    /** The reader gave up on the job here. */
    GAVE_UP
  }

  public Mark {
    Objects.requireNonNull(kind, "kind");
    note = note == null ? "" : note;
  }

  public static Mark submit(long atMillis, int httpStatus, String status, String note) {
    return new Mark(atMillis, Kind.SUBMIT, status, httpStatus, -1, note);
  }

  public static Mark poll(long atMillis, int httpStatus, String status, String note) {
    return new Mark(atMillis, Kind.POLL, status, httpStatus, -1, note);
  }

  /** A 429; {@code retryAfterMillis} -1 when the answer named no wait. */
  public static Mark tooMany(long atMillis, long retryAfterMillis, String note) {
    return new Mark(atMillis, Kind.TOO_MANY, null, 429, retryAfterMillis, note);
  }

  public static Mark request(long atMillis, int httpStatus, String note) {
    return new Mark(atMillis, Kind.REQUEST, null, httpStatus, -1, note);
  }

  /** Rule {@code ruleId} failed at this moment; {@code note} says how. */
  public static Mark failure(long atMillis, String ruleId, String note) {
    return new Mark(
        atMillis, Kind.FAILURE, null, 0, -1, ruleId + (note.isEmpty() ? "" : ": " + note));
  }

  public static Mark gaveUp(long atMillis, String note) {
    return new Mark(atMillis, Kind.GAVE_UP, null, 0, -1, note);
  }

  /** The rule id of a failure mark (its note up to the first colon). */
  String ruleId() {
    int colon = note.indexOf(':');
    return colon < 0 ? note : note.substring(0, colon);
  }

  /** The last moment this mark covers: its time plus a 429's wait. */
  long endMillis() {
    return atMillis + Math.max(0, waitMillis);
  }
}
