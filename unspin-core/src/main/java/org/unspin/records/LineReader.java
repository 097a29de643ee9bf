package org.unspin.records;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.util.Arrays;
import org.unspin.util.Utf8;

/**
 * Splits a byte stream into lines (LF, with a CR before it dropped) without decoding, holding at
 * most {@code maxLineBytes} of a line: a longer line is skipped to its end and flagged. Not
 * thread-safe.
 */
final class LineReader implements Closeable {
  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[256];
  private int length;
  private boolean tooLong;
  private long lineNumber;

  LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Reads the next line; false at the end of the stream. */
  boolean next() throws IOException {
    length = 0;
    tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == limit) {
        limit = in.read(buf, 0, buf.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          if (!any) {
            return false;
          }
          break;
        }
      }
      any = true;
      int start = pos;
      while (pos < limit && buf[pos] != '\n') {
        pos++;
      }
      append(start, pos);
      if (pos < limit) {
        pos++; // the LF
        break;
      }
    }
    lineNumber++;
    if (!tooLong && length > 0 && line[length - 1] == '\r') {
      length--;
    }
    if (lineNumber == 1 && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
        && (line[2] & 0xFF) == 0xBF) {
      System.arraycopy(line, 3, line, 0, length - 3);
      length -= 3;
    }
    return true;
  }

  private void append(int from, int to) {
    int n = to - from;
    if (tooLong || n == 0) {
      return;
    }
    if ((long) length + n > maxLineBytes) {
      tooLong = true;
      length = 0;
      if (line.length > 1 << 16) {
        line = new byte[256]; // do not keep a huge buffer alive after a huge line
      }
      return;
    }
    if (length + n > line.length) {
      line = Arrays.copyOf(line, (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(length + n, 2L * line.length)));
    }
    System.arraycopy(buf, from, line, length, n);
    length += n;
  }

  /** 1-based number of the line last read. */
  long lineNumber() {
    return lineNumber;
  }

  boolean tooLong() {
    return tooLong;
  }

  /** Whether the line has nothing but ASCII whitespace. */
  boolean isBlank() {
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
        return false;
      }
    }
    return true;
  }

  /** The line's bytes, a copy of its own (to be decoded, maybe on another thread, with {@link #decodeCopy}). */
  byte[] copy() {
    byte[] c = Arrays.copyOf(line, length);
    if (line.length > 1 << 20) {
      line = new byte[256];
    }
    return c;
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
    in.close();
  }
}
