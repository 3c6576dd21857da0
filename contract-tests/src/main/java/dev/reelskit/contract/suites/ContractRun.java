package dev.reelskit.contract.suites;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reelskit.contract.cli.ContractTestSettings;
import dev.reelskit.contract.internal.http.Exchange;
import dev.reelskit.contract.internal.http.Exchange.Auth;
import dev.reelskit.contract.internal.http.ReelsHttp;
import dev.reelskit.contract.internal.http.RunStops;
import dev.reelskit.contract.internal.http.ServerText;
import dev.reelskit.openapi.ReelsApiSpec;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.AnalyzeRequest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the suite observed of one server: it sends the whole plan once (jobs side by side,
 * probes in the gaps) and the rules then judge the recording. Rules never send requests or sleep.
 */
final class ContractRun {

  private static final Logger LOG = LoggerFactory.getLogger("dev.reelskit.contract.progress");

  /** Distinct API versions a progress line names; a server may send a new one each time. */
  static final int VERSIONS_SHOWN = 3;

  /** An id no server hands out in practice: 2^53 - 1, still exact in JavaScript. */
  static final String UNKNOWN_JOB_ID = "9007199254740991";

  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final ContractTestSettings settings;
  private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
  private final List<JobRecord> documentedForms = new ArrayList<>();
  private final JobRecord errorJob;
  private final Map<String, Exchange> notInstagram = new LinkedHashMap<>();
  private Exchange urlRequired;
  private Exchange notFound;
  private Exchange serverError;
  private long elapsedMillis;

  private ContractRun(ContractTestSettings settings) {
    this.settings = settings;
    String run = random(6);
    documentedForms.add(
        new JobRecord(
            "www.instagram.com/reel/<code>/", "https://www.instagram.com/reel/RCkit" + run + "a/"));
    documentedForms.add(
        new JobRecord(
            "instagram.com/reel/<code>/", "https://instagram.com/reel/RCkit" + run + "b/"));
    documentedForms.add(
        new JobRecord(
            "www.instagram.com/p/<code>/", "https://www.instagram.com/p/RCkit" + run + "c/"));
    documentedForms.add(
        new JobRecord(
            "www.instagram.com/reel/<code>/?igsh=...",
            "https://www.instagram.com/reel/RCkit" + run + "d/?igsh=" + random(16)));
    errorJob =
        settings.errorReelUrl() == null
            ? null
            : new JobRecord("error reel", settings.errorReelUrl());
  }

  /**
   * A run observed elsewhere: the recording the rules judge, handed in whole (the judges' fuzz test
   * builds one from arbitrary answers). Nothing is sent.
   */
  static ContractRun recorded(
      ContractTestSettings settings,
      List<JobRecord> documentedForms,
      JobRecord errorJob,
      Map<String, Exchange> notInstagram,
      Exchange urlRequired,
      Exchange notFound,
      Exchange serverError,
      List<Exchange> exchanges) {
    ContractRun run = new ContractRun(settings, documentedForms, errorJob);
    run.notInstagram.putAll(notInstagram);
    run.urlRequired = urlRequired;
    run.notFound = notFound;
    run.serverError = serverError;
    run.exchanges.addAll(exchanges);
    return run;
  }

  private ContractRun(
      ContractTestSettings settings, List<JobRecord> documentedForms, JobRecord errorJob) {
    this.settings = settings;
    this.documentedForms.addAll(documentedForms);
    this.errorJob = errorJob;
  }

  /** Sends the whole plan to the server and returns what was seen. */
  public static ContractRun execute(ContractTestSettings settings) {
    try {
      ContractRun run = new ContractRun(settings);
      run.perform();
      return run;
    } catch (RuntimeException | Error e) {
      // Caught here, the run's record is already unreachable: the rest of the report has room.
      throw RunStops.of(e);
    }
  }

