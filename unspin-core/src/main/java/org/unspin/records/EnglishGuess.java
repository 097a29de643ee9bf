package org.unspin.records;

import java.util.Locale;
import java.util.Set;

/**
 * A cheap test whether a text is English: in English prose about a third of the words are
 * function words (the, of, and, ...); in other languages written in Latin script a few percent, in
 * other scripts none. Texts with fewer than {@link #MIN_WORDS} words are given the benefit of the
 * doubt. Stateless and thread-safe.
 */
public final class EnglishGuess {
  /** Shorter texts are never refused. */
  public static final int MIN_WORDS = 30;
  /**
   * Share of function words below which a text is not English. English news and science sit at
   * 0.30-0.45; French, German, Spanish text at 0.00-0.04 (their "a", "in", "to" collide a little).
   */
  public static final double MIN_FUNCTION_WORD_SHARE = 0.10;
  /** Words read: enough to decide, and constant cost on long documents. */
  static final int SAMPLE_WORDS = 2000;

  private static final Set<String> FUNCTION_WORDS = Set.of("the", "of", "and", "to", "a", "in", "is", "that", "for",
      "it", "as", "was", "with", "be", "by", "on", "not", "he", "i", "this", "are", "or", "his", "from", "at", "which",
      "but", "have", "an", "had", "they", "you", "were", "their", "one", "all", "we", "can", "her", "has", "there",
      "been", "if", "more", "when", "will", "would", "who", "so", "no", "she", "its", "our", "than", "these", "also",
      "into", "after", "them", "what", "about", "such", "may", "other", "only", "then", "some", "could", "any");

  private EnglishGuess() {}

  /** Null when the text may be English, else a one-line reason. */
  public static String problem(String text) {
    int words = 0;
    int function = 0;
    int i = 0;
    int n = text.length();
    StringBuilder w = new StringBuilder(16);
    while (i < n && words < SAMPLE_WORDS) {
      int c = text.codePointAt(i);
      if (Character.isLetter(c)) {
        w.setLength(0);
        while (i < n) {
          c = text.codePointAt(i);
          if (!Character.isLetter(c) && c != '\'') {
            break;
          }
          w.appendCodePoint(c);
          i += Character.charCount(c);
        }
        words++;
        if (w.length() <= 5 && FUNCTION_WORDS.contains(w.toString().toLowerCase(Locale.ROOT))) {
          function++;
        }
      } else {
        i += Character.charCount(c);
      }
    }
    if (words < MIN_WORDS) {
      return null;
    }
    double share = function / (double) words;
    if (share >= MIN_FUNCTION_WORD_SHARE) {
      return null;
    }
    return String.format(Locale.ROOT, "not English (%.0f%% English function words in %d words)", 100 * share, words);
  }
}
