package dev.reelskit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JobLifecycle, which the mock's engine, the contract rules and the client rules call, answers from
 * the packaged spec: packaging a copy with another lifecycle changes its answers.
 */
class JobLifecycleFollowsTheSpecTest {

  @TempDir Path dir;

  @Test
  void a_packaged_spec_with_another_transition_changes_what_job_lifecycle_answers()
      throws Exception {
    String changed =
        SpecCopy.ofPackaged().state("pending", p -> p.withArray("next").add("error")).yaml();
    Files.createDirectories(dir.resolve("openapi"));
    Files.writeString(dir.resolve("openapi/reels-api.yaml"), changed);

    try (URLClassLoader loader = classpathWithSpecFirst(dir)) {
      Class<?> lifecycle = Class.forName(JobLifecycle.class.getName(), true, loader);
      assertThat(lifecycle).isNotSameAs(JobLifecycle.class);
      Object pending = status(loader, "PENDING");
      Method next = lifecycle.getMethod("next", pending.getClass());

      assertThat((Set<?>) next.invoke(null, pending))
          .extracting(Object::toString)
          .containsExactlyInAnyOrder("processing", "error");
    }
    assertThat(JobLifecycle.next(dev.reelskit.openapi.model.JobStatus.PENDING))
        .containsExactly(dev.reelskit.openapi.model.JobStatus.PROCESSING);
  }

  private static Object status(ClassLoader loader, String name) throws Exception {
    Class<?> type =
        Class.forName(dev.reelskit.openapi.model.JobStatus.class.getName(), true, loader);
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(name);
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
