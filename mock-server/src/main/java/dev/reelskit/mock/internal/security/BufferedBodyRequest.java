package dev.reelskit.mock.internal.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import wiremock.jakarta.servlet.ReadListener;
import wiremock.jakarta.servlet.ServletInputStream;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request as WireMock reads it once the intake has its body: the body comes from memory, so no
 * request thread ever waits on a peer's upload. An empty body stands in for one never read.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

  private final byte[] body;
  private final int length;

  BufferedBodyRequest(HttpServletRequest request, byte[] body, int length) {
    super(request);
    this.body = body;
    this.length = length;
  }

  static BufferedBodyRequest unread(HttpServletRequest request) {
    return new BufferedBodyRequest(request, new byte[0], 0);
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body, 0, length);
    return new ServletInputStream() {
      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        try {
          listener.onDataAvailable();
          listener.onAllDataRead();
        } catch (java.io.IOException e) {
          listener.onError(e);
        }
      }

      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    String encoding = getCharacterEncoding();
    Charset charset =
        encoding == null || !Charset.isSupported(encoding)
            ? StandardCharsets.UTF_8
            : Charset.forName(encoding);
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }
}
