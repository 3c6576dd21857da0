package dev.reelskit.mock;

import dev.reelskit.buildrules.RequiredTools;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of its own for a jar under test, made without root: the command runs in new
 * user and mount namespaces ({@code unshare --user --map-root-user --mount}) over a {@code tmpfs}
 * of a given size mounted there. Only the jar sees it; the test reaches it through {@code
 * /proc/<pid>/root}. It can be filled to the last byte and emptied again: a real full disk.
 */
public final class Tmpfs {

  /** The mount point, the size ({@code 4m}), an optional file to copy in, and the mode. */
  public record Spec(Path mountPoint, String size, Path copyIn, boolean readOnly, Path copyOutTo) {}

  private static final String SCRIPT =
      "set -e; mount -t tmpfs -o size=\"$1\" tmpfs \"$0\";"
          + " if [ -n \"$2\" ]; then cp \"$2\" \"$0\"/; fi;"
          + " if [ \"$3\" = ro ]; then mount -o remount,ro \"$0\"; fi;"
          + " out=\"$4\"; shift 5; set +e; \"$@\"; status=$?;"
          + " if [ -n \"$out\" ]; then cp \"$0\"/jobs.db* \"$out\"/ 2>/dev/null; fi; exit $status";

  private Tmpfs() {}

  /** Skips the test without user namespaces, or fails it in CI (RequiredTools). */
  public static void require() {
    boolean works;
    try {
      Process p =
          new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "true")
              .redirectErrorStream(true)
              .start();
      works = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      works = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      works = false;
    }
    RequiredTools.require(
        works,
        "unshare (util-linux) with user and mount namespaces",
        "unshare --user --map-root-user --mount does not work here, so no tmpfs can be made");
  }

  /**
   * {@code command} run over the tmpfs: the mount is made, {@code copyIn} copied to it, it is made
   * read-only if asked; after the command, the state file is copied to {@code copyOutTo}.
   */
  public static List<String> wrap(Spec spec, List<String> command) {
    List<String> wrapped = new ArrayList<>();
    wrapped.addAll(
        List.of(
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            SCRIPT,
            spec.mountPoint().toAbsolutePath().toString(),
            spec.size(),
            spec.copyIn() == null ? "" : spec.copyIn().toAbsolutePath().toString(),
            spec.readOnly() ? "ro" : "rw",
            spec.copyOutTo() == null ? "" : spec.copyOutTo().toAbsolutePath().toString(),
            "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** The mount point as the process {@code pid} (the wrapper) sees it. */
  public static Path seenBy(long pid, Path mountPoint) {
    return Path.of("/proc/" + pid + "/root" + mountPoint.toAbsolutePath());
  }

  /** Writes {@code filler} until the file system has no byte left; its size. */
  public static long fill(Path filler) throws IOException {
    byte[] block = new byte[64 * 1024];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        written += block.length;
      }
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) {
        throw full;
      }
    }
    // the last partial block may still fit in smaller pieces
    try (OutputStream out =
        Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
      for (int i = 0; i < 64 * 1024; i++) {
        out.write(0);
        out.flush();
        written++;
      }
    } catch (IOException full) {
      // now it is full to the byte
    }
    return written;
  }
}
