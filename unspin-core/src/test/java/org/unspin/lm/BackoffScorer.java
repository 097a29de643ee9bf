package org.unspin.lm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helper: scores words with an {@link NgramModelData} as an ARPA back-off model, straight from the definition. */
final class BackoffScorer {
  final NgramModelData model;
  /** n-gram as space-joined ids -> {log10 prob, log10 back-off (0 when absent)}. */
  final Map<String, float[]> entries = new HashMap<>();
  final List<int[]> contexts = new ArrayList<>();

  BackoffScorer(NgramModelData model) {
    this.model = model;
    for (int n = 1; n <= model.order(); n++) {
      int[] g = model.ngrams(n);
      float[] lp = model.logProb(n);
      float[] bo = model.backoff(n);
      for (int i = 0; i < model.count(n); i++) {
        int[] w = Arrays.copyOfRange(g, i * n, i * n + n);
        String k = key(w, 0, n);
        if (entries.put(k, new float[] {lp[i], bo == null ? 0f : bo[i]}) != null) {
          throw new AssertionError("duplicate n-gram " + k);
        }
        if (n < model.order()) {
          contexts.add(w);
        }
      }
    }
  }

  static String key(int[] w, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append(i == from ? "" : " ").append(w[i]);
    }
    return sb.toString();
  }

  /** log10 p(x | h) for history h (oldest first). */
  double log10(int[] h, int x) {
    int start = Math.max(0, h.length - (model.order() - 1));
    double bo = 0;
    for (int s = start; s <= h.length; s++) {
      int[] w = Arrays.copyOf(Arrays.copyOfRange(h, s, h.length), h.length - s + 1);
      w[w.length - 1] = x;
      float[] e = entries.get(key(w, 0, w.length));
      if (e != null) {
        return bo + e[0];
      }
      float[] c = s < h.length ? entries.get(key(h, s, h.length)) : null;
      if (c != null) {
        bo += c[1];
      }
    }
    throw new AssertionError("word " + x + " has no unigram");
  }

  /** Sum over every word but {@code <s>} of p(x | h). */
  double sum(int[] h) {
    double s = 0;
    for (int x = 0; x < model.words().length; x++) {
      if (x != Vocabulary.BOS) {
        s += Math.pow(10, log10(h, x));
      }
    }
    return s;
  }
}
