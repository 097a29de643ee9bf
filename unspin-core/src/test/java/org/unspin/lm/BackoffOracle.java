package org.unspin.lm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Brute-force ARPA back-off scorer over a HashMap, the oracle the binary model is compared with:
 * p(w | h) = p(h w) if present, else bo(h) + p(w | h minus its oldest word); a word without a
 * unigram scores the floor.
 */
final class BackoffOracle {
  private final Map<String, float[]> entries = new HashMap<>();
  private final int order;

  BackoffOracle(NgramModelData data) {
    order = data.order();
    for (int n = 1; n <= order; n++) {
      int[] g = data.ngrams(n);
      float[] b = data.backoff(n);
      for (int i = 0; i < data.count(n); i++) {
        entries.put(key(g, i * n, n), new float[] {data.logProb(n)[i], b == null ? 0f : b[i]});
      }
    }
  }

  private static String key(int[] a, int off, int n) {
    return Arrays.toString(Arrays.copyOfRange(a, off, off + n));
  }

  /** {score, matched order} with matched 0 for UNK or a word without unigram. */
  double[] query(int[] context, int word) {
    int h = Math.min(context.length, order - 1);
    int[] hist = Arrays.copyOfRange(context, context.length - h, context.length);
    return score(hist, word, word);
  }

  private double[] score(int[] hist, int word, int original) {
    int[] full = Arrays.copyOf(hist, hist.length + 1);
    full[hist.length] = word;
    float[] e = entries.get(key(full, 0, full.length));
    if (e != null) {
      return new double[] {e[0], original == Vocabulary.UNK ? 0 : full.length};
    }
    if (hist.length == 0) {
      return new double[] {LmFormat.UNK_FLOOR, 0};
    }
    float[] c = entries.get(key(hist, 0, hist.length));
    double bo = c == null ? 0 : c[1];
    double[] lower = score(Arrays.copyOfRange(hist, 1, hist.length), word, original);
    return new double[] {bo + lower[0], lower[1]};
  }
}
