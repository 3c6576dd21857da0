package dev.reelskit.mock.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.reelskit.mock.conformance.ClientConformance;
import dev.reelskit.mock.conformance.ClientConformanceReport;
import dev.reelskit.mock.conformance.ClientRuleSettings;
import dev.reelskit.mock.conformance.TrafficEntry;
import dev.reelskit.mock.conformance.TrafficLog;
import dev.reelskit.mock.internal.jobs.JobBodies;
import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.mock.internal.jobs.Owners;
import dev.reelskit.mock.internal.ruleoptions.ClientRuleOptions;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.ApiError;
import dev.reelskit.openapi.model.JobStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The mock's own admin routes, next to WireMock's: read and advance the clock, force a job's state
 * (the same as {@code PUT /__admin/scenarios/reel-job-<id>/state}), read the traffic record, and
 * judge it: {@code GET /__admin/reels/client-report} (JSON; {@code ?format=text} for plain text,
 * {@code svg} for the timeline picture, {@code html} for both on one page; rule settings as query
 * parameters named as {@link ClientRuleOptions} names them) and {@code DELETE
 * /__admin/reels/client-report} (forget the traffic, start a new report).
 */
public final class ReelsAdminExtension extends NamedExtension implements AdminApiExtension {

  private final JobStore jobs;
  private final TrafficLog traffic;
  private final ClientRuleSettings rules;
  private final String profile;

  /**
   * @param rules the client rules' settings when a report request names none
   * @param profile the timing profile reports name
   */
  public ReelsAdminExtension(
      JobStore jobs, TrafficLog traffic, ClientRuleSettings rules, String profile) {
    super("reels-admin");
    this.jobs = jobs;
    this.traffic = traffic;
    this.rules = rules;
    this.profile = profile;
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(RequestMethod.GET, "/reels/clock", (admin, event, params) -> clock());
    router.add(
        RequestMethod.POST,
        "/reels/clock/advance",
        (admin, event, params) -> {
          try {
            jobs.advanceClock(AdvanceBody.parse(event.getRequest().getBody()));
            return clock();
          } catch (IllegalArgumentException e) {
            return json(400, error(e.getMessage()));
          }
        });
    router.add(
        RequestMethod.PUT,
        "/reels/jobs/{id}/state",
        (admin, event, params) -> {
          try {
            long id = Long.parseLong(params.get("id"));
            JobStatus state =
                JobStatus.fromValue(
                    ReelsJson.mapper()
                        .readTree(event.getRequest().getBody())
                        .path("state")
                        .asText());
            return jobs.force(id, state)
                .map(job -> json(200, JobBodies.admin(jobs, job, true)))
                .orElseGet(() -> json(404, error("job not found")));
          } catch (IOException | IllegalArgumentException e) {
            return json(400, error("body must be {\"state\": \"pending|processing|done|error\"}"));
          }
        });
    router.add(
        RequestMethod.GET,
        "/reels/traffic",
        (admin, event, params) -> {
          String token;
          try {
            token = tokenFilter(event.getRequest());
          } catch (IllegalArgumentException e) {
            return json(400, error(e.getMessage()));
          }
          ObjectNode body = ReelsJson.mapper().createObjectNode();
          body.put("dropped", traffic.dropped());
          body.set("entries", ReelsJson.mapper().valueToTree(entriesOf(token)));
          return json(200, body);
        });
    router.add(
        RequestMethod.GET,
        "/reels/client-report",
        (admin, event, params) -> clientReport(event.getRequest()));
    router.add(
        RequestMethod.DELETE,
        "/reels/client-report",
        (admin, event, params) -> {
          traffic.clear();
          return new ResponseDefinitionBuilder().withStatus(204).build();
        });
  }

  private ResponseDefinition clientReport(Request request) {
    ClientRuleSettings settings;
    String token;
    try {
      settings = ClientRuleOptions.apply(rules, key -> query(request, key));
      token = tokenFilter(request);
    } catch (IllegalArgumentException e) {
      return json(400, error(e.getMessage()));
    }
    ClientConformanceReport report =
        token == null
            ? ClientConformance.judge(traffic, settings, profile)
            : ClientConformance.judge(entriesOf(token), settings, profile, traffic.dropped());
    String format = query(request, "format");
    if (format == null || format.equals("json")) {
      return new ResponseDefinitionBuilder()
          .withStatus(200)
          .withHeader("Content-Type", "application/json")
          .withBody(report.toJson().getBytes(StandardCharsets.UTF_8))
          .build();
    }
    if (format.equals("text")) {
      return new ResponseDefinitionBuilder()
          .withStatus(200)
          .withHeader("Content-Type", "text/plain; charset=utf-8")
          .withBody(report.toText().getBytes(StandardCharsets.UTF_8))
          .build();
    }
    if (format.equals("svg") || format.equals("html")) {
      // The timeline picture (the control panel shows it) or the whole report as one page.
      return new ResponseDefinitionBuilder()
          .withStatus(200)
          .withHeader(
              "Content-Type",
              format.equals("svg") ? "image/svg+xml; charset=utf-8" : "text/html; charset=utf-8")
          .withHeader("X-Content-Type-Options", "nosniff")
          .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
          .withBody(
              (format.equals("svg") ? report.toSvg() : report.toHtml())
                  .getBytes(StandardCharsets.UTF_8))
          .build();
    }
    return json(400, error("format must be json, text, svg or html, was '" + format + "'"));
  }

  /**
   * {@code ?token=<fingerprint>}: only that token's traffic (an owner key names its fingerprint).
   */
  private static String tokenFilter(Request request) {
    String filter = JobsAdminExtension.ownerFilter(request, "token");
    return filter == null ? null : Owners.fingerprintOf(filter);
  }

  private java.util.List<TrafficEntry> entriesOf(String token) {
    return token == null
        ? traffic.snapshot()
        : traffic.snapshot().stream().filter(e -> e.token().equals(token)).toList();
  }

  private static String query(Request request, String key) {
    QueryParameter p = request.queryParameter(key);
    return p != null && p.isPresent() ? p.firstValue() : null;
  }

  private ResponseDefinition clock() {
    ObjectNode body = ReelsJson.mapper().createObjectNode();
    body.put("now", jobs.clock().now().toString());
    body.put("timeScale", jobs.clock().scale());
    return json(200, body);
  }

  private static byte[] error(String message) {
    return SpecResponses.errorBytes(new ApiError().error(message));
  }

  private static ResponseDefinition json(int status, JsonNode body) {
    return json(status, SpecResponses.bytes(body));
  }

  private static ResponseDefinition json(int status, byte[] body) {
    return SpecResponses.adminJson(status, body);
  }
}
