package dev.reelskit.mock.internal.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What makes a path fit to be a state file, checked before SQLite touches it, and what SQLite's
 * failures mean in words. Each refusal names the file and the reason, and changes nothing on disk.
 */
final class StateFileChecks {

  private static final byte[] SQLITE_HEADER =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** SQLite keeps these beside the file; a FIFO or directory in their place would hang or fail. */
  private static final List<String> SIDECARS = List.of("-wal", "-shm", "-journal");

  private StateFileChecks() {}

  /**
   * The path is a regular file (or nothing yet, in an existing directory), and so is each file
   * SQLite keeps beside it. A FIFO in its place would block the start forever on the first read.
   */
  static void usablePath(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new StateFileException("state file " + file + ": its directory does not exist", null);
    }
    notSpecial(file, file, "");
    for (String suffix : SIDECARS) {
      notSpecial(file, file.resolveSibling(file.getFileName() + suffix), suffix);
    }
    // access(2): false for a read-only file system even for root, for a read-only file otherwise
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new StateFileException(
          "state file " + file + " is read-only (file permissions, or a read-only file system)",
          null);
    }
    if (!Files.isWritable(dir)) {
      throw new StateFileException(
          "state file "
              + file
              + ": its directory is not writable (SQLite keeps its write-ahead log beside the"
              + " file)",
          null);
    }
  }

  private static void notSpecial(Path file, Path path, String suffix) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(path, BasicFileAttributes.class); // follows links
    } catch (IOException e) {
      if (Files.isSymbolicLink(path)) {
        throw new StateFileException(
            "state file "
                + file
                + (suffix.isEmpty() ? "" : ": its " + suffix + " file")
                + " is a link to nothing",
            e);
      }
      return; // does not exist: SQLite creates it
    }
    String kind =
        a.isRegularFile()
            ? null
            : a.isDirectory() ? "a directory" : "not a regular file (a FIFO, socket or device)";
    if (kind != null) {
      throw new StateFileException(
          "state file "
              + file
              + (suffix.isEmpty() ? " is " : ": " + path.getFileName() + " beside it is ")
              + kind,
          null);
    }
  }

  /** An existing, non-empty file must start as every SQLite database does. */
  static void sqliteHeader(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(SQLITE_HEADER.length);
      if (head.length > 0 && !Arrays.equals(head, SQLITE_HEADER)) {
        throw new StateFileException(
            "state file " + file + " is not an SQLite database (corrupt, or some other file)",
            null);
      }
    } catch (IOException e) {
      throw new StateFileException("state file " + file + " is unreadable: " + e.getMessage(), e);
    }
  }

  /**
   * The schema objects a state file holds: exactly what {@code statements} create, read back from
   * SQLite itself so that its normalisation of the text does not matter.
   */
  static List<String> schemaOf(List<String> statements) {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement st = db.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
      return schemaOf(db);
    } catch (SQLException e) {
      throw new IllegalStateException("the state file's own schema does not build", e);
    }
  }

  static List<String> schemaOf(Connection db) throws SQLException {
    List<String> objects = new ArrayList<>();
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")) {
      while (rs.next()) {
        objects.add(
            rs.getString(1)
                + " "
                + rs.getString(2)
                + " on "
                + rs.getString(3)
                + ": "
                + rs.getString(4));
      }
    }
    return objects;
  }

  /** What an SQLite failure means for the state file, in words a person can act on. */
  static String reason(SQLException e) {
    return switch (e.getErrorCode() & 0xff) {
      case 5, 6 -> "is in use by another process (another mock on the same file?)";
      case 8 -> "is read-only (file permissions, or a read-only file system)";
      case 13 -> "cannot grow: the disk is full";
      case 14 ->
          "cannot be opened, or its write-ahead log cannot be created beside it"
              + " (is its directory writable?)";
      case 10 -> "cannot be written: disk I/O error (" + e.getMessage() + ")";
      case 11, 26 -> "is corrupt (" + e.getMessage() + ")";
      default -> "cannot be used: " + e.getMessage();
    };
  }

  static boolean diskFull(SQLException e) {
    return (e.getErrorCode() & 0xff) == 13;
  }
}
