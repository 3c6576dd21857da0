package dev.reelskit.contract.internal.http;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every request and response at DEBUG, secrets masked. Part of the one shared request spec.
 */
final class MaskingLogFilter implements Filter {

  private static final Logger LOG = LoggerFactory.getLogger("dev.reelskit.contract.internal.http");

  /** The most characters of a body a DEBUG line shows. */
  static final int DEBUG_BODY = 4096;

  private final Masker masker;

  MaskingLogFilter(Masker masker) {
    this.masker = masker;
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification responseSpec,
      FilterContext ctx) {
    if (LOG.isDebugEnabled()) {
      StringBuilder line =
          new StringBuilder("> ").append(request.getMethod()).append(' ').append(request.getURI());
      request
          .getHeaders()
          .forEach(h -> line.append(" | ").append(masker.header(h.getName(), h.getValue())));
      LOG.debug(line.toString());
    }
    Response response = ctx.next(request, responseSpec);
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "< {} {}",
          response.getStatusCode(),
          ServerText.cut(masker.text(response.getBody().asString()), DEBUG_BODY));
    }
    return response;
  }
}
