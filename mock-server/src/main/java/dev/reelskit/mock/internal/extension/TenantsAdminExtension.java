package dev.reelskit.mock.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.reelskit.mock.internal.jobs.JobBodies;
import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.mock.internal.jobs.Owners;
import dev.reelskit.mock.internal.jobs.Tenant;
import dev.reelskit.mock.internal.jobs.Tenants;
import dev.reelskit.openapi.ReelsJson;
import dev.reelskit.openapi.model.ApiError;
import dev.reelskit.openapi.model.JobStatus;
import java.io.IOException;
import java.util.function.Function;

/**
 * Tenants and pinned states ({@code docs/mock.md}, "Tenants"): {@code /__admin/reels/tenants}
 * (create with a minted token, list, read, delete), each tenant's clock, reset and pin, and a job's
 * pin ({@code PUT|DELETE /__admin/reels/jobs/<id>/pin}). A tenant in a path is {@code default}, a
 * name or an owner key.
 */
final class TenantsAdminExtension extends NamedExtension implements AdminApiExtension {

  private static final int MAX_BODY = 16 * 1024;

  private final JobStore jobs;

  TenantsAdminExtension(JobStore jobs) {
    super("reels-tenants-admin");
    this.jobs = jobs;
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(RequestMethod.POST, "/reels/tenants", (a, e, p) -> create(e.getRequest().getBody()));
    router.add(RequestMethod.GET, "/reels/tenants", (a, e, p) -> list());
    router.add(
        RequestMethod.GET, "/reels/tenants/{tenant}", (a, e, p) -> withTenant(p, this::answer));
    router.add(
        RequestMethod.DELETE,
        "/reels/tenants/{tenant}",
        (a, e, p) ->
            withTenant(
                p,
                t ->
                    t == jobs.tenants().shared()
                        ? error(400, "the default tenant cannot be deleted")
                        : json(200, count("deleted", jobs.deleteTenant(t)))));
    router.add(
        RequestMethod.GET,
        "/reels/tenants/{tenant}/clock",
        (a, e, p) -> withTenant(p, this::clock));
    router.add(
        RequestMethod.POST,
        "/reels/tenants/{tenant}/clock/advance",
        (a, e, p) ->
            withTenant(
                p,
                t -> {
                  try {
                    t.advance(AdvanceBody.parse(e.getRequest().getBody()));
                  } catch (IllegalArgumentException ex) {
                    return error(400, ex.getMessage());
                  }
                  return clock(t);
                }));
    router.add(
        RequestMethod.POST,
        "/reels/tenants/{tenant}/reset",
        (a, e, p) -> withTenant(p, t -> json(200, count("reset", jobs.reset(t)))));
    router.add(
        RequestMethod.PUT,
        "/reels/tenants/{tenant}/pin",
        (a, e, p) ->
            withTenant(
                p,
                t -> {
                  JobStatus state = stateOf(e.getRequest().getBody());
                  if (state == null) {
                    return error(400, STATE_BODY);
                  }
                  jobs.pinNewJobs(t, state);
                  return answer(t);
                }));
    router.add(
        RequestMethod.DELETE,
        "/reels/tenants/{tenant}/pin",
        (a, e, p) -> withTenant(p, t -> json(200, count("released", jobs.releaseAll(t)))));
    router.add(
        RequestMethod.PUT,
        "/reels/jobs/{id}/pin",
        (a, e, p) -> {
          JobStatus state = stateOf(e.getRequest().getBody());
          if (state == null) {
            return error(400, STATE_BODY);
          }
          return withJob(p, id -> jobs.pin(id, state));
        });
    router.add(
        RequestMethod.DELETE, "/reels/jobs/{id}/pin", (a, e, p) -> withJob(p, jobs::release));
  }

  private static final String STATE_BODY =
      "body must be {\"state\": \"pending|processing|done|error\"}";

