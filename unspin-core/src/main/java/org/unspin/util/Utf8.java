package org.unspin.util;

import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8: every reader of Unspin's inputs and data files reports bad bytes instead of replacing them. */
public final class Utf8 {
  private Utf8() {}

  /** A new UTF-8 decoder that reports malformed and unmappable input (decoders are not thread-safe). */
  public static CharsetDecoder strictDecoder() {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
