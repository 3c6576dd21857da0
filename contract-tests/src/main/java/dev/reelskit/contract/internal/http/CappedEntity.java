package dev.reelskit.contract.internal.http;

import dev.reelskit.contract.internal.http.GuardedTransport.ResponseTooLarge;
import dev.reelskit.contract.internal.http.GuardedTransport.Unreadable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.apache.http.Header;
import org.apache.http.HeaderElement;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.MessageConstraintException;
import org.apache.http.entity.HttpEntityWrapper;

/**
 * A response body read under the cap: its stream fails once more than {@code max} bytes came from
 * the wire, and, when it is compressed, once more than {@code max} decoded bytes came out, so a
 * deflate bomb costs the cap, not its gigabyte. The suite decodes here, never in REST Assured,
 * which reads a whole decoded body into memory first.
 */
final class CappedEntity extends HttpEntityWrapper {

  /** The content codings the suite reads, and says it reads. */
  static final String ACCEPTED_CODINGS = "gzip, deflate";

  private final long max;
  private final String coding;
  private final Runnable atEnd;

  /**
   * @param coding the content coding to undo ({@link #coding}), or null
   * @param atEnd run when the last byte is read (it stops the exchange's deadline)
   */
  CappedEntity(HttpEntity wrapped, long max, String coding, Runnable atEnd) {
    super(wrapped);
    this.max = max;
    this.coding = coding;
    this.atEnd = atEnd;
  }

  /**
   * The one content coding to undo, or null for none; a coding the suite does not read, or codings
   * stacked on each other, make the answer unreadable.
   */
  static String coding(HttpResponse response) throws Unreadable {
    List<String> codings = new ArrayList<>();
    for (Header header : response.getHeaders("Content-Encoding")) {
      for (HeaderElement element : header.getElements()) {
        String name = element.getName().trim().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !name.equals("identity")) {
          codings.add(name);
        }
      }
    }
    if (codings.isEmpty()) {
      return null;
    }
    String shown = ServerText.cut(String.join(", ", codings), ServerText.WORD);
    if (codings.size() > 1) {
      throw new Unreadable(
          "response has stacked codings (Content-Encoding: "
              + shown
              + "); the suite decodes one ("
              + ACCEPTED_CODINGS
              + ")");
    }
    String coding = codings.get(0);
    if (!List.of("gzip", "x-gzip", "deflate").contains(coding)) {
      throw new Unreadable(
          "response has Content-Encoding: "
              + shown
              + ", which the suite does not decode (it asks for "
              + ACCEPTED_CODINGS
              + ")");
    }
    return coding;
  }

  @Override
  public InputStream getContent() throws IOException {
    InputStream wire = new Counted(super.getContent(), null, coding == null ? atEnd : null);
    if (coding == null) {
      return wire;
    }
    return new Counted(decoder(wire), coding, atEnd);
  }

  private InputStream decoder(InputStream wire) throws IOException {
    try {
      if (coding.equals("deflate")) {
        // HTTP's deflate is zlib-wrapped; some servers send the raw stream. Tell them apart by
        // the zlib header (compression method 8, header checksum a multiple of 31).
        PushbackInputStream in = new PushbackInputStream(wire, 2);
        byte[] head = in.readNBytes(2);
        in.unread(head);
        boolean zlib =
            head.length == 2
                && (head[0] & 0x0f) == 8
                && (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 == 0;
        return zlib ? new InflaterInputStream(in) : new RawInflater(in);
      }
      return new GZIPInputStream(wire);
    } catch (ZipException | EOFException e) {
      throw undecodable(e);
    }
  }

  private Unreadable undecodable(IOException e) {
    return new Unreadable(
        "response does not decode as Content-Encoding: "
            + coding
            + " ("
            + ServerText.cut(String.valueOf(e.getMessage()), ServerText.WORD)
            + ")");
  }

  @Override
  public long getContentLength() {
    return coding == null ? super.getContentLength() : -1;
  }

  @Override
  public Header getContentEncoding() {
    return null;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    try (InputStream in = getContent()) {
      in.transferTo(out);
    }
  }

  @Override
  public boolean isStreaming() {
    return true;
  }

  /** Counts what passes; past the cap it fails, and at its end it runs {@code atEof}. */
  private final class Counted extends FilterInputStream {
    private final String decodedFrom;
    private final Runnable atEof;
    private long read;

    Counted(InputStream in, String decodedFrom, Runnable atEof) {
      super(in);
      this.decodedFrom = decodedFrom;
      this.atEof = atEof;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = super.read(buffer, offset, length);
      } catch (ZipException | EOFException e) {
        if (decodedFrom == null) {
          throw e;
        }
        throw undecodable(e);
      } catch (MessageConstraintException e) {
        throw new Unreadable(
            "response's trailer passes "
                + GuardedClient.MAX_TRAILER_FIELDS
                + " fields or "
                + GuardedClient.MAX_LINE
                + " bytes a line ("
                + ServerText.cut(e.getMessage(), ServerText.WORD)
                + ")");
      }
      if (n > 0) {
        read += n;
        if (read > max) {
          throw new ResponseTooLarge(max, decodedFrom);
        }
      } else if (n < 0 && atEof != null) {
        atEof.run();
      }
      return n;
    }
  }

  /** Raw deflate (no zlib header), whose inflater is released on close. */
  private static final class RawInflater extends InflaterInputStream {
    RawInflater(InputStream in) {
      super(in, new Inflater(true));
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        inf.end();
      }
    }
  }
}
