package dev.reelskit.mock.internal.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/**
 * What WireMock 3.13.2 would inflate, checked first: its request adapter un-gzips a body whose
 * {@code Content-Encoding} contains {@code gzip} or that starts with gzip's magic bytes, with no
 * bound, so a 1 MB upload can become 1 GB in its heap. The intake inflates such a body into a small
 * scratch buffer, counting, and lets it through only if it stays within the cap.
 */
final class Gunzip {

  enum Verdict {
    NOT_GZIP,
    FITS,
    TOO_LARGE,
    BROKEN
  }

  private Gunzip() {}

  static Verdict check(String contentEncoding, byte[] body, int length, long max) {
    // exactly WireMock's test (case and all): a body it would not inflate is not checked
    boolean declared = contentEncoding != null && contentEncoding.contains("gzip");
    boolean magic = length >= 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b;
    if (!declared && !magic) {
      return Verdict.NOT_GZIP;
    }
    if (length == 0) {
      return Verdict.FITS; // WireMock un-gzips an empty body to an empty one
    }
    byte[] scratch = new byte[8192];
    long total = 0;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body, 0, length))) {
      for (int n; (n = in.read(scratch)) >= 0; ) {
        total += n;
        if (total > max) {
          return Verdict.TOO_LARGE;
        }
      }
      return Verdict.FITS;
    } catch (IOException e) {
      return Verdict.BROKEN;
    }
  }
}
