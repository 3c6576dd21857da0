package dev.reelskit.mock.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reelskit.openapi.ReelsJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report as plain maps, so callers may serialise it with any JSON library. */
final class ReportJson {

  private ReportJson() {}

  static String write(ClientConformanceReport report) {
    try {
      return ReelsJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toMap(report));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the client conformance report", e);
    }
  }

  static Map<String, Object> toMap(ClientConformanceReport report) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("conforms", report.conforms());
    map.put("passed", report.passedCount());
    map.put("failed", report.failedCount());
    map.put("advice", report.adviceCount());
    map.put("violatedRules", report.violatedRuleIds());
    map.put("advisedRules", report.advisedRuleIds());
    map.put("profile", report.profile());
    map.put("requests", report.requests());
    map.put("dropped", report.dropped());
    map.put("origin", report.origin() == null ? null : report.origin().toString());
    map.put("settings", settings(report.settings()));
    if (report.clientRun() != null) {
      ClientRun run = report.clientRun();
      Map<String, Object> client = new LinkedHashMap<>();
      client.put("exitCode", run.exitCode());
      client.put("elapsedMillis", run.elapsed().toMillis());
      client.put("timedOut", run.timedOut());
      map.put("client", client);
    }
    map.put("notes", report.notes());
    List<Object> rules = new ArrayList<>();
    for (ClientRuleResult result : report.results()) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("id", result.rule().id());
      rule.put("title", result.rule().title());
      rule.put("anchor", result.rule().anchor());
      rule.put("severity", result.rule().severity().name().toLowerCase(java.util.Locale.ROOT));
      rule.put("passed", result.passed());
      rule.put("violations", result.violations().stream().map(ReportJson::violation).toList());
      rules.add(rule);
    }
    map.put("rules", rules);
    return map;
  }

  private static Map<String, Object> settings(ClientRuleSettings s) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("pollIntervalMillis", s.pollInterval().toMillis());
    map.put("toleranceMillis", s.tolerance().toMillis());
    map.put("rateLimit", s.rateLimit());
    map.put("rateWindowMillis", s.rateWindow().toMillis());
    map.put("maxUnfinishedJobs", s.maxUnfinishedJobs());
    map.put("giveUpAfterMillis", s.giveUpAfter().toMillis());
    Map<String, Object> advice = new LinkedHashMap<>();
    advice.put("statuses", s.retryAdvice().statuses().stream().sorted().toList());
    advice.put("attempts", s.retryAdvice().attempts());
    advice.put("waitsMillis", s.retryAdvice().waits().stream().map(d -> d.toMillis()).toList());
    map.put("retryAdvice", advice);
    return map;
  }

  private static Map<String, Object> violation(ClientViolation v) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("token", v.token());
    map.put("jobId", v.jobId());
    map.put("expected", v.expected());
    map.put("actual", v.actual());
    map.put("shown", v.shown() == null ? null : v.shown().getValue());
    map.put("note", v.note());
    map.put("requests", v.requests().stream().map(ReportJson::request).toList());
    return map;
  }

  private static Map<String, Object> request(TrafficEntry e) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("seq", e.seq());
    map.put("at", e.at().toString());
    map.put("method", e.method());
    map.put("path", e.path());
    map.put("operation", e.operation());
    map.put("jobId", e.jobId());
    map.put("httpStatus", e.httpStatus());
    map.put("shown", e.shown() == null ? null : e.shown().getValue());
    map.put("retryAfterMillis", e.retryAfter() == null ? null : e.retryAfter().toMillis());
    map.put("rejection", e.rejection());
    return map;
  }
}
