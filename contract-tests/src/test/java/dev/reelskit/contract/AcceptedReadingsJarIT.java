package dev.reelskit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelskit.contract.servers.RewritingProxy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped jar passes a server that answers hooks as an array and one that answers it as a
 * string.
 */
class AcceptedReadingsJarIT {

  @TempDir Path dir;

  @ParameterizedTest(name = "hooks as {0}")
  @ValueSource(strings = {"an array", "a string"})
  void the_jar_passes(String form) throws Exception {
    JarRun.Result result;
    try (RewritingProxy server =
        RewritingProxy.start(
            (status, body) -> {
              if (status == 200 && body.path("result").isObject()) {
                var content = body.with("result").with("content");
                if (form.equals("an array")) {
                  content.putArray("hooks").add("Ten minutes,").add("one pan.");
                } else {
                  content.put("hooks", "Ten minutes, one pan.");
                }
              }
            })) {
      result =
          JarRun.run(
              dir,
              300,
              List.of(),
              "--base-url",
              server.baseUrl(),
              "--poll-interval",
              "50ms",
              "--job-timeout",
              "5s",
              "--rate-limit",
              "1000/1s",
              "--reports-dir",
              dir.resolve("reports").toString());
    }

    assertThat(result.code()).as(result.output()).isZero();
    assertThat(result.stdout()).contains("PASS  RC-SPEC-001", "exit code 0");
  }
}
