package org.unspin.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.unspin.lm.NgramModelData;
import org.unspin.lm.Vocabulary;

/**
 * A reproducible stand-in for running text and a model trained on it, for benchmarks that must
 * run without corpora. Words follow a Zipf law (exponent 1.07, like English); each word also has a
 * few preferred successors, so n-grams repeat the way phrases do. The model is a plain absolute
 * discounting back-off model (discount {@value #DISCOUNT}) over every n-gram of the training
 * text, up to order 4: realistic in its shape (counts per order, back-off paths), not a smoothing
 * method to copy.
 */
public final class SyntheticCorpus {
  /** Absolute discount subtracted from every n-gram count. */
  static final double DISCOUNT = 0.7;

  private final int vocab;
  private final double[] zipfCdf;
  private final int[][] successors;

  /** @param vocab number of ordinary words (ids from 3 up; 0-2 are the reserved ids) */
  public SyntheticCorpus(int vocab, long seed) {
    if (vocab < 10 || vocab > 60_000) {
      throw new IllegalArgumentException("vocab must be in [10, 60000] (got " + vocab + ")");
    }
    this.vocab = vocab;
    zipfCdf = new double[vocab];
    double sum = 0;
    for (int i = 0; i < vocab; i++) {
      sum += 1 / Math.pow(i + 1, 1.07);
      zipfCdf[i] = sum;
    }
    for (int i = 0; i < vocab; i++) {
      zipfCdf[i] /= sum;
    }
    Random rnd = new Random(seed);
    successors = new int[vocab][];
    for (int i = 0; i < vocab; i++) {
      successors[i] = new int[4];
      for (int k = 0; k < 4; k++) {
        successors[i][k] = zipf(rnd);
      }
    }
  }

  private int zipf(Random rnd) {
    int i = java.util.Arrays.binarySearch(zipfCdf, rnd.nextDouble());
    return Math.min(vocab - 1, i < 0 ? -i - 1 : i);
  }

  /**
   * Sentences of word ids (3 and up) concatenated, each ended by {@link Vocabulary#EOS}; sentences
   * have 5 to 34 words.
   */
  public int[] text(int tokens, long seed) {
    Random rnd = new Random(seed);
    int[] out = new int[tokens];
    int prev = -1;
    int left = 0;
    for (int i = 0; i < tokens; i++) {
      if (left == 0) {
        if (prev >= 0) {
          out[i] = Vocabulary.EOS;
          prev = -1;
          continue;
        }
        left = 5 + rnd.nextInt(30);
      }
      int w = prev >= 0 && rnd.nextInt(2) == 0 ? successors[prev][rnd.nextInt(4)] : zipf(rnd);
      out[i] = 3 + w;
      prev = w;
      left--;
    }
    return out;
  }

  /** The words of the vocabulary, reserved ids first. */
  public String[] words() {
    String[] w = new String[vocab + 3];
    w[0] = Vocabulary.UNK_WORD;
    w[1] = Vocabulary.BOS_WORD;
    w[2] = Vocabulary.EOS_WORD;
    for (int i = 0; i < vocab; i++) {
      w[i + 3] = "w" + i;
    }
    return w;
  }

  /** An absolute-discounting back-off model of the given order (2 to 4) over {@code text}. */
  public NgramModelData model(int[] text, int order) {
    if (order < 2 || order > 4) {
      throw new IllegalArgumentException("order must be in [2, 4] (got " + order + ")");
    }
    // Sentences start with <s>: add it before each sentence.
    int[] s = new int[text.length * 2 + 1];
    int len = 0;
    s[len++] = Vocabulary.BOS;
    for (int t : text) {
      s[len++] = t;
      if (t == Vocabulary.EOS) {
        s[len++] = Vocabulary.BOS;
      }
    }
    // counts[n]: packed n-gram (16 bits per word, oldest first) -> count.
    @SuppressWarnings("unchecked")
    Map<Long, int[]>[] counts = new HashMap[order + 1];
    for (int n = 1; n <= order; n++) {
      counts[n] = new HashMap<>();
      for (int i = 0; i + n <= len; i++) {
        long key = 0;
        boolean ok = true;
        for (int k = 0; k < n; k++) {
          int w = s[i + k];
          // <s> only first, </s> only last.
          if ((w == Vocabulary.BOS && k > 0) || (w == Vocabulary.EOS && k < n - 1)) {
            ok = false;
            break;
          }
          key = key << 16 | w;
        }
        if (ok && !(n == 1 && s[i] == Vocabulary.BOS)) {
          counts[n].computeIfAbsent(key, x -> new int[1])[0]++;
        }
      }
    }
    // Context totals and types.
    @SuppressWarnings("unchecked")
    Map<Long, long[]>[] ctx = new HashMap[order + 1];
    for (int n = 2; n <= order; n++) {
      ctx[n - 1] = new HashMap<>();
      for (Map.Entry<Long, int[]> e : counts[n].entrySet()) {
        long[] t = ctx[n - 1].computeIfAbsent(e.getKey() >>> 16, x -> new long[2]);
        t[0] += e.getValue()[0];
        t[1]++;
      }
    }
    long total = 0;
    for (int[] c : counts[1].values()) {
      total += c[0];
    }
    String[] words = words();
    int[][] g = new int[order][];
    float[][] p = new float[order][];
    float[][] b = new float[order][];
    for (int n = 1; n <= order; n++) {
      int extra = n == 1 ? 2 : 0; // <unk> and <s> unigrams
      int c = counts[n].size() + extra;
      g[n - 1] = new int[c * n];
      p[n - 1] = new float[c];
      b[n - 1] = n == order ? null : new float[c];
      int i = 0;
      if (n == 1) {
        g[0][i] = Vocabulary.UNK;
        p[0][i++] = -7f;
        g[0][i] = Vocabulary.BOS;
        p[0][i] = -99f;
        long[] t = ctx[1].get((long) Vocabulary.BOS);
        b[0][i++] = t == null ? 0f : (float) Math.log10(DISCOUNT * t[1] / t[0]);
      }
      for (Map.Entry<Long, int[]> e : counts[n].entrySet()) {
        long key = e.getKey();
        for (int k = n - 1; k >= 0; k--) {
          g[n - 1][i * n + k] = (int) (key & 0xFFFF);
          key >>>= 16;
        }
        double cnt = e.getValue()[0];
        double prob;
        if (n == 1) {
          prob = cnt / total;
        } else {
          long[] t = ctx[n - 1].get(e.getKey() >>> 16);
          prob = (cnt - DISCOUNT) / t[0];
        }
        p[n - 1][i] = (float) Math.log10(prob);
        if (n < order) {
          long[] t = ctx[n].get(e.getKey());
          b[n - 1][i] = t == null ? 0f : (float) Math.log10(DISCOUNT * t[1] / t[0]);
        }
        i++;
      }
    }
    return new NgramModelData(words, g, p, b, Map.of("sources", "synthetic Zipf corpus",
        "smoothing", "absolute discounting " + DISCOUNT + " (benchmark only)"));
  }
}
