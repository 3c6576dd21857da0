package dev.reelskit.mock.internal.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs in a SQLite file (WAL mode, {@code synchronous=FULL}): a commit is on disk when it returns,
 * and a crash at any moment leaves the last commit intact. One writer thread owns the connection
 * and commits in groups: every change queued while one commit runs goes into the next, so
 * concurrent POSTs share an fsync instead of queueing for one each.
 */
public final class SqliteJournal implements JobJournal {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteJournal.class);
  private static final String FORMAT = "reels-mock-state-1";
  private static final byte[] SQLITE_HEADER =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** Changes that need no fsync of their own wait this long for company. */
  private static final long LAZY_BATCH_MILLIS = 100;

  private static final long DURABLE_TIMEOUT_SECONDS = 30;
  private static final Change STOP = new Change(Long.MIN_VALUE, null);

  /** What the file held when it was opened. */
  public record Loaded(List<Job> jobs, long nextId, Instant mockNow, Instant wallAt) {}

  private record Change(long id, CompletableFuture<Void> written) {}

  private final Path file;
  private final Connection db;
  private final Loaded loaded;
  private final BlockingQueue<Change> queue = new ArrayBlockingQueue<>(1 << 16);
  private volatile Source source;
  private volatile boolean closed;
  private Thread writer;

  private SqliteJournal(Path file, Connection db, Loaded loaded) {
    this.file = file;
    this.db = db;
    this.loaded = loaded;
  }

  /**
   * Opens {@code file}, creating it when it does not exist, and reads its jobs.
   *
   * @throws StateFileException when the file is unreadable, corrupt or not a state file; it is left
   *     unchanged
   */
  public static SqliteJournal open(Path file) {
    boolean exists = Files.exists(file);
    if (exists) {
      checkHeader(file);
    } else if (file.toAbsolutePath().getParent() == null
        || !Files.isDirectory(file.toAbsolutePath().getParent())) {
      throw new StateFileException("state file " + file + ": its directory does not exist", null);
    }
    Connection db;
    try {
      db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw new StateFileException(
          "state file " + file + " cannot be opened: " + e.getMessage(), e);
    }
    try {
      Loaded loaded = exists && Files.size(file) > 0 ? load(file, db) : create(db);
      try (Statement st = db.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=FULL");
      }
      db.setAutoCommit(false);
      return new SqliteJournal(file, db, loaded);
    } catch (SQLException | IOException | RuntimeException e) {
      closeQuietly(db);
      if (e instanceof StateFileException s) {
        throw s;
      }
      throw new StateFileException("state file " + file + " is unreadable: " + e.getMessage(), e);
    }
  }

  public Loaded loaded() {
    return loaded;
  }

  /**
   * A pragma's value on this journal's own connection ({@code synchronous} is per connection, so
   * only this one can show what the writes run with).
   */
  String pragma(String name) {
    if (!name.matches("[a-z_]+")) {
      throw new IllegalArgumentException("not a pragma name: " + name);
    }
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException("PRAGMA " + name + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void start(Source from) {
    if (writer != null) {
      throw new IllegalStateException("already started");
    }
    this.source = from;
    writer = new Thread(this::writeLoop, "reels-state-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void changed(long id, boolean durable) {
    if (closed) {
      if (durable) {
        throw new IllegalStateException("the state file is closed");
      }
      return;
    }
    if (!durable) {
      queue.offer(new Change(id, null)); // when full, the next write of this job catches up
      return;
    }
    CompletableFuture<Void> written = new CompletableFuture<>();
    try {
      if (!queue.offer(new Change(id, written), DURABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the state file writer is not keeping up");
      }
      written.get(DURABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the state file", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not write the state file: " + e.getMessage(), e);
    }
  }

  /** Stops the writer, writes every job as it is now, and closes the file. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (writer != null) {
        queue.put(STOP);
        writer.join(TimeUnit.SECONDS.toMillis(DURABLE_TIMEOUT_SECONDS));
        writeAll();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.error("could not write the state file {} on shutdown: {}", file, e.getMessage());
    } finally {
      closeQuietly(db);
    }
  }

  private void writeLoop() {
    List<Change> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch);
        if (batch.stream().allMatch(c -> c.written() == null) && !batch.contains(STOP)) {
          Change next = queue.poll(LAZY_BATCH_MILLIS, TimeUnit.MILLISECONDS);
          if (next != null) {
            batch.add(next);
            queue.drainTo(batch);
          }
        }
      } catch (InterruptedException e) {
        return;
      }
      boolean stop = batch.remove(STOP);
      try {
        write(batch);
        batch.forEach(c -> complete(c, null));
      } catch (SQLException | RuntimeException e) {
        LOG.error("could not write the state file {}: {}", file, e.getMessage());
        rollbackQuietly();
        batch.forEach(c -> complete(c, e));
      }
      batch.clear();
      if (stop) {
        return;
      }
    }
  }

  private void write(List<Change> batch) throws SQLException {
    Set<Long> ids = new LinkedHashSet<>();
    batch.forEach(c -> ids.add(c.id()));
    try (PreparedStatement upsert = db.prepareStatement(JobRows.UPSERT);
        PreparedStatement delete = db.prepareStatement(JobRows.DELETE)) {
      for (long id : ids) {
        if (id == CLOCK_ONLY) {
          continue;
        }
        Job job = source.current(id);
        if (job == null) {
          delete.setLong(1, id);
          delete.addBatch();
        } else {
          JobRows.bind(upsert, job);
          upsert.addBatch();
        }
      }
      upsert.executeBatch();
      delete.executeBatch();
    }
    writeMeta();
    db.commit();
  }

  private void writeAll() throws SQLException {
    try (PreparedStatement upsert = db.prepareStatement(JobRows.UPSERT);
        Statement st = db.createStatement()) {
      st.execute("DELETE FROM reels_jobs");
      for (Job job : source.all()) {
        JobRows.bind(upsert, job);
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
    writeMeta();
    db.commit();
  }

  private void writeMeta() throws SQLException {
    try (PreparedStatement st =
        db.prepareStatement("INSERT OR REPLACE INTO reels_meta (key, value) VALUES (?, ?)")) {
      meta(st, "next_id", Long.toString(source.nextId()));
      meta(st, "mock_now", source.now().toString());
      meta(st, "wall_at", Instant.now().toString());
      st.executeBatch();
    }
  }

  private static void meta(PreparedStatement st, String key, String value) throws SQLException {
    st.setString(1, key);
    st.setString(2, value);
    st.addBatch();
  }

  private static Loaded create(Connection db) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS reels_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      st.execute(JobRows.CREATE_TABLE);
      st.execute(
          "INSERT OR REPLACE INTO reels_meta (key, value) VALUES ('format', '" + FORMAT + "')");
    }
    return new Loaded(List.of(), 0, null, null);
  }

  /** Reads everything before anything is written, so a bad file stays as it was. */
  private static Loaded load(Path file, Connection db) throws SQLException {
    try (Statement st = db.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
        String result = rs.next() ? rs.getString(1) : "no answer";
        if (!"ok".equals(result)) {
          throw new StateFileException("state file " + file + " is corrupt: " + result, null);
        }
      }
      String format = null;
      String nextId = null;
      String mockNow = null;
      String wallAt = null;
      try (ResultSet rs = st.executeQuery("SELECT key, value FROM reels_meta")) {
        while (rs.next()) {
          switch (rs.getString(1)) {
            case "format" -> format = rs.getString(2);
            case "next_id" -> nextId = rs.getString(2);
            case "mock_now" -> mockNow = rs.getString(2);
            case "wall_at" -> wallAt = rs.getString(2);
            default -> {}
          }
        }
      } catch (SQLException e) {
        throw notAStateFile(file, e);
      }
      if (!FORMAT.equals(format)) {
        throw notAStateFile(file, null);
      }
      List<Job> jobs = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(JobRows.SELECT_ALL)) {
        while (rs.next()) {
          jobs.add(JobRows.read(rs));
        }
      } catch (RuntimeException e) {
        throw new StateFileException(
            "state file " + file + " holds a job this mock cannot read: " + e.getMessage(), e);
      }
      return new Loaded(
          jobs,
          nextId == null ? 0 : Long.parseLong(nextId),
          mockNow == null ? null : Instant.parse(mockNow),
          wallAt == null ? null : Instant.parse(wallAt));
    }
  }

  private static StateFileException notAStateFile(Path file, Throwable cause) {
    return new StateFileException(
        "state file " + file + " is an SQLite database but not a reels-mock state file", cause);
  }

  private static void checkHeader(Path file) {
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

  private static void complete(Change change, Exception failure) {
    if (change.written() != null) {
      if (failure == null) {
        change.written().complete(null);
      } else {
        change.written().completeExceptionally(failure);
      }
    }
  }

  private void rollbackQuietly() {
    try {
      db.rollback();
    } catch (SQLException ignored) {
      // the connection is broken; the next write reports it
    }
  }

  private static void closeQuietly(Connection db) {
    try {
      db.close();
    } catch (SQLException ignored) {
      // nothing more can be done for a connection that will not close
    }
  }
}
