package org.unspin.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.unspin.api.InputException;

/** Strict UTF-8 reading of the files and standard input that commands are given. */
final class CliFiles {
  private CliFiles() {}

  /** The text of {@code name} ({@code -} for standard input), decoded as strict UTF-8. */
  static String readText(String name, InputStream stdin) throws IOException {
    byte[] bytes;
    if (name.equals("-")) {
      ByteArrayOutputStream bo = new ByteArrayOutputStream();
      stdin.transferTo(bo);
      bytes = bo.toByteArray();
    } else {
      try {
        bytes = Files.readAllBytes(Path.of(name));
      } catch (NoSuchFileException e) {
        throw new InputException("no such file: " + name, e);
      }
    }
    return decode(bytes, name.equals("-") ? "standard input" : name);
  }

  static String decode(byte[] bytes, String what) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      throw new InputException(what + ": not valid UTF-8", e);
    }
  }
}
