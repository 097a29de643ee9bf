package org.unspin.records;

import java.util.Locale;
import java.util.Set;

/**
 * A cheap test whether a text is English. In English prose about a third of the words are English
 * function words (the, of, and, ...). Tables, lists of figures and telegraphic briefs have few, but
 * they are English and may be spun, so a text is refused only when it also shows another language:
 * at least {@link #MIN_FOREIGN_SHARE} of its words are function words of French, German, Spanish,
 * Italian, Portuguese or Dutch, or most of its words are written in another script than Latin.
 * Texts with fewer than {@link #MIN_WORDS} words always pass. Stateless and thread-safe.
 */
public final class EnglishGuess {
  /** Shorter texts are never refused. */
  public static final int MIN_WORDS = 30;
  /**
   * Share of English function words from which a text is English. English news and science sit at
   * 0.30-0.45; French, German, Spanish text at 0.00-0.04 (their "a", "in", "on" collide a little).
   */
  public static final double MIN_FUNCTION_WORD_SHARE = 0.10;
  /** Share of other languages' function words from which a text without English ones is refused (they sit at 0.25-0.45). */
  public static final double MIN_FOREIGN_SHARE = 0.10;
  /** Words read: enough to decide, and constant cost on long documents. */
  static final int SAMPLE_WORDS = 2000;

  private static final Set<String> FUNCTION_WORDS = Set.of("the", "of", "and", "to", "a", "in", "is", "that", "for",
      "it", "as", "was", "with", "be", "by", "on", "not", "he", "i", "this", "are", "or", "his", "from", "at", "which",
      "but", "have", "an", "had", "they", "you", "were", "their", "one", "all", "we", "can", "her", "has", "there",
      "been", "if", "more", "when", "will", "would", "who", "so", "no", "she", "its", "our", "than", "these", "also",
      "into", "after", "them", "what", "about", "such", "may", "other", "only", "then", "some", "could", "any");
  // Frequent function words of other languages written in Latin script, none of them an English function word.
  private static final Set<String> FOREIGN_WORDS = Set.copyOf(java.util.List.of(
      "le", "la", "les", "des", "du", "une", "et", "est", "qui", "que", "dans", "pour", "pas", "sur", "au", "aux",
      "ce", "il", "elle", "sont", "avec", "par", "ou", "mais", "nous", "vous", "leur",
      "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "von", "zu", "ein", "eine", "sich", "auf",
      "auch", "für", "wird", "sie", "es", "im", "nach", "bei", "aus", "wie", "oder", "werden",
      "el", "los", "las", "y", "en", "por", "con", "para", "del", "se", "lo", "su", "una", "al", "más", "pero", "como",
      "di", "e", "che", "non", "per", "gli", "della", "il", "sono", "nel", "alla", "da",
      "os", "um", "uma", "não", "com", "ao", "dos", "das", "pelo", "mais",
      "het", "een", "van", "niet", "voor", "ook", "zijn", "aan", "bij", "wordt", "naar", "dat", "maar"));

  private EnglishGuess() {}

  /** Null when the text may be English, else a one-line reason. */
  public static String problem(String text) {
    int words = 0;
    int english = 0;
    int foreign = 0;
    int otherScript = 0;
    int i = 0;
    int n = text.length();
    StringBuilder w = new StringBuilder(16);
    while (i < n && words < SAMPLE_WORDS) {
      int c = text.codePointAt(i);
      if (Character.isLetter(c)) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
          otherScript++;
        }
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
        if (w.length() <= 7) {
          String lower = w.toString().toLowerCase(Locale.ROOT);
          if (FUNCTION_WORDS.contains(lower)) {
            english++;
          } else if (FOREIGN_WORDS.contains(lower)) {
            foreign++;
          }
        }
      } else {
        i += Character.charCount(c);
      }
    }
    if (words < MIN_WORDS) {
      return null;
    }
    double share = english / (double) words;
    if (share >= MIN_FUNCTION_WORD_SHARE) {
      return null;
    }
    if (otherScript * 2 > words) {
      return String.format(Locale.ROOT, "not English (%d of %d words in another script than Latin)", otherScript,
          words);
    }
    double foreignShare = foreign / (double) words;
    if (foreignShare >= MIN_FOREIGN_SHARE) {
      return String.format(Locale.ROOT, "not English (%.0f%% English and %.0f%% French, German, Spanish, Italian, "
          + "Portuguese or Dutch function words in %d words)", 100 * share, 100 * foreignShare, words);
    }
    return null;
  }
}
