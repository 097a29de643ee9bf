package org.unspin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.unspin.api.InputException;

/**
 * Reads a whole text input ({@code -} is standard input) as strict UTF-8. A leading byte-order mark
 * is dropped; an undecodable byte is an {@link InputException} naming the input and the byte
 * offset. Interim helper until the text package provides the shared reader.
 */
final class TextFiles {
  private TextFiles() {}

  static String read(String arg, InputStream stdin) {
    byte[] bytes;
    String name = "-".equals(arg) ? "standard input" : arg;
    try {
      bytes = "-".equals(arg) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(arg));
    } catch (NoSuchFileException e) {
      throw new InputException(name + ": no such file");
    } catch (IOException e) {
      throw new InputException(name + ": cannot read: " + e.getMessage(), e);
    }
    return decode(bytes, name);
  }

  static String decode(byte[] bytes, String name) {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      in.position(3);
    }
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = dec.decode(in, out, true);
    if (r.isError()) {
      throw new InputException(name + ": invalid UTF-8 at byte offset " + in.position());
    }
    r = dec.flush(out);
    if (r.isError()) {
      throw new InputException(name + ": invalid UTF-8 at byte offset " + in.position());
    }
    out.flip();
    return out.toString();
  }
}
