// Swagger UI for the Reels API mock: the spec the mock serves, and every "Try it out" request
// sent to the mock itself, whichever server the spec lists first.
window.onload = function () {
  // The mock's control panel (jobs, clock, client report), one click from the docs.
  var panel = document.createElement("a");
  panel.id = "reels-control-panel-link";
  panel.href = "/__admin/reels/ui";
  panel.textContent = "Mock control panel \u2192";
  panel.style.cssText = "position:fixed;top:14px;right:20px;z-index:10;padding:4px 10px;"
    + "background:#fff;color:#18202e;border-radius:4px;font:600 14px sans-serif;text-decoration:none";
  document.body.appendChild(panel);
  window.ui = SwaggerUIBundle({
    url: "/docs/openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    requestInterceptor: function (request) {
      request.url = request.url.replace(/^https?:\/\/[^/]+(?=\/api\/)/, window.location.origin);
      return request;
    }
  });
};
