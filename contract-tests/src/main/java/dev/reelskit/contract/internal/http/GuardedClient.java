package dev.reelskit.contract.internal.http;

import java.io.IOException;
import org.apache.http.HttpClientConnection;
import org.apache.http.HttpException;
import org.apache.http.HttpMessage;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.ProtocolException;
import org.apache.http.config.MessageConstraints;
import org.apache.http.conn.ClientConnectionManager;
import org.apache.http.conn.ClientConnectionOperator;
import org.apache.http.conn.OperatedClientConnection;
import org.apache.http.conn.scheme.SchemeRegistry;
import org.apache.http.entity.BasicHttpEntity;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.conn.BasicClientConnectionManager;
import org.apache.http.impl.conn.DefaultClientConnection;
import org.apache.http.impl.conn.DefaultClientConnectionOperator;
import org.apache.http.impl.conn.SchemeRegistryFactory;
import org.apache.http.impl.entity.EntityDeserializer;
import org.apache.http.impl.entity.LaxContentLengthStrategy;
import org.apache.http.impl.io.ChunkedInputStream;
import org.apache.http.io.SessionInputBuffer;
import org.apache.http.protocol.HttpContext;
import org.apache.http.protocol.HttpRequestExecutor;

/**
 * The HttpClient REST Assured gets for one exchange, with the two limits HttpClient's old client
 * lacks: an answer may follow at most {@value #MAX_INTERIM_ANSWERS} interim (1xx) answers (its loop
 * takes them for ever), and a chunked body may end with at most {@value #MAX_TRAILER_FIELDS}
 * trailer fields of at most {@value #MAX_LINE} bytes (its connection reads a trailer without any
 * limit, so a server that never ends one grows the heap until the deadline).
 */
final class GuardedClient extends DefaultHttpClient {

  /** Interim (1xx) answers accepted before the real one; HTTP needs one at most here. */
  static final int MAX_INTERIM_ANSWERS = 10;

  /** Fields of a chunked body's trailer, as for the header. */
  static final int MAX_TRAILER_FIELDS = 200;

  /** The longest line of a trailer, as of the header. */
  static final int MAX_LINE = 16 * 1024;

  @Override
  protected ClientConnectionManager createClientConnectionManager() {
    return new BasicClientConnectionManager(SchemeRegistryFactory.createDefault()) {
      @Override
      protected ClientConnectionOperator createConnectionOperator(SchemeRegistry schemes) {
        return new DefaultClientConnectionOperator(schemes) {
          @Override
          public OperatedClientConnection createConnection() {
            return new DefaultClientConnection() {
              @Override
              protected EntityDeserializer createEntityDeserializer() {
                return new BoundedTrailers();
              }
            };
          }
        };
      }
    };
  }

  @Override
  protected HttpRequestExecutor createRequestExecutor() {
    return new HttpRequestExecutor() {
      @Override
      protected HttpResponse doReceiveResponse(
          HttpRequest request, HttpClientConnection conn, HttpContext context)
          throws HttpException, IOException {
        // As HttpRequestExecutor does, with a count.
        for (int interim = 0; ; interim++) {
          if (interim > MAX_INTERIM_ANSWERS) {
            throw new GuardedTransport.Unreadable(
                "response came after more than "
                    + MAX_INTERIM_ANSWERS
                    + " interim (1xx) answers; the suite reads at most "
                    + MAX_INTERIM_ANSWERS);
          }
          HttpResponse response = conn.receiveResponseHeader();
          int status = response.getStatusLine().getStatusCode();
          if (status < 100) {
            throw new ProtocolException(
                "Invalid response: "
                    + ServerText.cut(response.getStatusLine().toString(), ServerText.WORD));
          }
          if (canResponseHaveBody(request, response)) {
            conn.receiveResponseEntity(response);
          }
          if (status >= 200) {
            return response;
          }
        }
      }
    };
  }

  /** HttpClient's body reader, with limits on a chunked body's trailer. */
  private static final class BoundedTrailers extends EntityDeserializer {
    BoundedTrailers() {
      super(new LaxContentLengthStrategy());
    }

    @Override
    protected BasicHttpEntity doDeserialize(SessionInputBuffer in, HttpMessage message)
        throws HttpException, IOException {
      BasicHttpEntity entity = super.doDeserialize(in, message);
      if (entity.isChunked()) {
        // The chunked stream super made has read nothing yet: replace it with a bounded one.
        entity.setContent(
            new ChunkedInputStream(
                in,
                MessageConstraints.custom()
                    .setMaxHeaderCount(MAX_TRAILER_FIELDS)
                    .setMaxLineLength(MAX_LINE)
                    .build()));
      }
      return entity;
    }
  }
}
