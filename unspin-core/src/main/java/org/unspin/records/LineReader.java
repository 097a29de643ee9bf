package org.unspin.records;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import org.unspin.util.ByteLines;
import org.unspin.util.Utf8;

/**
 * Splits a byte stream into lines (LF, with a CR before it dropped) without decoding, holding at
 * most {@code maxLineBytes} of a line: a longer line is skipped to its end and flagged; a UTF-8
 * byte order mark at the start of the stream is dropped. {@link ByteLines} plus what a record
 * stream needs. Not thread-safe.
 */
final class LineReader implements Closeable {
  private final ByteLines lines;

  LineReader(InputStream in, int maxLineBytes) {
    this.lines = new ByteLines(in, maxLineBytes);
  }

  /** Reads the next line, without a UTF-8 byte order mark on the first; false at the end of the stream. */
  boolean next() throws IOException {
    if (!lines.next()) {
      return false;
    }
    byte[] line = lines.buffer();
    if (lines.lineNumber() == 1 && lines.length() >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
        && (line[2] & 0xFF) == 0xBF) {
      lines.dropPrefix(3);
    }
    return true;
  }

  /** 1-based number of the line last read. */
  long lineNumber() {
    return lines.lineNumber();
  }

  boolean tooLong() {
    return lines.tooLong();
  }

  /** Whether the line has nothing but ASCII whitespace. */
  boolean isBlank() {
    byte[] line = lines.buffer();
    for (int i = 0, length = lines.length(); i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
        return false;
      }
    }
    return true;
  }

  /** The line's bytes, a copy of its own (to be decoded, maybe on another thread, with {@link #decodeCopy}). */
  byte[] copy() {
    return lines.copy();
  }

  /**
   * A line's {@link #copy} as strict UTF-8; thread-safe.
   *
   * @throws IllegalArgumentException naming the byte offset in the line of the first bad sequence
   */
  static String decodeCopy(byte[] copy) {
    return decode(Utf8.strictDecoder(), copy, copy.length);
  }

  private static String decode(CharsetDecoder decoder, byte[] line, int length) {
    decoder.reset();
    ByteBuffer b = ByteBuffer.wrap(line, 0, length);
    CharBuffer out = CharBuffer.allocate(length);
    CoderResult r = decoder.decode(b, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      throw new IllegalArgumentException("invalid UTF-8 at byte offset " + b.position() + " of the line");
    }
    out.flip();
    return out.toString();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
