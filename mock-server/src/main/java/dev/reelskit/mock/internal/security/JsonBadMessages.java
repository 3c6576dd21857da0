package dev.reelskit.mock.internal.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import wiremock.jakarta.servlet.RequestDispatcher;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.HttpFields;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers as JSON, never its HTML page with a stack trace: a request Jetty cannot
 * parse (a path with {@code %00}, an ambiguous encoding) gets {@code 400 {"error": ...}}, and so
 * does a form body WireMock cannot decode ({@code Content-Type: application/x-www-form-urlencoded}
 * with a stray {@code %}: WireMock decodes form parameters of every request before any stub or
 * filter, and its exception used to become a 500 page showing WireMock's stack, to any web page
 * that posts a form). Anything else that escapes is a 500 with a JSON body and no stack. Found by
 * {@code MockHttpFuzzTest}.
 */
final class JsonBadMessages extends ErrorHandler {

  JsonBadMessages() {
    setShowStacks(false);
    setShowServlet(false);
  }

  /**
   * Jetty writes error pages only for GET, POST and HEAD; a refusal has a body whatever the method.
   */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put("Content-Type", "application/json");
    return ByteBuffer.wrap(body("the request is not valid HTTP" + because(reason)));
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int status = response.getStatus();
    String message;
    if (status >= 500 && isUndecodableForm(failure)) {
      status = 400;
      message =
          "the body is not valid application/x-www-form-urlencoded (a % must be followed by two"
              + " hex digits of UTF-8)";
    } else {
      message = status >= 500 ? "internal error" : "request refused";
    }
    baseRequest.setHandled(true);
    response.setStatus(status);
    response.setContentType("application/json");
    byte[] bytes = body(message);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static boolean isUndecodableForm(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (StackTraceElement frame : t.getStackTrace()) {
        if (frame.getClassName().endsWith("UrlEncoded")
            || frame.getMethodName().equals("getFormParameters")) {
          return true;
        }
      }
    }
    return false;
  }

  private static String because(String reason) {
    return reason == null || !reason.matches("[A-Za-z0-9 ,.:()'-]{1,100}") ? "" : ": " + reason;
  }

  private static byte[] body(String message) {
    return ("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
  }
}
