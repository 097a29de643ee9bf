package org.unspin.util;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at LF (a CR before it, or at the end of the stream, is dropped)
 * without decoding them, holding at most {@code maxLineBytes} of a line: a longer line is read to
 * its end, flagged {@link #tooLong()} and left empty. An empty piece after the last LF is no line.
 * The readers of big line files (ARPA models, JSON Lines records) decode the bytes themselves.
 *
 * <p>Not thread-safe.
 */
public final class ByteLines implements Closeable {
  private static final int START = 256;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[START];
  private int length;
  private boolean tooLong;
  private long lineNumber;

  /**
   * Lines of {@code in} (which the caller buffers or not: reads go in blocks of 64 KiB).
   *
   * @throws IllegalArgumentException if {@code maxLineBytes} is negative
   */
  public ByteLines(InputStream in, int maxLineBytes) {
    if (maxLineBytes < 0) {
      throw new IllegalArgumentException("maxLineBytes must be >= 0 (got " + maxLineBytes + ")");
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Reads the next line; false at the end of the stream. */
  public boolean next() throws IOException {
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
        line = new byte[START]; // do not keep a huge buffer alive after a huge line
      }
      return;
    }
    if (length + n > line.length) {
      line = Arrays.copyOf(line, (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(length + n, 2L * line.length)));
    }
    System.arraycopy(buf, from, line, length, n);
    length += n;
  }

  /** 1-based number of the line last read (0 before the first). */
  public long lineNumber() {
    return lineNumber;
  }

  /** Whether the line last read was longer than the limit (it is then empty). */
  public boolean tooLong() {
    return tooLong;
  }

  /** The number of bytes of the line last read. */
  public int length() {
    return length;
  }

  /**
   * The buffer that holds the line last read in its first {@link #length()} bytes; it is reused
   * by the next call of {@link #next()}.
   */
  public byte[] buffer() {
    return line;
  }

  /** Drops the first {@code n} bytes of the line last read. */
  public void dropPrefix(int n) {
    if (n < 0 || n > length) {
      throw new IllegalArgumentException("n must be in [0, " + length + "] (got " + n + ")");
    }
    System.arraycopy(line, n, line, 0, length - n);
    length -= n;
  }

  /** The line's bytes, a copy of its own, for a line that outlives the next call of {@link #next()}. */
  public byte[] copy() {
    byte[] c = Arrays.copyOf(line, length);
    if (line.length > 1 << 20) {
      line = new byte[START];
    }
    return c;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
