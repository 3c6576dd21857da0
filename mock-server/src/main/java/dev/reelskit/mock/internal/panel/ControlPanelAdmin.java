package dev.reelskit.mock.internal.panel;

import static com.github.tomakehurst.wiremock.http.RequestMethod.GET;
import static com.github.tomakehurst.wiremock.http.RequestMethod.POST;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.reelskit.mock.internal.jobs.JobStore;
import java.nio.charset.StandardCharsets;

/**
 * The control panel's routes under {@code /__admin/reels}: the page ({@code ui}, {@code
 * ui/panel.js}, {@code ui/panel.css}) and {@code POST jobs}. Everything else the page does goes
 * through admin routes that exist anyway (scenarios, clock, job state, client report), so whatever
 * a click does, a script can do with curl.
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
