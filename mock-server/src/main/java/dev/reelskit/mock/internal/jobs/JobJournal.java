package dev.reelskit.mock.internal.jobs;

import java.time.Instant;

/**
 * Where changed jobs go to survive a restart. The store tells the journal which job changed, never
 * what it changed to: the journal reads the job's current value when it writes, so a slower write
 * can never put an older state on disk over a newer one.
 */
public interface JobJournal extends AutoCloseable {

  /** The id to pass to {@link #changed} when only the mock's clock moved. */
  long CLOCK_ONLY = -1;

  /** Keeps nothing: the default, in memory only. */
  JobJournal NONE =
      new JobJournal() {
        @Override
        public void start(Source source) {}

        @Override
        public void changed(long id, boolean durable) {}

        @Override
        public void close() {}
      };

  /** What the journal reads when it writes. */
  interface Source {
    /** The job as it is, null when it was removed. */
    Job current(long id);

    /** The id the next job will get. */
    long nextId();

    /** Now on the mock's clock. */
    Instant now();

    /** Every job, for the final write on a clean shutdown. */
    Iterable<Job> all();
  }

  /** Starts writing; called once, after the store has restored what the journal loaded. */
  void start(Source source);

  /**
   * Job {@code id} changed or was removed. With {@code durable}, returns only once that is on disk
   * (the caller is about to tell a client); otherwise it is written with the next batch.
   *
   * @throws IllegalStateException when the change could not be written
   */
  void changed(long id, boolean durable);

  /** Writes what is left and closes the file. */
  @Override
  void close();
}
