package org.unspin.records;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A cheap test whether a text is English. In English prose about a third of the words are English
 * function words (the, of, and, ...). Tables, lists of figures and telegraphic briefs have few, but
 * they are English and may be spun, so a text is refused only when it also shows another language:
 * at least {@link #MIN_FOREIGN_SHARE} of its words are function words of another language written in
 * Latin script (French, German, Spanish, Italian, Portuguese, Dutch, the Scandinavian and West and
 * South Slavic languages, Turkish, Indonesian and Malay, Romanian, Hungarian, Finnish, Estonian,
 * Latvian, Lithuanian, Vietnamese, Tagalog and Swahili: the data file {@value #RESOURCE}). Words of
 * one letter are not counted for either side ("a" and "i" are English, Hungarian, Italian, Spanish,
 * Polish). A shorter text, from {@link #SHORT_MIN_WORDS} words on, is refused
 * on stronger evidence: at least {@link #SHORT_MIN_FOREIGN} such words and {@link
 * #SHORT_MIN_FOREIGN_SHARE} of its words (a headline has few function words of any language, and a
 * few English words are on the foreign lists' spelling: "die", "con"). Shorter texts pass. Whatever its
 * length, a text is refused when most of its letters, and at least {@link
 * #MIN_OTHER_SCRIPT_LETTERS}, are of another script than Latin (Chinese, Japanese or Thai write no
 * spaces, so a paragraph of them is only a handful of words). Stateless and thread-safe.
 */
public final class EnglishGuess {
  /** From this many words a text is judged by the shares below. */
  public static final int MIN_WORDS = 30;
  /** Shorter texts are never refused (for their function words). */
  public static final int SHORT_MIN_WORDS = 12;
  /**
   * Other languages' function words from which a text of {@link #SHORT_MIN_WORDS} to {@link
   * #MIN_WORDS} words is refused.
   */
  public static final int SHORT_MIN_FOREIGN = 4;
  /** Their share from which such a text is refused (other languages' prose sits at 0.25-0.45). */
  public static final double SHORT_MIN_FOREIGN_SHARE = 0.25;
  /**
   * Share of English function words from which a text is English. English news and science sit at
   * 0.30-0.45; French, German, Spanish text at 0.00-0.04 (their "a", "in", "on" collide a little).
   */
  public static final double MIN_FUNCTION_WORD_SHARE = 0.10;
  /** Share of other languages' function words from which a text without English ones is refused (they sit at 0.25-0.45). */
  public static final double MIN_FOREIGN_SHARE = 0.10;
  /**
   * Letters of another script than Latin from which a text where they are the majority is refused,
   * however few its words.
   */
  public static final int MIN_OTHER_SCRIPT_LETTERS = 12;
  /** Words read: enough to decide, and constant cost on long documents. */
  static final int SAMPLE_WORDS = 2000;

  /** The word lists' data file (its header gives the source). */
  static final String RESOURCE = "/org/unspin/records/function-words.txt";

  private static final Map<String, Set<String>> LISTS = org.unspin.util.Resources.load(EnglishGuess.class, RESOURCE,
      EnglishGuess::readLists);
  private static final Set<String> FUNCTION_WORDS = LISTS.get("english");
  private static final Set<String> FOREIGN_WORDS = LISTS.get("foreign");

  private EnglishGuess() {}

  /**
   * Parses the word-list file: lines {@code english<TAB>words} and {@code foreign<TAB>words}, both
   * required, no word on both lists.
   *
   * @throws org.unspin.api.ModelException naming {@code origin} and the line when the file is malformed
   */
  static Map<String, Set<String>> readLists(java.io.InputStream in, String origin) throws java.io.IOException {
    Map<String, Set<String>> lists = new java.util.HashMap<>();
    for (org.unspin.util.Resources.Line l : org.unspin.util.Resources.dataLines(in)) {
      String line = l.text();
      int no = l.number();
      int tab = line.indexOf('\t');
      String name = tab < 0 ? "" : line.substring(0, tab);
      if (!name.equals("english") && !name.equals("foreign")) {
        throw new org.unspin.api.ModelException(origin + ": line " + no + ": expected 'english<TAB>words' or "
            + "'foreign<TAB>words'");
      }
      if (lists.put(name, Set.copyOf(java.util.Arrays.asList(line.substring(tab + 1).strip().split(" +")))) != null) {
        throw new org.unspin.api.ModelException(origin + ": line " + no + ": a second " + name + " list");
      }
    }
    if (lists.size() != 2) {
      throw new org.unspin.api.ModelException(origin + ": needs an english and a foreign list");
    }
    for (String w : lists.get("english")) {
      if (lists.get("foreign").contains(w)) {
        throw new org.unspin.api.ModelException(origin + ": '" + w + "' is on both lists");
      }
    }
    return Map.copyOf(lists);
  }

  /** Null when the text may be English, else a one-line reason. */
  public static String problem(String text) {
    int words = 0;
    int english = 0;
    int foreign = 0;
    int letters = 0;
    int otherLetters = 0;
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
          if (c != '\'') {
            letters++;
            if (Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
              otherLetters++;
            }
          }
          w.appendCodePoint(c);
          i += Character.charCount(c);
        }
        words++;
        if (w.length() >= 2 && w.length() <= 7) { // (one letter says nothing: "a" is Hungarian's article too)
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
    if (otherLetters >= MIN_OTHER_SCRIPT_LETTERS && otherLetters * 2 > letters) {
      return String.format(Locale.ROOT, "not English (%d of %d letters in another script than Latin)", otherLetters,
          letters);
    }
    if (words < SHORT_MIN_WORDS) {
      return null;
    }
    double share = english / (double) words;
    if (share >= MIN_FUNCTION_WORD_SHARE) {
      return null;
    }
    double foreignShare = foreign / (double) words;
    boolean refused = words >= MIN_WORDS ? foreignShare >= MIN_FOREIGN_SHARE
        : foreign >= SHORT_MIN_FOREIGN && foreignShare >= SHORT_MIN_FOREIGN_SHARE;
    if (refused) {
      return String.format(Locale.ROOT, "not English (%.0f%% English function words and %.0f%% function words of "
          + "other languages in %d words)", 100 * share, 100 * foreignShare, words);
    }
    return null;
  }
}
