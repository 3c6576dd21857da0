package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.client.HttpClient;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;
import java.io.IOException;
import java.util.List;

/**
 * WireMock builds its two proxy clients (Apache HttpClient with a TLS context) while it starts;
 * this factory hands it clients that build themselves, with the options' own factory, on the first
 * proxied request, which most runs of the mock never make. That takes the TLS and HTTP client start
 * (a fifth of the time to the first answer) off the start path; proxying stubs work as before.
 */
final class LazyProxyClients implements HttpClientFactory {

  @Override
  public String getName() {
    return "reels-lazy-proxy-clients";
  }

  @Override
  public HttpClient buildHttpClient(
      Options options,
      boolean trustAllCertificates,
      List<String> trustedHosts,
      boolean useSystemProperties) {
    return new OnFirstUse(
        () ->
            options
                .httpClientFactory()
                .buildHttpClient(options, trustAllCertificates, trustedHosts, useSystemProperties));
  }

  private static final class OnFirstUse implements HttpClient {
    private final java.util.function.Supplier<HttpClient> build;
    private volatile HttpClient client;

    OnFirstUse(java.util.function.Supplier<HttpClient> build) {
      this.build = build;
    }

    @Override
    public Response execute(Request request) throws IOException {
      HttpClient built = client;
      if (built == null) {
        synchronized (this) {
          built = client;
          if (built == null) {
            built = build.get();
            client = built;
          }
        }
      }
      return built.execute(request);
    }
  }
}
