package dev.reelskit.mock.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.reelskit.mock.internal.jobs.Outcomes;
import dev.reelskit.openapi.ReelsJson;
import java.io.IOException;

/**
 * {@code --readings rotate} for error bodies: each error the mock itself answers under {@code /api}
 * (not a user's stub, not a {@code Prefer: code=} the client asked for) is sent in the errors
 * page's form or the overview's, picked by the request's reel code (a submission) or its path's
 * trailing number (a read), even for the errors page and odd for the overview:
 *
 * <ul>
 *   <li>errors page: 400, 404, 405 and 500 as {@code {"message": ...}}, a 404 adding {@code
 *       "status": "error"}; 401, 403 and 429 as {@code {"error": ...}};
 *   <li>overview: every error as {@code {"error": ...}}.
 * </ul>
 *
 * The text is the mock's own; {@code X-Reels-Reading} names the form. The MSW pack does the same.
 */
final class ErrorBodyReadings extends NamedExtension implements ResponseTransformerV2 {

  static final String ERRORS_PAGE = "errors-page";
  static final String OVERVIEW = "overview";

  private final ApiRequest.Views views;

  ErrorBodyReadings(ApiRequest.Views views) {
    super("reels-error-body-readings");
    this.views = views;
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    ApiRequest request = views.of(serveEvent);
    Served served = Served.from(serveEvent);
    if (response.getStatus() < 400
        || !request.isApi()
        || served == null
        || "forced".equals(served.rejection())) {
      return response;
    }
    JsonNode body;
    try {
      body = ReelsJson.mapper().readTree(response.getBody());
    } catch (IOException e) {
      return response;
    }
    String text =
        body == null
            ? null
            : body.path("error").isTextual()
                ? body.get("error").asText()
                : body.path("message").isTextual() ? body.get("message").asText() : null;
    if (text == null) {
      return response;
    }
    String form = formFor(request);
    ObjectNode out = ReelsJson.mapper().createObjectNode();
    int status = response.getStatus();
    if (form.equals(ERRORS_PAGE) && status != 401 && status != 403 && status != 429) {
      out.put("message", text);
      if (status == 404) {
        out.put("status", "error");
      }
    } else {
      out.put("error", text);
    }
    HttpHeaders headers = response.getHeaders() == null ? new HttpHeaders() : response.getHeaders();
    return Response.Builder.like(response)
        .body(out.toString())
        .headers(headers.plus(new HttpHeader(ReadingRotation.HEADER, "error body: " + form)))
        .build();
  }

  /** Even: the errors page's form; odd: the overview's. */
  static String formFor(ApiRequest request) {
    String code = "";
    if (request.method().equals("POST")) {
      try {
        JsonNode url = ReelsJson.mapper().readTree(request.request().getBody()).path("url");
        code = url.isTextual() ? Outcomes.reelCode(url.asText()) : "";
      } catch (IOException | RuntimeException e) {
        code = "";
      }
    }
    String path = request.path();
    String key = code.isEmpty() ? path.substring(path.lastIndexOf('/') + 1) : code;
    return ReadingRotation.index(key) % 2 == 0 ? ERRORS_PAGE : OVERVIEW;
  }
}
