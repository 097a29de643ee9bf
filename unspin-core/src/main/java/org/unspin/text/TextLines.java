package org.unspin.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.util.Arrays;
import java.util.Objects;
import org.unspin.api.InputException;

/**
 * Streams a big UTF-8 text line by line in constant memory (after OpenNLP's ObjectStream: a pull
 * interface with checked IO). Lines end at LF, CRLF or a lone CR; the terminator is not part of
 * {@link Line#text()}. The checks are those of {@link TextInput}, with byte offsets counted from
 * the start of the stream: {@code NAME: invalid UTF-8 at byte offset N}, binary data (NUL bytes,
 * signatures), UTF-16 byte order marks, and {@code NAME: line L is longer than the limit of N bytes}.
 * Blank lines are returned (callers decide); an all-blank stream is not an error here. Not
 * thread-safe.
 */
public final class TextLines implements Closeable {
  /** One line: its 1-based number, the byte offset of its first byte, and its text. */
  public record Line(long number, long byteOffset, String text) {
    public Line {
      if (number < 1) {
        throw new IllegalArgumentException("number must be >= 1 (got " + number + ")");
      }
      if (byteOffset < 0) {
        throw new IllegalArgumentException("byteOffset must be >= 0 (got " + byteOffset + ")");
      }
      Objects.requireNonNull(text, "text");
    }
  }

  private final InputStream in;
  private final String name;
  private final int maxLineBytes;
  private final CharsetDecoder decoder = TextInput.newDecoder();
  private final byte[] buf = new byte[1 << 16];
  private int bufPos;
  private int bufLen;
  private long bufStartOffset; // stream offset of buf[0]
  private byte[] line = new byte[256];
  private CharBuffer chars = CharBuffer.allocate(256);
  private long lineNumber;
  private boolean started;
  private boolean eof;
  private boolean skipLf;

  /**
   * @param in the stream, closed by {@link #close()}
   * @param name named in error messages
   * @param maxLineBytes longest accepted line, {@code >= 1}
   */
  public TextLines(InputStream in, String name, int maxLineBytes) {
    this.in = Objects.requireNonNull(in, "in");
    this.name = Objects.requireNonNull(name, "name");
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be >= 1 (got " + maxLineBytes + ")");
    }
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, or null at the end of the stream. */
  public Line next() throws IOException {
    if (!started) {
      start();
    }
    int len = 0;
    long lineOffset = -1;
    while (true) {
      if (bufPos == bufLen) {
        if (eof || !fill()) {
          eof = true;
          if (lineOffset < 0) {
            return null;
          }
          return decodeLine(len, lineOffset);
        }
      }
      if (skipLf) {
        skipLf = false;
        if (buf[bufPos] == '\n') {
          bufPos++;
          continue;
        }
      }
      if (lineOffset < 0) {
        lineOffset = bufStartOffset + bufPos;
      }
      int i = bufPos;
      while (i < bufLen && buf[i] != '\n' && buf[i] != '\r' && buf[i] != 0) {
        i++;
      }
      if (i < bufLen && buf[i] == 0) {
        throw TextInput.binary(name, "NUL byte at byte offset " + (bufStartOffset + i));
      }
      int chunk = i - bufPos;
      if ((long) len + chunk > maxLineBytes) {
        throw new InputException(name + ": line " + (lineNumber + 1) + " is longer than the limit of " + maxLineBytes
            + " bytes");
      }
      if (len + chunk > line.length) {
        line = Arrays.copyOf(line, Math.max(len + chunk, Math.min(maxLineBytes, line.length * 2)));
      }
      System.arraycopy(buf, bufPos, line, len, chunk);
      len += chunk;
      bufPos = i;
      if (i < bufLen) {
        skipLf = buf[i] == '\r';
        bufPos++;
        return decodeLine(len, lineOffset);
      }
    }
  }

  private void start() throws IOException {
    started = true;
    fill();
    TextInput.checkStart(buf, bufLen, name);
    if (TextInput.hasUtf8Bom(buf, bufLen)) {
      bufPos = 3;
    }
  }

  private boolean fill() throws IOException {
    bufStartOffset += bufLen;
    bufPos = 0;
    bufLen = 0;
    int r = in.readNBytes(buf, 0, buf.length);
    bufLen = Math.max(r, 0);
    return bufLen > 0;
  }

  private Line decodeLine(int len, long offset) {
    if (chars.capacity() < len) {
      chars = CharBuffer.allocate(Math.max(len, chars.capacity() * 2));
    }
    chars.clear();
    decoder.reset();
    ByteBuffer bytes = ByteBuffer.wrap(line, 0, len);
    CoderResult r = decoder.decode(bytes, chars, true);
    if (!r.isError()) {
      r = decoder.flush(chars);
    }
    if (r.isError()) {
      throw new InputException(name + ": invalid UTF-8 at byte offset " + (offset + bytes.position()));
    }
    chars.flip();
    lineNumber++;
    return new Line(lineNumber, offset, chars.toString());
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
