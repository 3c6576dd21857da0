package dev.reelskit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar with {@code --state-file}, as a team runs it: restarted cleanly, killed with SIGKILL in
 * the middle of heavy traffic, and started on a file that is not a state file.
 */
class StateFileJarIT {

  private static final Path JAR = Path.of("target", "reels-mock-server.jar");
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");
  private static final List<String> ORDER = List.of("pending", "processing", "done", "error");

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  private record Started(Process process, String url) {}

  private Started start(Path workDir, String... options) throws IOException {
    return start(workDir, null, options);
  }

  private static List<String> jar(String... options) {
    assertThat(JAR).exists();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--port",
                "0"));
    command.addAll(List.of(options));
    return command;
  }

  /** The jar, on a tmpfs of its own when {@code tmpfs} is set. */
  private Started start(Path workDir, Tmpfs.Spec tmpfs, String... options) throws IOException {
    List<String> command = tmpfs == null ? jar(options) : Tmpfs.wrap(tmpfs, jar(options));
    Process process =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    processes.add(process);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String line;
    String url = null;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      lines.add(line);
      Matcher m = URL.matcher(line);
      if (m.find()) {
        url = m.group(1);
      }
      if (url != null && line.startsWith("Press Ctrl-C")) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "drain");
        drain.setDaemon(true);
        drain.start();
        return new Started(process, url);
      }
    }
    throw new AssertionError("no URL in the banner: " + lines);
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process p : processes) {
      // a jar under a tmpfs wrapper is a grandchild, and its relaunched server one level further
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      if (p.isAlive()) {
        p.destroyForcibly();
        p.waitFor(20, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void every_acknowledged_job_survives_a_sigkill_in_the_middle_of_heavy_traffic() throws Exception {
    Path state = dir.resolve("jobs.db");
    Started first = start(dir, "--state-file", state.toString(), "--profile", "fast");
    Http http = new Http(first.url());
    String token = "ist_crashTestToken000000000000001";
    Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    Map<Long, String> lastSeen = new ConcurrentHashMap<>();
    List<Long> idsInOrder = new CopyOnWriteArrayList<>();
    AtomicBoolean go = new AtomicBoolean(true);
    ExecutorService load = Executors.newFixedThreadPool(6);
    for (int t = 0; t < 6; t++) {
      int thread = t;
      load.submit(
          () -> {
            for (int i = 0; go.get(); i++) {
              try {
                String reel =
                    "https://www.instagram.com/reel/"
                        + (i % 5 == 0 ? "ERROR" : "C")
                        + thread
                        + "x"
                        + i
                        + "/";
                Http.Response r =
                    http.post(
                        "/api/v1/reels/analyze",
                        "{\"url\":\"" + reel + "\"}",
                        "Authorization",
                        "Bearer " + token,
                        "Content-Type",
                        "application/json");
                if (r.status() != 202) {
                  continue;
                }
                long id = r.json().get("id").asLong();
                acknowledged.put(id, reel);
                idsInOrder.add(id);
                for (int poll = 0; poll < 3 && go.get(); poll++) { // pending, processing, terminal
                  Http.Response g = http.poll(token, id);
                  if (g.status() == 200) {
                    lastSeen.put(id, g.json().get("status").asText());
                  }
                }
              } catch (RuntimeException | AssertionError e) {
                // the server is gone: this request was never acknowledged
              }
            }
            return null;
          });
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    // SIGKILL on Linux: no shutdown hook, no final write. The server is the JVM `java -jar`
    // relaunched on the class-data archive, so it is killed first: killed second, it would see its
    // launcher die and stop cleanly, and the test would no longer be a crash.
    first.process().descendants().forEach(ProcessHandle::destroyForcibly);
    first.process().destroyForcibly();
    assertThat(first.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
    go.set(false);
    load.shutdown();
    assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
    assertThat(idsInOrder).as("no id handed out twice").doesNotHaveDuplicates();

    Started second = start(dir, "--state-file", state.toString(), "--profile", "fast");
    Http after = new Http(second.url());
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Long, String> job : acknowledged.entrySet()) {
      Http.Response r = after.get("/__admin/reels/jobs/" + job.getKey());
      if (r.status() != 200) {
        problems.add("job " + job.getKey() + ": " + r.status());
        continue;
      }
      JsonNode body = r.json();
      String status = body.get("status").asText();
      String seen = lastSeen.get(job.getKey());
      if (!body.get("url").asText().equals(job.getValue())) {
        problems.add("job " + job.getKey() + " url " + body.get("url"));
      }
      if (seen != null && ORDER.indexOf(status) < ORDER.indexOf(seen)) {
        problems.add("job " + job.getKey() + " was " + seen + ", is " + status);
      }
      if (seen != null && ORDER.indexOf(seen) >= 2 && !seen.equals(status)) {
        problems.add("terminal job " + job.getKey() + " was " + seen + ", is " + status);
      }
    }
    assertThat(problems).as("of %d acknowledged jobs", acknowledged.size()).isEmpty();
    long next = after.submit(token, "https://www.instagram.com/reel/AfterCrash/");
    assertThat(next)
        .isGreaterThan(
            acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElseThrow());
  }

  /**
   * The crash at the worst moment, made deterministic: SIGKILL the instant a chosen 202 arrives,
   * with nothing else in flight, three times over; each restart must show every job ever
   * acknowledged, the last one included. (A 202 sent before its commit loses that job here: the
   * writer batches lazily for 100 ms, and the kill comes within a millisecond of the 202.)
   */
  @Test
  void a_kill_right_after_a_chosen_202_loses_no_job_over_several_cycles() throws Exception {
    Path state = dir.resolve("jobs.db");
    String token = "ist_cycleTestToken00000000000001";
    Map<Long, String> acknowledged = new java.util.LinkedHashMap<>();
    for (int cycle = 1; cycle <= 4; cycle++) {
      Started mock = start(dir, "--state-file", state.toString(), "--profile", "fast");
      Http http = new Http(mock.url());
      assertThat(missing(http, acknowledged)).as("after kill %d", cycle - 1).isEmpty();
      if (cycle == 4) {
        break;
      }
      for (int i = 1; i <= cycle; i++) {
        String reel = "https://www.instagram.com/reel/Cycle" + cycle + "x" + i + "/";
        acknowledged.put(http.submit(token, reel), reel); // submit asserts the 202
      }
      mock.process().descendants().forEach(ProcessHandle::destroyForcibly);
      mock.process().destroyForcibly();
      assertThat(mock.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acknowledged).hasSize(1 + 2 + 3);
  }

  /** The acknowledged jobs the mock does not have, with the same url, as {@code id: problem}. */
  private static List<String> missing(Http http, Map<Long, String> acknowledged) {
    List<String> problems = new ArrayList<>();
    acknowledged.forEach(
        (id, url) -> {
          Http.Response r = http.get("/__admin/reels/jobs/" + id);
          if (r.status() != 200 || !url.equals(r.json().get("url").asText())) {
            problems.add(id + ": " + r.status());
          }
        });
    return problems;
  }

  @Test
  void a_clean_restart_keeps_jobs_and_the_mock_clock_moves_on() throws Exception {
    Path state = dir.resolve("jobs.db");
    Started first = start(dir, "--state-file", state.toString());
    Http http = new Http(first.url());
    String token = "ist_restartTestToken00000000001";
    long done = http.submit(token, "https://www.instagram.com/reel/DoneBefore/");
    long error = http.submit(token, "https://www.instagram.com/reel/ERRORbefore/");
    long pending = http.submit(token, "https://www.instagram.com/reel/PendingBefore/");
    assertThat(http.poll(token, done).json().get("status").asText()).isEqualTo("pending");
    assertThat(http.poll(token, error).json().get("status").asText()).isEqualTo("pending");
    advance(http, 3); // quick profile: pending 2 s, then processing 3 s
    assertThat(http.poll(token, done).json().get("status").asText()).isEqualTo("processing");
    assertThat(http.poll(token, error).json().get("status").asText()).isEqualTo("processing");
    advance(http, 4);
    assertThat(http.poll(token, done).json().get("status").asText()).isEqualTo("done");
    assertThat(http.poll(token, error).json().get("status").asText()).isEqualTo("error");
    // never polled before: a quick job shows each state to a poll (up to 90 s)
    assertThat(http.poll(token, pending).json().get("status").asText()).isEqualTo("pending");
    advance(http, 3600); // an hour later on the mock's clock
    Instant before = Instant.parse(http.get("/__admin/reels/clock").json().get("now").asText());
    first.process().destroy(); // SIGTERM: the shutdown hook writes what is left
    assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

    Started second = start(dir, "--state-file", state.toString());
    Http again = new Http(second.url());
    Instant now = Instant.parse(again.get("/__admin/reels/clock").json().get("now").asText());
    assertThat(now).as("the mock's clock resumes where it was").isAfterOrEqualTo(before);
    JsonNode d = again.poll(token, done).json();
    assertThat(d.get("status").asText()).isEqualTo("done");
    assertThat(d.get("url").asText()).isEqualTo("https://www.instagram.com/reel/DoneBefore/");
    assertThat(d.get("result").isObject()).isTrue();
    assertThat(again.poll(token, error).json().get("status").asText()).isEqualTo("error");
    // pending an hour ago: done now, per its timing
    assertThat(again.poll(token, pending).json().get("status").asText()).isEqualTo("done");
    assertThat(again.submit(token, "https://www.instagram.com/reel/AfterRestart/"))
        .isEqualTo(pending + 1);
  }

  @Test
  void a_file_that_is_not_a_state_file_stops_the_start_with_exit_64_and_stays_as_it_was()
      throws Exception {
    Path state = dir.resolve("jobs.db");
    byte[] garbage =
        "these are someone's notes, not a database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
    Files.write(state, garbage);
    assertRefused(state, garbage, "is not an SQLite database");
  }

  @Test
  void a_state_file_damaged_inside_stops_the_start_with_exit_64_and_stays_as_it_was()
      throws Exception {
    Path state = dir.resolve("jobs.db");
    Started first = start(dir, "--state-file", state.toString(), "--profile", "fast");
    Http http = new Http(first.url());
    for (int i = 0; i < 200; i++) {
      http.submit("ist_damageTestToken0000000000001", "https://www.instagram.com/reel/D" + i + "/");
    }
    first.process().destroy();
    assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    byte[] bytes = Files.readAllBytes(state);
    assertThat(bytes.length).isGreaterThan(3 * 4096);
    for (int i = 4096; i < bytes.length; i++) { // every page after the header page
      bytes[i] = (byte) (i * 31);
    }
    Files.write(state, bytes);
    assertRefused(state, bytes, "state file");
  }

  @Test
  void without_a_state_file_nothing_is_written_to_disk() throws Exception {
    Path work = Files.createDirectory(dir.resolve("work"));
    Started mock = start(work, "--profile", "fast");
    Http http = new Http(mock.url());
    long id = http.submit("ist_noDiskTestToken000000000001", "https://www.instagram.com/reel/X/");
    http.poll("ist_noDiskTestToken000000000001", id);
    mock.process().destroy();
    assertThat(mock.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    try (var files = Files.list(work)) {
      assertThat(files).isEmpty();
    }
  }

  private void assertRefused(Path state, byte[] expected, String message) throws Exception {
    String output = refusedOutput(jar("--state-file", state.toString()), state, message);
    assertThat(output).isNotNull();
    if (expected != null) {
      assertThat(Files.readAllBytes(state)).as("the file is untouched").isEqualTo(expected);
    }
  }

  /** Runs {@code command} to its end: exit 64 within 30 s, the file named, the reason said. */
  private String refusedOutput(List<String> command, Path state, String message) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    processes.add(p);
    boolean exited = p.waitFor(30, TimeUnit.SECONDS);
    if (!exited) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
    }
    assertThat(exited).as("the jar ended within 30 s (a hang is the defect)").isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isEqualTo(64);
    assertThat(output)
        .contains("error: state file " + state)
        .contains(message)
        .doesNotContain("\tat ");
    return output;
  }

  /** A state file as a stopped jar leaves it, with three jobs. */
  private Path madeByTheJar(String name) throws Exception {
    Path work = Files.createDirectories(dir.resolve("made-" + name));
    Path state = work.resolve("jobs.db");
    Started mock = start(work, "--state-file", state.toString(), "--profile", "fast");
    Http http = new Http(mock.url());
    for (int i = 0; i < 3; i++) {
      http.submit("ist_madeByTheJarToken0000000001", "https://www.instagram.com/reel/M" + i + "/");
    }
    stopCleanly(mock.process());
    return state;
  }

  /** SIGTERM to the launcher (it stops its child first), as Ctrl-C does. */
  private static void stopCleanly(Process process) throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }

  private static void sql(Path file, String... statements) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = db.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  @Test
  void a_second_mock_on_the_same_file_refuses_to_start_with_exit_64_naming_it() throws Exception {
    Path state = dir.resolve("jobs.db");
    Started first = start(dir, "--state-file", state.toString(), "--profile", "fast");
    Http http = new Http(first.url());
    long id = http.submit("ist_firstMockToken00000000000001", "https://www.instagram.com/reel/A/");

    refusedOutput(
        jar("--state-file", state.toString()),
        state,
        "is in use by another process (another mock on the same file?)");
    // the first goes on undisturbed, with its ids
    assertThat(http.submit("ist_firstMockToken00000000000001", "https://www.instagram.com/reel/B/"))
        .isEqualTo(id + 1);
  }

  @Test
  void unusable_state_files_refuse_to_start_with_exit_64_and_a_named_reason() throws Exception {
    Path made = madeByTheJar("unusable");

    Path fifo = dir.resolve("fifo.db");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    assertRefused(fifo, null, "is not a regular file (a FIFO, socket or device)");

    Path column = Files.copy(made, dir.resolve("column.db"));
    String create;
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + column);
        Statement st = db.createStatement();
        var rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'reels_jobs'")) {
      create = rs.getString(1);
    }
    sql( // the same table with one more NOT NULL column, as a later version might add
        column,
        "ALTER TABLE reels_jobs RENAME TO old",
        create.substring(0, create.lastIndexOf(')')) + ", tenant TEXT NOT NULL)",
        "INSERT INTO reels_jobs SELECT *, 't' FROM old",
        "DROP TABLE old");
    assertRefused(column, Files.readAllBytes(column), "has a schema this mock does not write");

    Path counter = Files.copy(made, dir.resolve("counter.db"));
    sql(counter, "UPDATE reels_meta SET value = '9223372036854775807' WHERE key = 'next_id'");
    assertRefused(
        counter, Files.readAllBytes(counter), "has its id counter at 9223372036854775807");
  }

  @Test
  void a_state_file_on_a_read_only_file_system_refuses_to_start_with_exit_64() throws Exception {
    Tmpfs.require();
    Path made = madeByTheJar("readonly");
    Path disk = Files.createDirectory(dir.resolve("ro"));
    Path state = disk.resolve("jobs.db");
    refusedOutput(
        Tmpfs.wrap(
            new Tmpfs.Spec(disk, "4m", made, true, null), jar("--state-file", state.toString())),
        state,
        "is read-only");
  }

  @Test
  void on_a_real_full_disk_new_jobs_get_503_come_back_by_themselves_and_a_stop_loses_none()
      throws Exception {
    Tmpfs.require();
    Path disk = Files.createDirectory(dir.resolve("disk"));
    Path after = Files.createDirectory(dir.resolve("after"));
    Path state = disk.resolve("jobs.db");
    Started mock =
        start(
            dir,
            new Tmpfs.Spec(disk, "2m", null, false, after),
            "--state-file",
            state.toString(),
            "--profile",
            "fast");
    Http http = new Http(mock.url());
    String token = "ist_fullDiskTestToken0000000001";
    Map<Long, String> acknowledged = new LinkedHashMap<>();
    Path filler = Tmpfs.seenBy(mock.process().pid(), disk).resolve("filler");
    for (int i = 0; i < 10; i++) {
      String url = "https://www.instagram.com/reel/Before" + i + "/";
      acknowledged.put(http.submit(token, url), url);
    }

    Tmpfs.fill(filler);
    Http.Response refused = postUntilRefused(http, token, acknowledged, "Full");
    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isEqualTo("5");
    assertThat(refused.json().get("message").asText()).contains("the disk is full");

    Files.delete(filler); // space returns: no restart, the next POST is taken
    long freed = System.nanoTime();
    String back = "https://www.instagram.com/reel/AfterSpaceReturned/";
    acknowledged.put(http.submit(token, back), back);
    System.out.printf(
        "full disk: 503 after %d jobs; 202 again %d ms after space returned%n",
        acknowledged.size() - 1, (System.nanoTime() - freed) / 1_000_000);

    Tmpfs.fill(filler); // full again, and stopped cleanly on the full disk
    assertThat(postUntilRefused(http, token, acknowledged, "Again").status()).isEqualTo(503);
    ProcessHandle launcher = mock.process().children().findFirst().orElseThrow();
    launcher.destroy();
    assertThat(mock.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

    Started again = start(after, "--state-file", after.resolve("jobs.db").toString());
    Http http2 = new Http(again.url());
    List<String> lost = new ArrayList<>();
    acknowledged.forEach(
        (id, url) -> {
          Http.Response r = http2.get("/__admin/reels/jobs/" + id);
          if (r.status() != 200 || !r.json().get("url").asText().equals(url)) {
            lost.add(id + ": " + r.status());
          }
        });
    assertThat(lost).as("of %d acknowledged jobs", acknowledged.size()).isEmpty();
  }

  /** POSTs padded jobs until one is refused; each 202 is recorded. */
  private static Http.Response postUntilRefused(
      Http http, String token, Map<Long, String> acknowledged, String tag) {
    String pad = "x".repeat(2000);
    for (int i = 0; i < 2000; i++) {
      String url = "https://www.instagram.com/reel/" + tag + i + "/?pad=" + pad;
      Http.Response r =
          http.post(
              "/api/v1/reels/analyze",
              "{\"url\":\"" + url + "\"}",
              "Authorization",
              "Bearer " + token,
              "Content-Type",
              "application/json");
      if (r.status() != 202) {
        return r;
      }
      acknowledged.put(r.json().get("id").asLong(), url);
    }
    throw new AssertionError("2000 padded jobs fitted on the full disk");
  }

  private static void advance(Http http, int seconds) {
    assertThat(
            http.post(
                    "/__admin/reels/clock/advance",
                    "{\"seconds\": " + seconds + "}",
                    "Content-Type",
                    "application/json")
                .status())
        .isEqualTo(200);
  }
}
