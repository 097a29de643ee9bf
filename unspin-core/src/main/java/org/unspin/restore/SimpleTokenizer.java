package org.unspin.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A dependency-free tokenizer that produces {@link InputToken}s with the same word forms as
 * {@code org.unspin.text.LmText}: runs of letters and digits (with inner apostrophes, hyphens and
 * dots) lower-cased, digits mapped to {@code 0}; every other non-space char is a punctuation token.
 * A sentence starts at the first token, after {@code . ! ?} and after a line break. It marks no
 * names (it has no name recognizer); the analyzer's adapter does better.
 *
 * <p>Stateless and thread-safe.
 */
public final class SimpleTokenizer {
  private SimpleTokenizer() {}

  /** The tokens of {@code text}. */
  public static List<InputToken> tokenize(String text) {
    List<InputToken> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    boolean sentenceStart = true;
    StringBuilder sb = new StringBuilder();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (c == '\n' || c == '\r') {
          sentenceStart = true;
        }
        i++;
        continue;
      }
      int start = i;
      if (Character.isLetterOrDigit(c)) {
        sb.setLength(0);
        boolean letters = false;
        boolean digits = false;
        while (i < n) {
          char d = text.charAt(i);
          if (Character.isLetterOrDigit(d)) {
            if (d >= '0' && d <= '9') {
              digits = true;
              sb.append('0');
            } else {
              letters |= Character.isLetter(d);
              digits |= Character.isDigit(d);
              sb.append(d);
            }
            i++;
          } else if ((d == '\'' || d == '-' || d == '.') && i + 1 < n
              && Character.isLetterOrDigit(text.charAt(i + 1))) {
            sb.append(d);
            i++;
          } else {
            break;
          }
        }
        String surface = text.substring(start, i);
        TokenKind kind = letters && !digits ? TokenKind.WORD : (!letters ? TokenKind.NUMBER : TokenKind.OTHER);
        out.add(new InputToken(start, i, surface, sb.toString().toLowerCase(Locale.ROOT), CasePattern.of(surface),
            kind, false, sentenceStart));
        sentenceStart = false;
      } else {
        int len = Character.charCount(text.codePointAt(i));
        i += len;
        String surface = text.substring(start, i);
        out.add(new InputToken(start, i, surface, surface, CasePattern.NONE, TokenKind.PUNCT, false, sentenceStart));
        sentenceStart = c == '.' || c == '!' || c == '?';
      }
    }
    return out;
  }
}
