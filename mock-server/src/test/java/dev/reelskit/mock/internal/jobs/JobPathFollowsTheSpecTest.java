package dev.reelskit.mock.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.openapi.ReelsApiSpec;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mock's engine walks the lifecycle the packaged spec declares in {@code x-lifecycle}: with a
 * copy of the spec where jobs start in {@code processing} and go on to {@code pending} before
 * ending, a job's polls show that path instead of today's. The copy is put ahead of an isolated
 * class loader, as a spec-owner would ship it.
 */
class JobPathFollowsTheSpecTest {

  private static final String TODAY =
      "        initial: pending\n"
          + "        states:\n"
          + "          pending:\n"
          + "            next: [processing]\n"
          + "            sets: []\n"
          + "          processing:\n"
          + "            next: [done, error]\n";
  private static final String PROCESSING_FIRST =
      "        initial: processing\n"
          + "        states:\n"
          + "          pending:\n"
          + "            next: [done, error]\n"
          + "            sets: []\n"
          + "          processing:\n"
          + "            next: [pending]\n";
  private static final String DONE_REEL = "https://www.instagram.com/reel/ABC/";
  private static final String ERROR_REEL = "https://www.instagram.com/reel/ERRORprivate/";

  @TempDir Path dir;

  @Test
  void a_job_polled_to_its_end_shows_the_path_the_spec_declares() throws Exception {
    String packaged = ReelsApiSpec.get().yaml();
    assertThat(packaged).contains(TODAY);
    String edited = packaged.replace(TODAY, PROCESSING_FIRST);

    assertThat(statusesPolled(packaged, DONE_REEL))
        .containsExactly("pending", "processing", "done");
    assertThat(statusesPolled(packaged, ERROR_REEL))
        .containsExactly("pending", "processing", "error");
    assertThat(statusesPolled(edited, DONE_REEL)).containsExactly("processing", "pending", "done");
    assertThat(statusesPolled(edited, ERROR_REEL))
        .containsExactly("processing", "pending", "error");
  }

  /** The distinct statuses, in order, that polls every second show a new job until it ends. */
  private List<String> statusesPolled(String spec, String url) throws Exception {
    Path root = Files.createTempDirectory(dir, "spec");
    Files.createDirectories(root.resolve("openapi"));
    Files.writeString(root.resolve("openapi/reels-api.yaml"), spec);
    try (URLClassLoader loader = classpathWithSpecFirst(root)) {
      Class<?> clockType = Class.forName("dev.reelskit.mock.jobs.MockClock", true, loader);
      Class<?> profileType = Class.forName("dev.reelskit.mock.jobs.TimingProfile", true, loader);
      Object clock =
          clockType
              .getMethod("frozenAt", Instant.class)
              .invoke(null, Instant.parse("2026-05-22T10:00:00Z"));
      Object quick = profileType.getField("QUICK").get(null);
      Class<?> storeType = Class.forName(JobStore.class.getName(), true, loader);
      Object store =
          storeType
              .getConstructor(clockType, profileType, long.class, long.class)
              .newInstance(clock, quick, 42L, 100L);
      Object created =
          storeType
              .getMethod("create", String.class, String.class)
              .invoke(store, url, "ist_****abcd");
      long id = (long) created.getClass().getMethod("id").invoke(created);
      Method poll = storeType.getMethod("poll", long.class);
      Method advance = clockType.getMethod("advance", Duration.class);
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 200; i++) { // QUICK ends every job within 90 s of mock time
        Object job = ((Optional<?>) poll.invoke(store, id)).orElseThrow();
        Object status = job.getClass().getMethod("status").invoke(job);
        String value = (String) status.getClass().getMethod("getValue").invoke(status);
        if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(value)) {
          seen.add(value);
        }
        if (value.equals("done") || value.equals("error")) {
          break;
        }
        advance.invoke(clock, Duration.ofSeconds(1));
      }
      return seen;
    }
  }

  /** This test's classpath, isolated from the running one, with {@code first} ahead of it. */
  private static URLClassLoader classpathWithSpecFirst(Path first) throws Exception {
    List<URL> urls = new ArrayList<>(List.of(first.toUri().toURL()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }
}
