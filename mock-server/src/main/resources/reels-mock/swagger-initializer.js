// Swagger UI for the Reels API mock: the spec the mock serves, and every "Try it out" request
// sent to the mock itself, whichever server the spec lists first.
window.onload = function () {
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
