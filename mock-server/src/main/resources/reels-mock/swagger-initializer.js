// Swagger UI for the Reels API mock: the spec the mock serves, with the mock's own origin first in
// the servers list (so "Try it out" goes to this mock by default), and every "Try it out" request
// sent to the mock itself whichever server is selected (a token typed here never leaves it).
window.onload = function () {
  // The mock's control panel (jobs, clock, client report), one click from the docs: a bar of its
  // own above Swagger UI, in the page's flow, so it covers none of Swagger UI's buttons.
  var bar = document.createElement("div");
  bar.id = "reels-mock-bar";
  bar.style.cssText = "display:flex;justify-content:flex-end;gap:16px;padding:6px 20px;"
    + "background:#18202e;font:600 14px sans-serif";
  var panel = document.createElement("a");
  panel.id = "reels-control-panel-link";
  panel.href = "/__admin/reels/ui";
  panel.textContent = "Mock control panel \u2192";
  panel.style.cssText = "color:#b9d4ff;text-decoration:none";
  bar.appendChild(panel);
  document.body.insertBefore(bar, document.body.firstChild);

  var origin = window.location.origin;
  window.ui = SwaggerUIBundle({
    url: "/docs/openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    onComplete: function () {
      // The served spec lists production first; put this mock's origin before it.
      var spec = window.ui.specSelectors.specJson().toJS();
      var servers = (spec.servers || []).filter(function (s) { return s.url !== origin; });
      spec.servers = [{ url: origin, description: "This mock (Try it out goes here)" }].concat(servers);
      window.ui.specActions.updateJsonSpec(spec);
      // Swagger UI keeps the server it selected first (production): select this mock instead.
      window.ui.oas3Actions.setSelectedServer(origin);
    },
    requestInterceptor: function (request) {
      request.url = request.url.replace(/^https?:\/\/[^/]+(?=\/api\/)/, origin);
      return request;
    }
  });
};
