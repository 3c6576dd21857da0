package dev.reelskit.mock.internal.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.reelskit.mock.internal.jobs.Job;
import dev.reelskit.mock.internal.jobs.JobBodies;
import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.mock.internal.jobs.Outcomes;
import dev.reelskit.mock.internal.jobs.Tenant;
import dev.reelskit.openapi.ReelsApiSpec;
import dev.reelskit.openapi.ReelsJson;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * {@code POST /__admin/reels/jobs {"url": ...}} (the listing is {@code JobsAdminExtension}'s): a
 * job made without a token, so the panel's submissions stay out of the traffic record the client
 * report judges; {@code ?tenant=T} makes it in tenant {@code T} (default: {@code default}).
 */
final class JobsAdmin {

  private static final int MAX_BODY = 16 * 1024;
  private static final Pattern REEL_URL = ReelsApiSpec.get().reelUrlPattern();

  private final JobStore jobs;

  JobsAdmin(JobStore jobs) {
    this.jobs = jobs;
  }

  ResponseDefinition create(Request request) {
    byte[] raw = request.getBody();
    if (raw.length > MAX_BODY) {
      return json(400, error("request body too large (at most " + MAX_BODY + " bytes)"));
    }
    JsonNode body;
    try {
      body = ReelsJson.mapper().readTree(raw);
    } catch (IOException e) {
      body = null;
    }
    String url = body == null ? null : body.path("url").asText(null);
    if (url == null || !REEL_URL.matcher(url).matches()) {
      return json(400, error("body must be {\"url\": \"https://www.instagram.com/reel/<code>/\"}"));
    }
    if (Outcomes.isServerFailure(url)) {
      return json(
          400,
          error(
              "a "
                  + Outcomes.SERVER_FAILURE_PREFIX
                  + " reel makes the API's POST answer"
                  + " 500 and creates no job; send it to POST /api/v1/reels/analyze to see that"));
    }
    Tenant tenant = jobs.tenants().shared();
    QueryParameter t = request.queryParameter("tenant");
    if (t != null && t.isPresent()) {
      tenant = jobs.tenants().find(t.firstValue());
      if (tenant == null) {
        return json(404, error("no such tenant (see GET /__admin/reels/tenants for their names)"));
      }
    }
    // In the default tenant, no owner, like a seeded job: with --isolate-tokens every token may
    // still poll it. In another tenant, its owner's: what its token sees.
    Job job = jobs.create(url, tenant.owner());
    return json(201, JobBodies.admin(jobs, job, false));
  }

  private static ObjectNode error(String message) {
    return ReelsJson.mapper().createObjectNode().put("error", message);
  }

  private static ResponseDefinition json(int status, JsonNode body) {
    try {
      return new ResponseDefinitionBuilder()
          .withStatus(status)
          .withHeader("Content-Type", "application/json")
          .withBody(ReelsJson.mapper().writeValueAsBytes(body))
          .build();
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