  private ResponseDefinition create(byte[] raw) {
    String name = null;
    if (raw != null && raw.length > 0) {
      if (raw.length > MAX_BODY) {
        return error(400, "request body too large (at most " + MAX_BODY + " bytes)");
      }
      try {
        JsonNode body = ReelsJson.mapper().readTree(raw);
        JsonNode n = body == null ? null : body.get("name");
        if (n != null && !n.isNull()) {
          if (!n.isTextual()) {
            return error(400, "name must be a string");
          }
          name = n.asText();
        }
      } catch (IOException e) {
        return error(400, "body must be JSON: {\"name\": \"worker-1\"} (or empty)");
      }
    }
    Tenants.Created created;
    try {
      created = jobs.createTenant(name);
    } catch (Tenants.TooMany e) {
      return error(429, e.getMessage());
    } catch (IllegalArgumentException e) {
      return error(400, e.getMessage());
    } catch (IllegalStateException e) {
      return error(409, e.getMessage());
    }
    ObjectNode body = node(created.tenant());
    body.put("token", created.token()); // shown once, as the real dashboard shows a new token
    return json(201, body);
  }

  private ResponseDefinition list() {
    ObjectNode body = ReelsJson.mapper().createObjectNode();
    ArrayNode out = body.putArray("tenants");
    jobs.tenants().all().forEach(t -> out.add(node(t)));
    return json(200, body);
  }

  private ResponseDefinition answer(Tenant t) {
    return json(200, node(t));
  }

  private ResponseDefinition clock(Tenant t) {
    ObjectNode body = ReelsJson.mapper().createObjectNode();
    body.put("tenant", t.id());
    body.put("now", t.now().toString());
    body.put("offset_seconds", t.offset().toNanos() / 1e9);
    body.put("timeScale", jobs.clock().scale());
    return json(200, body);
  }

  /** A tenant as the admin API shows it: never a token, only its owner key and fingerprint. */
  static ObjectNode node(Tenant t) {
    ObjectNode n = ReelsJson.mapper().createObjectNode();
    n.put("tenant", t.id());
    n.put("name", t.name());
    n.put("owner", t.owner());
    n.put("fingerprint", t.owner() == null ? null : Owners.fingerprintOf(t.owner()));
    n.put("now", t.now().toString());
    n.put("offset_seconds", t.offset().toNanos() / 1e9);
    n.put("pin", t.pin() == null ? null : t.pin().getValue());
    n.put("jobs", t.jobCount());
    return n;
  }

  private ResponseDefinition withTenant(
      com.github.tomakehurst.wiremock.common.url.PathParams params,
      Function<Tenant, ResponseDefinition> action) {
    String id = params.get("tenant");
    Tenant t = jobs.tenants().find(id);
    if (t == null) {
      // Not echoed: what was asked for may be a token pasted by mistake.
      return error(
          404,
          "no such tenant (name one by its name, 'default' or an owner key"
              + " as GET /__admin/reels/tenants lists them)");
    }
    return action.apply(t);
  }

  private ResponseDefinition withJob(
      com.github.tomakehurst.wiremock.common.url.PathParams params,
      Function<Long, java.util.Optional<dev.reelskit.mock.internal.jobs.Job>> action) {
    long id;
    try {
      id = Long.parseLong(params.get("id"));
    } catch (NumberFormatException e) {
      return error(400, "id must be a number");
    }
    return action
        .apply(id)
        .map(job -> json(200, JobBodies.admin(jobs, job, true)))
        .orElseGet(() -> error(404, "job not found"));
  }

  private static JobStatus stateOf(byte[] raw) {
    if (raw == null || raw.length == 0 || raw.length > MAX_BODY) {
      return null;
    }
    try {
      JsonNode state = ReelsJson.mapper().readTree(raw).path("state");
      return state.isTextual() ? JobStatus.fromValue(state.asText()) : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static ObjectNode count(String field, int n) {
    return ReelsJson.mapper().createObjectNode().put(field, n);
  }

  private static ResponseDefinition error(int status, String message) {
    return json(status, SpecResponses.errorBytes(new ApiError().error(message)));
  }

  private static ResponseDefinition json(int status, JsonNode body) {
    return json(status, SpecResponses.bytes(body));
  }

  private static ResponseDefinition json(int status, byte[] body) {
    return SpecResponses.adminJson(status, body);
  }
}
