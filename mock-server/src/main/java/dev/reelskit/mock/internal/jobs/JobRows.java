package dev.reelskit.mock.internal.jobs;

import dev.reelskit.mock.jobs.JobTiming;
import dev.reelskit.openapi.model.JobStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A job as one row of the state file's {@code reels_jobs} table, and back. */
final class JobRows {

  /**
   * The largest job id the mock hands out or reads back: 2^53 - 1, the largest integer a JavaScript
   * client (JSON.parse, the TypeScript client) reads exactly. A state file whose ids or counter go
   * beyond it is refused rather than overflowing.
   */
  static final long MAX_ID = (1L << 53) - 1;

  static final String CREATE_META =
      "CREATE TABLE IF NOT EXISTS reels_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)";

  static final String CREATE_TABLE =
      "CREATE TABLE IF NOT EXISTS reels_jobs ("
          + "id INTEGER PRIMARY KEY, url TEXT NOT NULL, created_at TEXT NOT NULL,"
          + " outcome TEXT NOT NULL, pending_ms INTEGER, processing_ms INTEGER,"
          + " min_polls INTEGER NOT NULL, hold_limit_ms INTEGER, initial TEXT NOT NULL, owner TEXT,"
          + " status TEXT NOT NULL, since TEXT NOT NULL, polls INTEGER NOT NULL)";
  static final String UPSERT =
      "INSERT OR REPLACE INTO reels_jobs (id, url, created_at, outcome,"
          + " pending_ms, processing_ms, min_polls, hold_limit_ms, initial, owner, status, since, polls)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static final String DELETE = "DELETE FROM reels_jobs WHERE id = ?";
  static final String SELECT_ALL =
      "SELECT id, url, created_at, outcome, pending_ms,"
          + " processing_ms, min_polls, hold_limit_ms, initial, owner, status, since, polls"
          + " FROM reels_jobs ORDER BY id";

  private JobRows() {}

  static void bind(PreparedStatement st, Job job) throws SQLException {
    JobTiming t = job.timing();
    st.setLong(1, job.id());
    st.setString(2, job.url());
    st.setString(3, job.createdAt().toString());
    st.setString(4, job.outcome().name());
    setMillis(st, 5, t.pending());
    setMillis(st, 6, t.processing());
    st.setInt(7, t.minPollsPerState());
    setMillis(st, 8, t.pollHoldLimit());
    st.setString(9, job.initial().getValue());
    st.setString(10, job.owner());
    st.setString(11, job.status().getValue());
    st.setString(12, job.since().toString());
    st.setInt(13, job.pollsInState());
  }

  /**
   * @throws IllegalArgumentException when a value is not one this mock writes
   */
  static Job read(ResultSet rs) throws SQLException {
    long id = rs.getLong(1);
    if (id < 1 || id > MAX_ID) {
      throw new IllegalArgumentException("job id " + id + " is outside 1.." + MAX_ID);
    }
    Outcome outcome = Outcomes.named(rs.getString(4));
    if (outcome == null) {
      throw new IllegalArgumentException(
          "job " + id + " has an unknown outcome '" + rs.getString(4) + "'");
    }
    JobTiming timing = new JobTiming(millis(rs, 5), millis(rs, 6), rs.getInt(7), millis(rs, 8));
    if (rs.getInt(7) < 0 || rs.getInt(13) < 0) {
      throw new IllegalArgumentException("job " + id + " has a negative poll count");
    }
    return new Job(
        id,
        rs.getString(2),
        OffsetDateTime.parse(rs.getString(3)),
        outcome,
        timing.equals(JobTiming.HELD) ? JobTiming.HELD : timing,
        JobStatus.fromValue(rs.getString(9)),
        rs.getString(10),
        JobStatus.fromValue(rs.getString(11)),
        Instant.parse(rs.getString(12)),
        rs.getInt(13));
  }

  private static void setMillis(PreparedStatement st, int index, Duration d) throws SQLException {
    if (d == null) {
      st.setNull(index, Types.INTEGER);
    } else {
      st.setLong(index, d.toMillis());
    }
  }

  private static Duration millis(ResultSet rs, int index) throws SQLException {
    long value = rs.getLong(index);
    if (!rs.wasNull() && value < 0) {
      throw new IllegalArgumentException(
          "job " + rs.getLong(1) + " has a negative duration (" + value + " ms)");
    }
    return rs.wasNull() ? null : Duration.ofMillis(value);
  }
}
