package org.unspin.restore;

import org.unspin.text.CasePattern;

import java.util.Objects;

/**
 * One token of the text to restore, as the decoder sees it. This is the restorer's own narrow view
 * of a token so that it does not depend on a particular analyzer: whoever analyzes the text maps
 * its tokens to this record.
 *
 * @param start UTF-16 offset of the first char in the input, inclusive
 * @param end UTF-16 offset after the last char in the input, exclusive
 * @param surface the input text at {@code [start, end)}
 * @param lmForm the word form the language model is queried with (see {@code org.unspin.text.LmText})
 * @param casePattern capitalization of the surface
 * @param kind coarse token type
 * @param name true when an analyzer marked the token as part of a proper name (spinners leave
 *     names alone, so changing it needs strong evidence)
 * @param sentenceStart true for the first token of a sentence; the decoder decodes sentence by
 *     sentence and never lets a phrase span a sentence boundary
 */
public record InputToken(int start, int end, String surface, String lmForm, CasePattern casePattern,
    TokenKind kind, boolean name, boolean sentenceStart) {
  public InputToken {
    if (start < 0) {
      throw new IllegalArgumentException("start must be >= 0 (got " + start + ")");
    }
    if (end <= start) {
      throw new IllegalArgumentException("end must be > start (got start=" + start + ", end=" + end + ")");
    }
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(lmForm, "lmForm");
    Objects.requireNonNull(casePattern, "casePattern");
    Objects.requireNonNull(kind, "kind");
    if (surface.length() != end - start) {
      throw new IllegalArgumentException("surface length " + surface.length() + " does not match [" + start
          + ", " + end + ") for surface '" + surface + "'");
    }
    if (lmForm.isEmpty()) {
      throw new IllegalArgumentException("lmForm must not be empty (surface '" + surface + "')");
    }
  }

  /** True for a hyphenated compound such as "state-of-the-art" (spinners leave them alone). */
  public boolean isCompound() {
    return kind == TokenKind.WORD && surface.indexOf('-') > 0;
  }
}
