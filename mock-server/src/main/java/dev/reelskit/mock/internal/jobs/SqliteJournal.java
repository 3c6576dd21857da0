package dev.reelskit.mock.internal.jobs;

import java.io.IOException;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>The file is this mock's alone: SQLite's {@code locking_mode=EXCLUSIVE} takes its lock before
 * anything is read and holds it until the mock stops, so a second mock on the same file refuses to
 * start. A write that fails (disk full, file gone read-only) is rolled back, its changes are kept
 * in a set of unsaved jobs retried every second, and the caller hears of it ({@link
 * StateFileUnavailableException}): nothing the file held is ever deleted to make room, and the
 * first write that succeeds again ends the outage by itself. A clean stop writes only what is still
 * unsaved; it never rewrites the whole table.
 */
public final class SqliteJournal implements JobJournal {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteJournal.class);
  private static final String FORMAT = "reels-mock-state-1";
  private static final List<String> SCHEMA =
      StateFileChecks.schemaOf(List.of(JobRows.CREATE_META, JobRows.CREATE_TABLE));

  /** Changes that need no fsync of their own wait this long for company. */
  private static final long LAZY_BATCH_MILLIS = 100;

  /** While writes fail, the unsaved jobs are tried again this often. */
  private static final long RETRY_MILLIS = 1_000;

  /** At most one log line per outage this often, not one per failed write. */
  private static final long FAILURE_LOG_MILLIS = 10_000;

  private static final long DURABLE_TIMEOUT_SECONDS = 30;
  private static final Change STOP = new Change(Long.MIN_VALUE, null);

  /** What the file held when it was opened. */
  public record Loaded(List<Job> jobs, long nextId, Instant mockNow, Instant wallAt) {}

  private record Change(long id, CompletableFuture<Void> written) {}

  private final Path file;
  private final Connection db;
  private final Loaded loaded;
  private final BlockingQueue<Change> queue = new ArrayBlockingQueue<>(1 << 16);

  /** Jobs whose last change is not on disk yet because a write failed or the queue was full. */
  private final Set<Long> unsaved = ConcurrentHashMap.newKeySet();

  private volatile Source source;
  private volatile boolean closed;
  private volatile String failing; // why writes fail now; null while they succeed
  private long failureLoggedAt;
  private Thread writer;

  private SqliteJournal(Path file, Connection db, Loaded loaded) {
    this.file = file;
    this.db = db;
    this.loaded = loaded;
  }

  /**
   * Opens {@code file}, creating it when it does not exist, locks it for this mock and reads its
   * jobs.
   *
   * @throws StateFileException when the file cannot be this mock's state file (in use, unwritable,
   *     corrupt, of another shape, holding values this mock cannot use, not a regular file); it is
   *     left as it was
   */
  public static SqliteJournal open(Path file) {
    StateFileChecks.usablePath(file);
    boolean created = !Files.exists(file);
    boolean fresh = created || size(file) == 0;
    if (!fresh) {
      StateFileChecks.sqliteHeader(file);
    }
    Connection db;
    try {
      db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw new StateFileException("state file " + file + " " + StateFileChecks.reason(e), e);
    }
    try {
      Loaded loaded = lockAndLoad(file, db, fresh);
      exec(db, "PRAGMA synchronous=FULL");
      // The one write of the start: a file that cannot be written is refused now, not found out
      // by the first client's POST.
      exec(db, "BEGIN IMMEDIATE");
      if (fresh) {
        exec(db, JobRows.CREATE_META);
        exec(db, JobRows.CREATE_TABLE);
      }
      try (PreparedStatement st =
          db.prepareStatement("INSERT OR REPLACE INTO reels_meta (key, value) VALUES (?, ?)")) {
        meta(st, "format", FORMAT);
        st.executeBatch();
      }
      exec(db, "COMMIT");
      return new SqliteJournal(file, db, loaded);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(db);
      if (created) {
        deleteQuietly(file);
      }
      if (e instanceof StateFileException s) {
        throw s;
      }
      if (e instanceof SQLException sql) {
        throw new StateFileException("state file " + file + " " + StateFileChecks.reason(sql), e);
      }
      throw new StateFileException("state file " + file + " is unreadable: " + e.getMessage(), e);
    }
  }

  /**
   * Takes the file's lock for good, then reads everything and switches it to WAL, before anything
   * is written: a file that is not ours stays as it was.
   */
  private static Loaded lockAndLoad(Path file, Connection db, boolean fresh) throws SQLException {
    exec(db, "PRAGMA busy_timeout=1000"); // a mock that is just stopping lets go within it
    exec(db, "PRAGMA locking_mode=EXCLUSIVE"); // before the first read: the wal-index stays private
    try {
      exec(db, "BEGIN EXCLUSIVE");
    } catch (SQLException e) {
      if ((e.getErrorCode() & 0xff) == 5 || (e.getErrorCode() & 0xff) == 6) {
        throw new StateFileException(
            "state file "
                + file
                + " is in use by another process (another mock on the same file?); stop it or"
                + " give this mock another --state-file",
            e);
      }
      throw e;
    }
    Loaded loaded = fresh ? new Loaded(List.of(), 0, null, null) : load(file, db);
    exec(db, "COMMIT"); // a read: nothing written, the lock stays (exclusive locking mode)
    String mode = query(db, "PRAGMA journal_mode=WAL");
    if (!"wal".equalsIgnoreCase(mode)) {
      throw new StateFileException(
          "state file " + file + " cannot switch to write-ahead logging (stayed " + mode + ")",
          null);
    }
    return loaded;
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
        throw new StateFileUnavailableException("the mock is stopping", false, null);
      }
      return;
    }
    // A job whose last change did not reach the disk: what a client is shown now must get there
    // first, or a crash could take it back.
    boolean wait = durable || unsaved.contains(id);
    if (!wait) {
      if (!queue.offer(new Change(id, null))) {
        unsaved.add(id); // the writer picks it up with its next batch
      }
      return;
    }
    CompletableFuture<Void> written = new CompletableFuture<>();
    try {
      if (!queue.offer(new Change(id, written), DURABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new StateFileUnavailableException(
            "the state file writer is not keeping up", false, null);
      }
      written.get(DURABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateFileUnavailableException("interrupted while writing the state file", false, e);
    } catch (TimeoutException e) {
      throw new StateFileUnavailableException(
          "the state file took more than " + DURABLE_TIMEOUT_SECONDS + " s to write", false, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StateFileUnavailableException u) {
        throw u;
      }
      throw new StateFileUnavailableException(
          "could not write the state file: " + e.getCause(), false, e);
    }
  }

  /**
   * Tests: a disk that is full from now on ({@code true}) or has room again. It is SQLite's own
   * {@code max_page_count} set to the file's present size: a write that needs one more page then
   * fails with {@code SQLITE_FULL}, the same code and the same rollback as on a full disk, at a
   * size the test knows.
   */
  void simulateFullDisk(boolean full) throws SQLException {
    exec(db, "PRAGMA max_page_count=" + (full ? query(db, "PRAGMA page_count") : "4294967294"));
  }

  /** Whether writes fail now, and why (null while they succeed). */
  public String failing() {
    return failing;
  }

  /**
   * Lets the writer finish what is queued and what is still unsaved, then closes the file (and its
   * lock). Never rewrites what is already on disk: a stop on a full disk loses nothing the file
   * held.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (writer == null) {
      closeQuietly(db);
      return;
    }
    try {
      if (!queue.offer(STOP, DURABLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        LOG.error("the state file writer for {} did not take the stop", file);
        return;
      }
      writer.join(TimeUnit.SECONDS.toMillis(DURABLE_TIMEOUT_SECONDS));
      if (writer.isAlive()) {
        LOG.error("the state file writer for {} did not finish within 30 s", file);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeLoop() {
    List<Change> batch = new ArrayList<>();
    while (true) {
      try {
        Change first =
            unsaved.isEmpty() ? queue.take() : queue.poll(RETRY_MILLIS, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
        }
        queue.drainTo(batch);
        if (!batch.isEmpty()
            && batch.stream().allMatch(c -> c.written() == null)
            && !batch.contains(STOP)) {
          Change next = queue.poll(LAZY_BATCH_MILLIS, TimeUnit.MILLISECONDS);
          if (next != null) {
            batch.add(next);
            queue.drainTo(batch);
          }
        }
      } catch (InterruptedException e) {
        closeQuietly(db);
        return;
      }
      boolean stop = batch.remove(STOP);
      Set<Long> ids = new LinkedHashSet<>();
      batch.forEach(c -> ids.add(c.id()));
      ids.addAll(unsaved);
      StateFileUnavailableException failure = ids.isEmpty() && !stop ? null : write(ids);
      batch.forEach(c -> complete(c, failure));
      batch.clear();
      if (stop) {
        if (failure != null) {
          LOG.error(
              "stopping with {} job change(s) not written to the state file {}: {};"
                  + " the file keeps what it held",
              unsaved.size(),
              file,
              failure.getMessage());
        }
        closeQuietly(db);
        return;
      }
    }
  }

  /** Writes the jobs {@code ids} as they are now, in one transaction; the failure, if any. */
  private StateFileUnavailableException write(Set<Long> ids) {
    try {
      exec(db, "BEGIN IMMEDIATE");
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
      exec(db, "COMMIT");
      unsaved.removeAll(ids);
      if (failing != null) {
        LOG.info("the state file {} takes writes again; every unsaved job is written", file);
        failing = null;
      }
      return null;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly();
      ids.remove(CLOCK_ONLY);
      unsaved.addAll(ids);
      unsaved.add(CLOCK_ONLY); // the meta (next id, clock) goes with the next try
      String reason = e instanceof SQLException s ? StateFileChecks.reason(s) : e.toString();
      long now = System.currentTimeMillis();
      if (failing == null || now - failureLoggedAt >= FAILURE_LOG_MILLIS) {
        LOG.error(
            "the state file {} {}: {} job change(s) wait, new jobs get 503 until it takes"
                + " writes again",
            file,
            reason,
            unsaved.size());
        failureLoggedAt = now;
      }
      failing = reason;
      return new StateFileUnavailableException(
          "the state file " + reason,
          e instanceof SQLException s && StateFileChecks.diskFull(s),
          e);
    }
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

  /** Reads everything before anything is written, so a bad file stays as it was. */
  private static Loaded load(Path file, Connection db) throws SQLException {
    String check = query(db, "PRAGMA quick_check");
    if (!"ok".equals(check)) {
      throw new StateFileException("state file " + file + " is corrupt: " + check, null);
    }
    StateFileMeta meta = StateFileMeta.read(file, db, FORMAT);
    List<String> schema = StateFileChecks.schemaOf(db);
    if (!schema.equals(SCHEMA)) {
      throw new StateFileException(
          "state file "
              + file
              + " has a schema this mock does not write (changed by hand?): "
              + firstDifference(schema),
          null);
    }
    List<Job> jobs = new ArrayList<>();
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(JobRows.SELECT_ALL)) {
      while (rs.next()) {
        jobs.add(JobRows.read(rs));
      }
    } catch (RuntimeException e) {
      throw new StateFileException(
          "state file " + file + " holds a job this mock cannot read: " + e.getMessage(), e);
    }
    return new Loaded(jobs, meta.nextId(), meta.mockNow(), meta.wallAt());
  }

  private static String firstDifference(List<String> schema) {
    for (String object : schema) {
      if (!SCHEMA.contains(object)) {
        return "unexpected " + object;
      }
    }
    for (String object : SCHEMA) {
      if (!schema.contains(object)) {
        return "missing " + object;
      }
    }
    return schema.toString();
  }

  private static String query(Connection db, String sql) throws SQLException {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static void exec(Connection db, String sql) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute(sql);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new StateFileException("state file " + file + " is unreadable: " + e.getMessage(), e);
    }
  }

  private static void complete(Change change, StateFileUnavailableException failure) {
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
      exec(db, "ROLLBACK");
    } catch (SQLException ignored) {
      // SQLite rolled back already (it does on a full disk): nothing is open
    }
  }

  private static void closeQuietly(Connection db) {
    try {
      db.close();
    } catch (SQLException ignored) {
      // nothing more can be done for a connection that will not close
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
    } catch (IOException ignored) {
      // an empty file left behind is harmless: the next start takes it as new
    }
  }
}
