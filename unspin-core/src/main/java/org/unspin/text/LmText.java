package org.unspin.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * Turns running text into the word forms the language model is trained and queried on, sentence by
 * sentence. The LM form of a token is its normal form lower-cased (Locale.ROOT), with every ASCII
 * digit replaced by {@code 0}; punctuation marks are tokens of their own.
 *
 * <p>Interim implementation for the LM build: the full analyzer replaces its internals and keeps
 * this contract.
 */
public final class LmText {
  private LmText() {}

  /** Calls {@code sink} once per sentence of {@code text}. */
  public static void forEachSentence(CharSequence text, LmSentenceSink sink) {
    String[] buf = new String[64];
    int count = 0;
    int n = text.length();
    int i = 0;
    StringBuilder sb = new StringBuilder();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        sb.setLength(0);
        while (i < n) {
          char d = text.charAt(i);
          if (Character.isLetterOrDigit(d)) {
            sb.append(d >= '0' && d <= '9' ? '0' : d);
            i++;
          } else if ((d == '\'' || d == '-' || d == '.') && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))
              && sb.length() > 0) {
            sb.append(d);
            i++;
          } else {
            break;
          }
        }
        if (count == buf.length) {
          buf = Arrays.copyOf(buf, count * 2);
        }
        buf[count++] = sb.toString().toLowerCase(Locale.ROOT);
      } else {
        if (count == buf.length) {
          buf = Arrays.copyOf(buf, count * 2);
        }
        buf[count++] = String.valueOf(c);
        i++;
        if ((c == '.' || c == '!' || c == '?') && count > 0) {
          sink.sentence(buf, count);
          count = 0;
        }
      }
    }
    if (count > 0) {
      sink.sentence(buf, count);
    }
  }
}
