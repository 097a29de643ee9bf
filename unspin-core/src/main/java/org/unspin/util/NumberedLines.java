package org.unspin.util;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.function.BiFunction;

/**
 * The lines of a small text data file with their 1-based numbers, for readers that report bad bytes
 * as {@code source:N: not valid UTF-8} with an exception of their own kind (a bad model file, a bad
 * input). Not thread-safe.
 */
public final class NumberedLines {
  private final BufferedReader reader;
  private final String source;
  private final BiFunction<String, Throwable, ? extends RuntimeException> badBytes;
  private int number;

  /**
   * Lines of {@code reader}; {@code source} names it in messages and {@code badBytes} makes the
   * exception (from the message and the decoder's) for a line that is not UTF-8.
   */
  public NumberedLines(Reader reader, String source,
      BiFunction<String, Throwable, ? extends RuntimeException> badBytes) {
    this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    this.source = source;
    this.badBytes = badBytes;
  }

  /** Lines of {@code in} decoded as strict UTF-8 ({@link Utf8#strictDecoder()}). */
  public NumberedLines(InputStream in, String source,
      BiFunction<String, Throwable, ? extends RuntimeException> badBytes) {
    this(new InputStreamReader(in, Utf8.strictDecoder()), source, badBytes);
  }

  /**
   * The next line without its terminator, or null at the end.
   *
   * @throws RuntimeException from {@code badBytes} when the next line is not UTF-8
   */
  public String next() throws IOException {
    String line;
    try {
      line = reader.readLine();
    } catch (CharacterCodingException e) {
      throw badBytes.apply(source + ":" + (number + 1) + ": not valid UTF-8", e);
    }
    if (line != null) {
      number++;
    }
    return line;
  }

  /** The 1-based number of the line last returned (0 before the first). */
  public int number() {
    return number;
  }
}
