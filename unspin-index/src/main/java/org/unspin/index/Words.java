package org.unspin.index;

import java.util.Arrays;
import java.util.Locale;
import org.unspin.channel.WordTokens;

/**
 * The words of a text (tokens with a letter or digit, {@link WordTokens} boundaries) with offsets,
 * lower-cased comparison keys and sentence boundaries. A sentence ends after a word followed by
 * {@code . ! ?} and at a line break (a headline, a paragraph), except a period after a word with a dot
 * inside ("U.S.") or after a one-letter word before a lower-case word; a sentence longer than {@value #MAX_SENTENCE_WORDS} words is
 * cut into pieces of that size so alignment memory stays bounded. Immutable.
 */
final class Words {
  static final int MAX_SENTENCE_WORDS = 120;

  final String text;
  final int[] start;
  final int[] end;
  final String[] key;
  /** Word index where each sentence starts, then the word count: {@code sentences + 1} entries. */
  final int[] sentence;

  private Words(String text, int[] start, int[] end, String[] key, int[] sentence) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.key = key;
    this.sentence = sentence;
  }

  static Words of(String text) {
    WordTokens t = WordTokens.of(text);
    int n = t.size();
    int[] st = new int[n];
    int[] en = new int[n];
    String[] keys = new String[n];
    int[] sent = new int[8];
    int sc = 0;
    int w = 0;
    int sentenceFirst = 0;
    for (int i = 0; i < n; i++) {
      if (t.isWord(i)) {
        if (w == sentenceFirst && (sc == 0 || sent[sc - 1] != w)) {
          sent = grow(sent, sc);
          sent[sc++] = w;
        } else if (w - sent[sc - 1] >= MAX_SENTENCE_WORDS) {
          sent = grow(sent, sc);
          sent[sc++] = w;
        }
        st[w] = t.start(i);
        en[w] = t.end(i);
        keys[w] = t.surface(i).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        w++;
      } else {
        char c = text.charAt(t.start(i));
        if (c == '!' || c == '?' || (c == '.' && !(w > 0 && abbreviation(keys[w - 1], t, text, i)))) {
          sentenceFirst = w;
        }
      }
      if (i + 1 < n && w > 0 && lineBreakBetween(text, t.end(i), t.start(i + 1))) {
        sentenceFirst = w;
      }
    }
    sent = grow(sent, sc);
    sent[sc++] = w;
    return new Words(text, Arrays.copyOf(st, w), Arrays.copyOf(en, w), Arrays.copyOf(keys, w),
        Arrays.copyOf(sent, sc));
  }

  /**
   * Whether the period (token {@code i}) after {@code key} ends an abbreviation, not a sentence: the
   * word has a dot inside ("u.s", "d.c"), or it is one letter and a lower-case word follows.
   */
  private static boolean abbreviation(String key, WordTokens t, String text, int i) {
    return key.indexOf('.') >= 0 || (key.length() == 1 && nextIsLower(t, text, i));
  }

  /** Whether the first word after token {@code i} starts with a lower-case letter. */
  private static boolean nextIsLower(WordTokens t, String text, int i) {
    for (int k = i + 1; k < t.size(); k++) {
      if (t.isWord(k)) {
        return Character.isLowerCase(text.charAt(t.start(k)));
      }
    }
    return false;
  }

  private static boolean lineBreakBetween(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      if (text.charAt(k) == '\n') {
        return true;
      }
    }
    return false;
  }

  private static int[] grow(int[] a, int size) {
    return size < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }

  int size() {
    return key.length;
  }

  int sentenceCount() {
    return sentence.length - 1;
  }
}
