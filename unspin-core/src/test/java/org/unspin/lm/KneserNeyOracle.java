package org.unspin.lm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test oracle: interpolated modified Kneser-Ney over HashMaps of every n-gram, straight from the
 * formulas of Chen and Goodman (1998), with the conventions LmBuilder documents: adjusted counts are
 * raw counts for the top order and for n-grams starting with {@code <s>}, continuation counts
 * otherwise; the unigram level is interpolated with the uniform distribution over the vocabulary
 * without {@code <s>}; discounts fall back to (0.5, 1, 1.5) when n1, n2 or n3 is 0 or a discount
 * leaves [0, k] (KenLM's rule).
 */
final class KneserNeyOracle {
  final int order;
  final Map<List<String>, Long> raw = new HashMap<>();
  final Map<List<String>, Long> adjusted = new HashMap<>();
  final Set<String> vocab = new HashSet<>();
  final double[][] d;
  final Map<List<String>, Double> memo = new HashMap<>();

  KneserNeyOracle(int order, List<List<String>> sentences) {
    this.order = order;
    vocab.add("<unk>");
    vocab.add("<s>");
    vocab.add("</s>");
    for (List<String> sentence : sentences) {
      List<String> s = new ArrayList<>();
      s.add("<s>");
      s.addAll(sentence);
      s.add("</s>");
      vocab.addAll(s);
      for (int i = 0; i < s.size(); i++) {
        for (int j = i + 1; j <= Math.min(s.size(), i + order); j++) {
          List<String> g = List.copyOf(s.subList(i, j));
          if (!g.equals(List.of("<s>"))) {
            raw.merge(g, 1L, Long::sum);
          }
        }
      }
    }
    for (List<String> g : raw.keySet()) {
      if (g.size() == order || g.get(0).equals("<s>")) {
        adjusted.put(g, raw.get(g));
      } else {
        long left = 0;
        for (String v : vocab) {
          List<String> vg = new ArrayList<>();
          vg.add(v);
          vg.addAll(g);
          if (raw.containsKey(vg)) {
            left++;
          }
        }
        adjusted.put(g, left);
      }
    }
    d = new double[order + 1][];
    for (int n = 1; n <= order; n++) {
      long[] nk = new long[5];
      for (Map.Entry<List<String>, Long> e : adjusted.entrySet()) {
        if (e.getKey().size() == n && e.getValue() >= 1 && e.getValue() <= 4) {
          nk[e.getValue().intValue()]++;
        }
      }
      d[n] = new double[] {0, 0.5, 1.0, 1.5};
      if (nk[1] > 0 && nk[2] > 0 && nk[3] > 0) {
        double y = (double) nk[1] / (nk[1] + 2 * nk[2]);
        double d1 = 1 - 2 * y * nk[2] / nk[1];
        double d2 = 2 - 3 * y * nk[3] / nk[2];
        double d3 = 3 - 4 * y * nk[4] / nk[3];
        if (d1 >= 0 && d1 <= 1 && d2 >= 0 && d2 <= 2 && d3 >= 0 && d3 <= 3) {
          d[n] = new double[] {0, d1, d2, d3};
        }
      }
    }
  }

  double discount(int n, long a) {
    return a == 0 ? 0 : d[n][(int) Math.min(a, 3)];
  }

  /** Children statistics of context h: {sum of adjusted counts, N1, N2, N3+}. */
  double[] children(List<String> h) {
    double[] r = new double[4];
    for (Map.Entry<List<String>, Long> e : adjusted.entrySet()) {
      List<String> g = e.getKey();
      if (g.size() == h.size() + 1 && g.subList(0, h.size()).equals(h) && !g.get(g.size() - 1).equals("<s>")) {
        long a = e.getValue();
        r[0] += a;
        r[(int) Math.min(a, 3)]++;
      }
    }
    return r;
  }

  double gamma(List<String> h) {
    double[] c = children(h);
    int n = h.size() + 1;
    return c[0] == 0 ? Double.NaN : (d[n][1] * c[1] + d[n][2] * c[2] + d[n][3] * c[3]) / c[0];
  }

  /** Interpolated p(x | h), h of length < order. */
  double p(List<String> h, String x) {
    List<String> key = new ArrayList<>(h);
    key.add(x);
    Double m = memo.get(key);
    if (m != null) {
      return m;
    }
    double r;
    int n = h.size() + 1;
    long a = adjusted.getOrDefault(key, 0L);
    if (h.isEmpty()) {
      double[] c = children(h);
      double g = (d[1][1] * c[1] + d[1][2] * c[2] + d[1][3] * c[3]) / c[0];
      r = (a - discount(1, a)) / c[0] + g / (vocab.size() - 1);
    } else {
      double[] c = children(h);
      double lower = p(h.subList(1, h.size()), x);
      r = c[0] == 0 ? lower : (a - discount(n, a)) / c[0] + gamma(h) * lower;
    }
    memo.put(key, r);
    return r;
  }

  /** Every model n-gram (space-joined words) -> {log10 p, log10 back-off}. */
  Map<String, double[]> model() {
    Map<String, double[]> out = new HashMap<>();
    Set<List<String>> grams = new HashSet<>(raw.keySet());
    for (String v : vocab) {
      grams.add(List.of(v));
    }
    for (List<String> g : grams) {
      double lp = g.equals(List.of("<s>")) ? -99 : Math.log10(p(g.subList(0, g.size() - 1), g.get(g.size() - 1)));
      double bo = 0;
      if (g.size() < order) {
        double gm = gamma(g);
        bo = Double.isNaN(gm) ? 0 : Math.log10(gm);
      }
      out.put(String.join(" ", g), new double[] {lp, bo});
    }
    return out;
  }
}
