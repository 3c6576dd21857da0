package dev.reelskit.mock.internal.jobs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * The state file's {@code reels_meta} row values, each checked to be one this mock can go on from:
 * its format, the next id (within {@link JobRows#MAX_ID}, so the counter can never overflow), the
 * mock's clock and the wall time it was written at.
 */
record StateFileMeta(long nextId, Instant mockNow, Instant wallAt) {

  /** The latest instant a state file may hold: the end of year 9999, as ISO 8601 writes it. */
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  static StateFileMeta read(Path file, Connection db, String format) throws SQLException {
    String found = null;
    String nextId = null;
    String mockNow = null;
    String wallAt = null;
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT key, value FROM reels_meta")) {
      while (rs.next()) {
        switch (rs.getString(1)) {
          case "format" -> found = rs.getString(2);
          case "next_id" -> nextId = rs.getString(2);
          case "mock_now" -> mockNow = rs.getString(2);
          case "wall_at" -> wallAt = rs.getString(2);
          default -> {}
        }
      }
    } catch (SQLException e) {
      if ((e.getErrorCode() & 0xff) == 1) { // no such table: someone else's database
        throw notAStateFile(file, e);
      }
      throw e;
    }
    if (found != null && found.startsWith("reels-mock-state-") && !format.equals(found)) {
      throw new StateFileException(
          "state file " + file + " is of format " + found + ", this mock reads " + format, null);
    }
    if (!format.equals(found)) {
      throw notAStateFile(file, null);
    }
    return new StateFileMeta(
        nextId == null ? 0 : id(file, nextId),
        mockNow == null ? null : instant(file, "mock_now", mockNow),
        wallAt == null ? null : instant(file, "wall_at", wallAt));
  }

  private static long id(Path file, String value) {
    long id;
    try {
      id = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new StateFileException(
          "state file " + file + " has an id counter that is not a number: '" + value + "'", e);
    }
    if (id < 0 || id > JobRows.MAX_ID) {
      throw new StateFileException(
          "state file "
              + file
              + " has its id counter at "
              + id
              + ", outside 0.."
              + JobRows.MAX_ID
              + " (the largest id JavaScript clients read exactly); start on a new file",
          null);
    }
    return id;
  }

  private static Instant instant(Path file, String key, String value) {
    try {
      Instant at = Instant.parse(value);
      if (at.isBefore(Instant.EPOCH) || at.isAfter(LATEST)) {
        throw new DateTimeException("outside 1970..9999");
      }
      return at;
    } catch (DateTimeException e) {
      throw new StateFileException(
          "state file " + file + " has " + key + " '" + value + "', not a time this mock can use",
          e);
    }
  }

  private static StateFileException notAStateFile(Path file, Throwable cause) {
    return new StateFileException(
        "state file " + file + " is an SQLite database but not a reels-mock state file", cause);
  }
}
