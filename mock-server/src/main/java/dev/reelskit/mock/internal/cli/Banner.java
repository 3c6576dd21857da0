package dev.reelskit.mock.internal.cli;

import dev.reelskit.mock.ReelsMock;
import dev.reelskit.mock.internal.jobs.SeedJobs;
import dev.reelskit.mock.settings.MockServerSettings;

/** The one startup banner: where the mock listens and how it behaves. */
final class Banner {

  private Banner() {}

  public static String of(ReelsMock mock) {
    MockServerSettings s = mock.settings();
    String url = mock.baseUrl();
    String scale = s.timeScale() == 1 ? "" : " (time scale x" + s.timeScale() + ")";
    return String.join(
        System.lineSeparator(),
        "Reels API mock listening on " + url,
        "  profile     "
            + (s.jobStore().replay() == null
                ? s.profile().cliName() + ": " + s.profile().description()
                : mock.profileLabel() + " from " + s.jobStore().replay())
            + (s.jobStore().replay() == null ? scale : ""),
        "  tokens      " + mock.tokenRule(),
        "  rate limit  "
            + (s.rateLimit()
                ? "on: "
                    + s.rateLimitRequests()
                    + " requests/min and "
                    + s.maxUnfinishedJobs()
                    + " unfinished jobs per token (429 + Retry-After)"
                : "off (--rate-limit to emulate 10 requests/min, 3 unfinished jobs)"),
        "  magic codes reel code ERROR... -> job ends in error; HTTP500... -> POST answers 500;",
        "              the errors page's causes: ERRORunavailable (also ERROR), ERRORratelimited,",
        "              ERRORai, ERRORformat, ERRORstorage -> error with that cause's message;",
        "              NOSPEECH... -> no-speech video; NOMETA... -> platform_meta null;",
        "              FLAKY... -> every 3rd poll 500; SLOW... -> 3 s per poll; other -> cooking video",
        "  Prefer      code=NNN / example=NAME forces any documented response;"
            + " fault=connection-reset|empty-response|malformed-chunk|random-data; delay=<ms>",
        "  readings    "
            + s.readings().cliName()
            + (s.readings() == dev.reelskit.mock.settings.Readings.ROTATE
                ? ": every legal reading of a job, picked by its reel code (X-Reels-Reading)"
                : " (--readings rotate: every legal reading, picked by reel code)"),
        "  latency     "
            + s.latency().cliName()
            + (s.rootDir() == null ? "" : "    stubs from " + s.rootDir())
            + "  (WireMock stubs win: /__admin/mappings)",
        "  seeded jobs "
            + (s.seedJobs()
                ? "42-50 and 99 (42 done, 43 pending, 44 processing, 45 error); new ids from "
                    + SeedJobs.FIRST_NEW_ID
                : "none"),
        "  panel       " + url + "/__admin/reels/ui  (jobs, clock, client report in the browser)",
        "  jobs        " + jobs(s),
        "  admin       " + url + "/__admin/scenarios  " + url + "/__admin/reels/clock",
        "  docs        " + url + "/docs/index.html  (spec: " + url + "/docs/openapi.yaml)",
        String.join(System.lineSeparator(), SecurityBanner.lines(s.security(), s.bind())),
        "Press Ctrl-C to stop.",
        "");
  }

  private static String jobs(MockServerSettings s) {
    var j = s.jobStore();
    return (j.stateFile() == null
            ? "in memory (--state-file to keep them)"
            : "kept in " + j.stateFile())
        + ", at most "
        + j.maxJobs()
        + (j.maxJobsPerTenant() < j.maxJobs() ? " (" + j.maxJobsPerTenant() + " per tenant)" : "")
        + (j.isolateTokens()
            ? ", each token a tenant: sees only its own, its own clock, random ids"
            : ", every token sees all")
        + "; tenants: /__admin/reels/tenants";
  }
}
