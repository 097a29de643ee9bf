package org.unspin.restore;

import org.unspin.lm.LanguageModel;
import org.unspin.lm.Vocabulary;

/**
 * Scores a replacement locally, in the context of the input as written: the log10 probability of
 * the replacement words after the input's left context, plus that of up to {@link #LOOKAHEAD}
 * following input tokens (or the sentence end). Used to pre-select candidates and context
 * proposals cheaply, once per candidate instead of once per decoder state. Not thread-safe (one
 * buffer); cheap to create.
 */
final class WindowScorer {
  /** Input tokens after the span that the window scores. */
  static final int LOOKAHEAD = 2;

  private final LanguageModel lm;
  private final int hist;
  private final int[] buf;

  WindowScorer(LanguageModel lm) {
    this.lm = lm;
    this.hist = Math.max(0, lm.order() - 1);
    this.buf = new int[hist + Candidate.MAX_SPAN + LOOKAHEAD + 1];
  }

  /**
   * log10 P of {@code words[0, count)} standing for input tokens {@code [from, from + length)} of
   * the sentence {@code ids[0, n)}, plus the following tokens of the window.
   */
  double score(int[] ids, int n, int from, int length, int[] words, int count) {
    return score(ids, n, from, length, words, count, Double.NEGATIVE_INFINITY);
  }

  /**
   * {@link #score(int[], int, int, int, int[], int)}, but stops as soon as the sum so far is below
   * {@code floor}, and then returns that sum: every term is a log-probability, at most 0, so the
   * whole window would be below {@code floor} too.
   */
  double score(int[] ids, int n, int from, int length, int[] words, int count, double floor) {
    int len = fillHistory(ids, from);
    double lp = 0;
    for (int k = 0; k < count; k++) {
      int use = Math.min(len, hist);
      lp += LanguageModel.score(lm.query(buf, len - use, use, words[k]));
      if (lp < floor) {
        return lp;
      }
      buf[len++] = words[k];
    }
    int end = from + length;
    for (int j = end; j < end + lookahead(n, end); j++) {
      int w = j < n ? ids[j] : Vocabulary.EOS;
      int use = Math.min(len, hist);
      lp += LanguageModel.score(lm.query(buf, len - use, use, w));
      if (lp < floor) {
        return lp;
      }
      buf[len++] = w;
    }
    return lp;
  }

  /**
   * How many input tokens after a replacement ending at token {@code end} of an {@code n}-token
   * sentence its window scores ({@code </s>} counting as the token at {@code n}): at least one.
   */
  static int lookahead(int n, int end) {
    return Math.min(n, end + LOOKAHEAD - 1) - end + 1;
  }

  /** The score of the input itself over the same window. */
  double identity(int[] ids, int n, int from, int length) {
    int len = fillHistory(ids, from);
    double lp = 0;
    int stop = Math.min(n, from + length + LOOKAHEAD - 1);
    for (int j = from; j <= stop; j++) {
      int w = j < n ? ids[j] : Vocabulary.EOS;
      int use = Math.min(len, hist);
      lp += LanguageModel.score(lm.query(buf, len - use, use, w));
      buf[len++] = w;
    }
    return lp;
  }

  /** Writes the (at most {@code hist}) history ids before token {@code i} into buf; returns the count. */
  private int fillHistory(int[] ids, int i) {
    if (hist == 0) {
      return 0;
    }
    if (i >= hist) {
      System.arraycopy(ids, i - hist, buf, 0, hist);
      return hist;
    }
    buf[0] = Vocabulary.BOS;
    System.arraycopy(ids, 0, buf, 1, i);
    return i + 1;
  }
}
