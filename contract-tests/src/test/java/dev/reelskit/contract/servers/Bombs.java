package dev.reelskit.contract.servers;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Checksum;
import java.util.zip.Deflater;

/** Payloads small on the wire and large, deep or costly once read; built once per JVM. */
final class Bombs {

  private static byte[] deflate;
  private static byte[] gzip;

  private Bombs() {}

  /** {@link HostileServer#BOMB_DECODED} bytes of JSON whitespace, zlib-deflated: about 1 MB. */
  static synchronized byte[] deflate() {
    if (deflate == null) {
      Adler32 check = new Adler32();
      ByteArrayOutputStream wire = new ByteArrayOutputStream();
      wire.writeBytes(new byte[] {0x78, (byte) 0xda}); // zlib header, best compression
      spaces(wire, check);
      writeInt(wire, (int) check.getValue(), true);
      deflate = wire.toByteArray();
    }
    return deflate;
  }

  /** The same, gzip-framed. */
  static synchronized byte[] gzip() {
    if (gzip == null) {
      CRC32 check = new CRC32();
      ByteArrayOutputStream wire = new ByteArrayOutputStream();
      wire.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
      spaces(wire, check);
      writeInt(wire, (int) check.getValue(), false);
      writeInt(wire, (int) HostileServer.BOMB_DECODED, false);
      gzip = wire.toByteArray();
    }
    return gzip;
  }

  /**
   * Raw deflate blocks for the whole payload. Deflating a gigabyte takes 10-20 s here, so only two
   * megabytes are: each megabyte after the first, sync-flushed, compresses to the same bytes (the
   * window behind it is all spaces either way), and those bytes are repeated. A final empty block
   * ends the stream; the checksum is computed over the real payload, so the stream is valid.
   */
  private static void spaces(ByteArrayOutputStream wire, Checksum check) {
    byte[] chunk = new byte[1024 * 1024];
    Arrays.fill(chunk, (byte) ' ');
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] first = deflated(deflater, chunk);
    byte[] next = deflated(deflater, chunk);
    if (!Arrays.equals(next, deflated(deflater, chunk))) {
      throw new IllegalStateException("sync-flushed blocks of spaces differ; the bomb is invalid");
    }
    deflater.end();
    wire.writeBytes(first);
    long chunks = HostileServer.BOMB_DECODED / chunk.length;
    for (long i = 1; i < chunks; i++) {
      wire.writeBytes(next);
    }
    for (long i = 0; i < chunks; i++) {
      check.update(chunk, 0, chunk.length);
    }
    wire.writeBytes(new byte[] {3, 0}); // BFINAL, fixed Huffman, end of block
  }

  private static byte[] deflated(Deflater deflater, byte[] input) {
    deflater.setInput(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static void writeInt(ByteArrayOutputStream out, int value, boolean bigEndian) {
    for (int i = 0; i < 4; i++) {
      int shift = bigEndian ? 24 - 8 * i : 8 * i;
      out.write((value >>> shift) & 0xff);
    }
  }

  /** {@code length} letters, different for every {@code seed}. */
  static String letters(int length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    char[] text = new char[length];
    for (int i = 0; i < length; i++) {
      text[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(text);
  }

  /**
   * A result of the documented shape whose arrays hold about 900,000 items of the wrong type (1.8
   * MB): each one a schema violation, each key moment one failing {@code oneOf} of two branches.
   */
  static String wrongTypedResult() {
    return "{\"summary\":\"s\",\"visual\":{\"description\":\"d\",\"setting\":\"s\",\"subjects\":["
        + "1,".repeat(300_000)
        + "1],\"text_on_screen\":[]},\"audio\":{\"transcript\":\"\",\"language\":\"en\","
        + "\"has_music\":false},\"content\":{\"topics\":[],\"hooks\":\"h\",\"key_moments\":["
        + "[],".repeat(400_000)
        + "[]]},\"metadata\":{\"format\":\"f\",\"sentiment\":\"s\",\"target_audience\":\"t\"},"
        + "\"platform_meta\":null}";
  }
}
