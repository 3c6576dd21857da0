package dev.reelskit.mock.internal.panel;

import static com.github.tomakehurst.wiremock.http.RequestMethod.GET;
import static com.github.tomakehurst.wiremock.http.RequestMethod.POST;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.reelskit.mock.internal.jobs.JobStore;
import dev.reelskit.openapi.JobLifecycle;
import dev.reelskit.openapi.Lifecycle;
import dev.reelskit.openapi.ReelsJson;
import java.nio.charset.StandardCharsets;

/**
 * The control panel's routes under {@code /__admin/reels}: the page ({@code ui}, {@code
 * ui/panel.js}, {@code ui/panel.css}), {@code POST jobs} and {@code GET lifecycle} (the spec's job
 * states, which the page draws its state buttons from). Everything else the page does goes through
 * admin routes that exist anyway (scenarios, clock, job state, client report), so whatever a click
 * does, a script can do with curl.
 */
public final class ControlPanelAdmin implements AdminApiExtension {

  /** Stable extension name (treated as API). */
  public static final String NAME = "reels-control-panel";

  private final PanelAssets assets = new PanelAssets();
  private final JobsAdmin jobs;

  public ControlPanelAdmin(JobStore jobs) {
    this.jobs = new JobsAdmin(jobs);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(GET, "/reels/ui", (admin, event, params) -> asset("index.html"));
    router.add(GET, "/reels/ui/{file}", (admin, event, params) -> asset(params.get("file")));
    router.add(POST, "/reels/jobs", (admin, event, params) -> jobs.create(event.getRequest()));
    router.add(GET, "/reels/lifecycle", (admin, event, params) -> LIFECYCLE);
  }

  /**
   * The job lifecycle as the spec's {@code x-lifecycle} declares it, for the page: its force
   * buttons and its pin choices are these states, in this order, never a list of its own.
   */
  private static final ResponseDefinition LIFECYCLE = lifecycle(JobLifecycle.model());

  static ResponseDefinition lifecycle(Lifecycle model) {
    ObjectNode body = ReelsJson.mapper().createObjectNode();
    body.put("initial", model.initial());
    ArrayNode states = body.putArray("states");
    for (Lifecycle.State s : model.states()) {
      ObjectNode state = states.addObject().put("name", s.name()).put("terminal", s.terminal());
      s.next().stream().sorted().forEach(state.putArray("next")::add);
      s.sets().stream().sorted().forEach(state.putArray("sets")::add);
    }
    return new ResponseDefinitionBuilder()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString().getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private ResponseDefinition asset(String file) {
    return assets
        .get(file)
        .map(
            a ->
                new ResponseDefinitionBuilder()
                    .withStatus(200)
                    .withHeader("Content-Type", a.contentType())
                    .withHeader("Cache-Control", "no-store")
                    .withHeader("X-Content-Type-Options", "nosniff")
                    // Same-origin only, and never framed: the buttons change state (no
                    // clickjacking).
                    .withHeader(
                        "Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'none'")
                    .withBody(a.body())
                    .build())
        .orElseGet(
            () ->
                new ResponseDefinitionBuilder()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"no such control panel file\"}"
                            .getBytes(StandardCharsets.UTF_8))
                    .build());
  }
}
