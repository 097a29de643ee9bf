package org.unspin.records;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Gzip recognised by its magic bytes, and one-line reasons for broken streams. */
final class Gzip {
  private static final int BUFFER = 1 << 16;

  private Gzip() {}

  /** {@code in} decompressed when it starts with the gzip magic bytes, else {@code in} buffered. */
  static InputStream maybeDecompress(InputStream in) throws IOException {
    BufferedInputStream b = new BufferedInputStream(in, BUFFER);
    b.mark(2);
    int b0 = b.read();
    int b1 = b.read();
    b.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GZIPInputStream(b, BUFFER);
    }
    return b;
  }

  /**
   * Whether {@code e} says the bytes are broken (a truncated or corrupt gzip member, a WARC or HTTP
   * head that does not parse, bytes that do not decode) rather than that reading failed (a disk or
   * network error). Broken bytes are the file's problem and become error records; a failed read is
   * the machine's and must reach the caller, which stops (a scan, with its checkpoint) or retries
   * (a Spark task) instead of losing the rest of the file.
   */
  static boolean brokenData(IOException e) {
    return e instanceof EOFException || e instanceof ZipException
        || e instanceof org.netpreserve.jwarc.ParsingException
        || e instanceof java.nio.charset.CharacterCodingException;
  }

  /** A one-line reason for an exception that ends a stream. */
  static String problem(IOException e) {
    if (e instanceof EOFException) {
      return "truncated input (unexpected end of the file or of a gzip member)";
    }
    if (e instanceof ZipException) {
      return "corrupt gzip data (" + e.getMessage() + ")";
    }
    return "cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
  }
}
