package dev.reelskit.contract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How the report tests run headless Chromium on a page that must work offline. */
public final class OfflineChromium {

  private OfflineChromium() {}

  /**
   * The flags for a root user on a machine without a network, with a fresh profile in {@code
   * profile}: without the background-networking flags Chromium keeps dialling Google's hosts, and
   * the resolver rule fails every host lookup, so a page that needs a CDN fails instead of quietly
   * fetching it.
   */
  public static List<String> flags(Path profile) {
    List<String> flags =
        new ArrayList<>(
            List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-dev-shm-usage",
                "--host-resolver-rules=MAP * ~NOTFOUND"));
    flags.add("--user-data-dir=" + profile);
    return flags;
  }
}
