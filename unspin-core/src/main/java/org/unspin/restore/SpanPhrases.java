package org.unspin.restore;

import java.util.List;

/** The text of a span as the generators that look phrases up by it write it. */
final class SpanPhrases {
  private SpanPhrases() {}

  /**
   * The LM forms of {@code sentence[from, from + length)} joined by single spaces, or null when one
   * of the tokens is punctuation (a phrase does not run across it).
   */
  static String lmPhrase(List<InputToken> sentence, int from, int length) {
    if (length == 1) {
      InputToken t = sentence.get(from);
      return t.kind() == TokenKind.PUNCT ? null : t.lmForm();
    }
    StringBuilder phrase = new StringBuilder();
    for (int i = from; i < from + length; i++) {
      InputToken t = sentence.get(i);
      if (t.kind() == TokenKind.PUNCT) {
        return null;
      }
      if (i > from) {
        phrase.append(' ');
      }
      phrase.append(t.lmForm());
    }
    return phrase.toString();
  }
}
