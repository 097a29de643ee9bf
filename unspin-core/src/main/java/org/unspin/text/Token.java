package org.unspin.text;

import java.util.Objects;

/**
 * One token of an {@link AnalyzedText}, as a convenient value (the analysed text itself stores
 * tokens in parallel arrays).
 *
 * @param start UTF-16 offset of the first char in the analysed input, inclusive
 * @param end UTF-16 offset after the last char, exclusive; {@code input.substring(start, end)} is {@code text}
 * @param text the token exactly as written
 * @param norm normal form: see {@link Analyzer} (curly quotes straightened, dashes to {@code -}, NFKC)
 * @param lmForm the normal form lower-cased with ASCII digits replaced by {@code 0}; what the LM sees
 * @param casePattern capitalisation of {@code text}
 * @param type kind of token
 */
public record Token(int start, int end, String text, String norm, String lmForm, CasePattern casePattern,
    TokenType type) {
  public Token {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("need 0 <= start < end (got start=" + start + ", end=" + end + ")");
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(norm, "norm");
    Objects.requireNonNull(lmForm, "lmForm");
    Objects.requireNonNull(casePattern, "casePattern");
    Objects.requireNonNull(type, "type");
    if (text.length() != end - start) {
      throw new IllegalArgumentException("text length must equal end - start (got text='" + text + "', start="
          + start + ", end=" + end + ")");
    }
  }

  /** The numeric value of this token ({@code two}, {@code 2}, {@code 2.5}, {@code 1,000}), or NaN. */
  public double numericValue() {
    return type == TokenType.NUMBER || type.isWordLike() ? NumberWords.valueOf(norm) : Double.NaN;
  }
}
