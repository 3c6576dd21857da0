package dev.reelskit.mock.internal.extension;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.reelskit.mock.internal.jobs.Job;
import dev.reelskit.mock.internal.jobs.JobBodies;
import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.mock.internal.jobs.Owners;
import dev.reelskit.mock.internal.jobs.Tenant;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.ApiError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Jobs by owner, for a team sharing one mock (and the control panel): {@code GET
 * /__admin/reels/jobs} (newest first, {@code ?limit=} 1-1000, default 100, with each job's age and
 * magic outcome), {@code POST /__admin/reels/jobs/reset} (back to the first state), {@code DELETE
 * /__admin/reels/jobs} and {@code GET /__admin/reels/owners}. {@code ?owner=} takes a token
 * fingerprint ({@code ist_****3f9a}, every token ending so) or an owner key from a listing ({@code
 * ist_****3f9a:1a2b3c4d5e6f}, exactly that token). Seeded jobs belong to nobody: they are listed
 * without a filter and never reset or deleted by owner.
 */
final class JobsAdminExtension implements AdminApiExtension {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1_000;
  private static final Pattern OWNER =
      Pattern.compile("(ist_)?\\*{4}[A-Za-z0-9_-]{0,4}(:[0-9a-f]{12})?");

  private final JobStore jobs;

  JobsAdminExtension(JobStore jobs) {
    this.jobs = jobs;
  }

  @Override
  public String getName() {
    return "reels-jobs-admin";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(
        RequestMethod.GET,
        "/reels/jobs",
        (admin, event, params) ->
            withOwner(event.getRequest(), owner -> list(event.getRequest(), owner)));
    router.add(
        RequestMethod.POST,
        "/reels/jobs/reset",
        (admin, event, params) ->
            withOwner(event.getRequest(), owner -> count("reset", jobs.resetOwned(owner))));
    router.add(
        RequestMethod.DELETE,
        "/reels/jobs",
        (admin, event, params) ->
            withOwner(event.getRequest(), owner -> count("deleted", jobs.deleteOwned(owner))));
    router.add(
        RequestMethod.GET,
        "/reels/jobs/{id}",
        (admin, event, params) -> {
          long id;
          try {
            id = Long.parseLong(params.get("id"));
          } catch (NumberFormatException e) {
            return json(400, SpecResponses.errorBytes(new ApiError().error("id must be a number")));
          }
          return jobs.peek(id)
              .map(job -> json(200, SpecResponses.bytes(JobBodies.admin(jobs, job, true))))
              .orElseGet(
                  () -> json(404, SpecResponses.errorBytes(new ApiError().error("job not found"))));
        });
    router.add(RequestMethod.GET, "/reels/owners", (admin, event, params) -> owners());
  }

  /** The {@code owner} query parameter, checked; the token itself is refused, never echoed. */
  static String ownerFilter(Request request, String name) {
    QueryParameter p = request.queryParameter(name);
    if (p == null || !p.isPresent()) {
      return null;
    }
    String value = p.firstValue().trim();
    if (!OWNER.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name
              + " must be a token fingerprint such as ist_****3f9a"
              + " or an owner key such as ist_****3f9a:1a2b3c4d5e6f (never the token itself)");
    }
    return value;
  }

  private ResponseDefinition withOwner(
      Request request, java.util.function.Function<String, ResponseDefinition> action) {
    String owner;
    try {
      owner = ownerFilter(request, "owner");
    } catch (IllegalArgumentException e) {
      return json(400, SpecResponses.errorBytes(new ApiError().error(e.getMessage())));
    }
    return action.apply(owner);
  }

  private ResponseDefinition list(Request request, String owner) {
    int limit = DEFAULT_LIMIT;
    QueryParameter p = request.queryParameter("limit");
    if (p != null && p.isPresent()) {
      try {
        limit = Integer.parseInt(p.firstValue());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        return json(
            400,
            SpecResponses.errorBytes(
                new ApiError().error("limit must be an integer from 1 to " + MAX_LIMIT)));
      }
    }
    List<Job> all;
    QueryParameter tenantParam = request.queryParameter("tenant");
    if (tenantParam != null && tenantParam.isPresent()) {
      Tenant tenant = jobs.tenants().find(tenantParam.firstValue());
      if (tenant == null) {
        return json(
            404,
            SpecResponses.errorBytes(
                new ApiError()
                    .error("no such tenant (see GET /__admin/reels/tenants for their names)")));
      }
      all = jobs.jobsOf(tenant);
      if (owner != null) {
        all = all.stream().filter(j -> Owners.matches(j.owner(), owner)).toList();
      }
    } else {
      all = jobs.list(owner);
    }
    Instant now =
        tenantParam != null && tenantParam.isPresent()
            ? jobs.tenants().find(tenantParam.firstValue()).now()
            : jobs.clock().now();
    ObjectNode body = ReelsJson.mapper().createObjectNode();
    body.put("now", now.toString());
    body.put("total", all.size());
    ArrayNode out = body.putArray("jobs");
    // Newest first, bounded by the limit: the newest jobs are what a person looks for.
    for (int i = all.size() - 1; i >= Math.max(0, all.size() - limit); i--) {
      out.add(JobBodies.admin(jobs, all.get(i), false));
    }
    return json(200, SpecResponses.bytes(body));
  }

  private ResponseDefinition owners() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Job job : jobs.list(null)) {
      if (job.owner() != null) {
        counts.merge(job.owner(), 1, Integer::sum);
      }
    }
    ObjectNode body = ReelsJson.mapper().createObjectNode();
    ArrayNode out = body.putArray("owners");
    counts.forEach(
        (owner, n) ->
            out.addObject()
                .put("owner", owner)
                .put("fingerprint", Owners.fingerprintOf(owner))
                .put("jobs", n));
    return json(200, SpecResponses.bytes(body));
  }

  private static ResponseDefinition count(String field, int n) {
    ObjectNode body = ReelsJson.mapper().createObjectNode();
    body.put(field, n);
    return json(200, SpecResponses.bytes(body));
  }

  private static ResponseDefinition json(int status, byte[] body) {
    return SpecResponses.adminJson(status, body);
  }
}
