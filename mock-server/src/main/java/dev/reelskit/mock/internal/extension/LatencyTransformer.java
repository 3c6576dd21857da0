package dev.reelskit.mock.internal.extension;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Random;

/**
 * {@code --latency realistic}: every answer under {@code /api} is held back by a lognormal draw
 * (median {@value #MEDIAN_MILLIS} ms, clamped to {@value #MIN_MILLIS}-{@value #MAX_MILLIS} ms) from
 * the mock's seed, so a UI shows its spinners and runs repeat.
 */
final class LatencyTransformer extends NamedExtension implements ResponseTransformerV2 {
  static final long MEDIAN_MILLIS = 80;
  static final long MIN_MILLIS = 20;
  static final long MAX_MILLIS = 800;
  private static final double SIGMA = 0.6;

  private final Random random;
  private final ApiRequest.Views views;

  LatencyTransformer(long seed, ApiRequest.Views views) {
    super("reels-latency");
    this.random = new Random(seed);
    this.views = views;
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    if (!views.of(serveEvent).isApi()) {
      return response;
    }
    return Response.Builder.like(response).incrementInitialDelay(nextMillis()).build();
  }

  /** The next delay; {@link Random} is thread-safe, so concurrent requests share one sequence. */
  long nextMillis() {
    double ms = Math.exp(Math.log(MEDIAN_MILLIS) + SIGMA * random.nextGaussian());
    return Math.max(MIN_MILLIS, Math.min(MAX_MILLIS, Math.round(ms)));
  }
}
