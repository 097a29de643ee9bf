package org.unspin.lm;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A finished back-off model held in memory, order by order: what the builder estimates and what the
 * ARPA reader parses, before {@code BinaryLmWriter} compacts it. Entries within an order may come
 * in any sequence; the writer sorts them.
 *
 * <p>Layout: {@code ngrams[n - 1]} holds {@code count(n) * n} word ids, each n-gram oldest word
 * first; {@code logProb[n - 1][i]} and {@code backoff[n - 1][i]} are its log10 probability and
 * log10 back-off weight ({@code backoff[order - 1]} is {@code null}: the top order has none).
 *
 * @lucene.internal this is a hand-over structure between builder, ARPA reader and writer.
 */
public final class NgramModelData {
  private final String[] words;
  private final int order;
  private final int[][] ngrams;
  private final float[][] logProb;
  private final float[][] backoff;
  private final Map<String, String> metadata;

  /**
   * @param words the vocabulary in id order; ids 0, 1, 2 must be {@code <unk>}, {@code <s>},
   *     {@code </s>}
   * @param metadata free-form provenance (sources, build command, smoothing) stored in the model
   */
  public NgramModelData(String[] words, int[][] ngrams, float[][] logProb, float[][] backoff,
      Map<String, String> metadata) {
    this.words = Objects.requireNonNull(words, "words");
    this.order = ngrams.length;
    if (order < 1) {
      throw new IllegalArgumentException("order must be >= 1 (got " + order + ")");
    }
    if (words.length < 3 || !Vocabulary.UNK_WORD.equals(words[0]) || !Vocabulary.BOS_WORD.equals(words[1])
        || !Vocabulary.EOS_WORD.equals(words[2])) {
      throw new IllegalArgumentException("words must start with <unk>, <s>, </s> (got "
          + Arrays.toString(Arrays.copyOf(words, Math.min(3, words.length))) + ")");
    }
    if (logProb.length != order || backoff.length != order) {
      throw new IllegalArgumentException("logProb and backoff need one array per order (order " + order + ")");
    }
    for (int n = 1; n <= order; n++) {
      int count = ngrams[n - 1].length / n;
      if (ngrams[n - 1].length != count * n) {
        throw new IllegalArgumentException("ngrams[" + (n - 1) + "] length " + ngrams[n - 1].length
            + " is not a multiple of " + n);
      }
      if (logProb[n - 1].length != count) {
        throw new IllegalArgumentException("logProb[" + (n - 1) + "] has " + logProb[n - 1].length
            + " entries for " + count + " n-grams");
      }
      if (n < order && backoff[n - 1].length != count) {
        throw new IllegalArgumentException("backoff[" + (n - 1) + "] has " + backoff[n - 1].length
            + " entries for " + count + " n-grams");
      }
    }
    this.ngrams = ngrams;
    this.logProb = logProb;
    this.backoff = backoff;
    this.metadata = new LinkedHashMap<>(metadata);
  }

  public String[] words() {
    return words;
  }

  public int order() {
    return order;
  }

  /** Number of n-grams of order {@code n} (1-based). */
  public int count(int n) {
    return ngrams[n - 1].length / n;
  }

  public int[] ngrams(int n) {
    return ngrams[n - 1];
  }

  public float[] logProb(int n) {
    return logProb[n - 1];
  }

  /** Back-off weights of order {@code n}, or {@code null} for the top order. */
  public float[] backoff(int n) {
    return backoff[n - 1];
  }

  public Map<String, String> metadata() {
    return metadata;
  }
}