  private void perform() {
    ReelsHttp http = new ReelsHttp(settings, exchanges::add);
    List<JobRecord> jobs = new ArrayList<>(documentedForms);
    if (errorJob != null) {
      jobs.add(errorJob);
    }
    BudgetPlan.check(settings, jobs.size());
    String code = "RCkit" + random(6);
    String validBody = body("https://www.instagram.com/reel/" + code + "z/");
    List<Runnable> probes = new ArrayList<>();
    List<Auth> refused =
        new ArrayList<>(List.of(Auth.NONE, Auth.WRONG_SCHEME, Auth.NO_SCHEME, Auth.MALFORMED));
    if (settings.unknownToken() != null) {
      refused.add(Auth.UNKNOWN);
    }
    if (settings.forbiddenToken() != null) {
      refused.add(Auth.FORBIDDEN);
    }
    for (Auth auth : refused) {
      probes.add(() -> http.submit("submit with " + auth, auth, validBody));
      probes.add(() -> http.read("read with " + auth, auth, anyJobId()));
    }
    for (String url :
        List.of(
            "https://example.com/reel/" + code + "/",
            "https://instagram.com.evil.io/reel/" + code + "/",
            "https://notinstagram.com/reel/" + code + "/")) {
      probes.add(() -> notInstagram.put(url, http.submit("submit " + url, Auth.VALID, body(url))));
    }
    probes.add(() -> urlRequired = http.submit("submit without url", Auth.VALID, body(null)));
    probes.add(() -> notFound = http.read("read an unknown id", Auth.VALID, UNKNOWN_JOB_ID));
    if (settings.serverErrorReelUrl() != null) {
      probes.add(
          () ->
              serverError =
                  http.submit(
                      "submit the server-error reel",
                      Auth.VALID,
                      body(settings.serverErrorReelUrl())));
    }
    LOG.info(
        "checking {} against the API document version {} with {} jobs and {} probes"
            + " ({} requests at most per {} ms)",
        settings.baseUrl(),
        specVersion(),
        jobs.size(),
        probes.size(),
        settings.rateLimit().requests(),
        settings.rateLimit().per().toMillis());
    new PollingScheduler(settings, http).run(jobs, probes);
    elapsedMillis = http.elapsedMillis();
    LOG.info(
        "sent {} requests in {} ms; the server said it implements API version {}",
        exchanges.size(),
        elapsedMillis,
        serverVersions());
  }

  /**
   * A submission body built from the generated model with the kit's mapper; null leaves url out.
   */
  static String body(String url) {
    try {
      return ReelsJson.mapper().writeValueAsString(new AnalyzeRequest().url(url));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code info.version} of the API document the suite judges against. */
  public static String specVersion() {
    return ReelsApiSpec.get().document().path("info").path("version").asText("(none)");
  }

  /** Every X-Reels-Api-Version the server sent, or a note that it sent none. */
  public String serverVersions() {
    List<String> versions =
        exchanges().stream()
            .map(Exchange::apiVersion)
            .filter(v -> v != null && !v.isBlank())
            .distinct()
            .toList();
    if (versions.isEmpty()) {
      return "(not said: no " + ReelsHttp.API_VERSION_HEADER + " header)";
    }
    String shown =
        versions.stream()
            .limit(VERSIONS_SHOWN)
            .map(v -> ServerText.cut(v, ServerText.WORD))
            .collect(Collectors.joining(", "));
    return versions.size() <= VERSIONS_SHOWN
        ? shown
        : shown + " and " + (versions.size() - VERSIONS_SHOWN) + " more";
  }

  /** A job the server created, to read with bad credentials (an unknown id if none was created). */
  private String anyJobId() {
    return documentedForms.stream()
        .map(JobRecord::id)
        .filter(id -> id != null)
        .findFirst()
        .orElse(UNKNOWN_JOB_ID);
  }

  private static String random(int length) {
    SecureRandom random = new SecureRandom();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return s.toString();
  }

  public ContractTestSettings settings() {
    return settings;
  }

  /** Every exchange in the order sent, 429s and retries included. */
  public List<Exchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  /** One job per documented URL form. */
  public List<JobRecord> documentedForms() {
    return List.copyOf(documentedForms);
  }

  /** The job submitted with the error reel URL, or null when that URL is unset. */
  public JobRecord errorJob() {
    return errorJob;
  }

  /** Every job followed, error reel included. */
  public List<JobRecord> jobs() {
    List<JobRecord> all = new ArrayList<>(documentedForms);
    if (errorJob != null) {
      all.add(errorJob);
    }
    return all;
  }

  public Map<String, Exchange> notInstagram() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(notInstagram));
  }

  public Exchange urlRequired() {
    return urlRequired;
  }

  public Exchange notFound() {
    return notFound;
  }

  /** The answer to the server-error reel, or null when that URL is unset. */
  public Exchange serverError() {
    return serverError;
  }

  public long elapsedMillis() {
    return elapsedMillis;
  }
}
