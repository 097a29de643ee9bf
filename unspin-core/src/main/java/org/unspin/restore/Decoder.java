package org.unspin.restore;

import java.util.Arrays;
import org.unspin.lm.LanguageModel;
import org.unspin.lm.Vocabulary;

/**
 * Finds the best path through a {@link Lattice} under score = LM log10 probability (with sentence
 * start and end) + channel log10 score, and the posterior probability of every arc.
 *
 * <p>Search: positions are visited left to right; the hypotheses reaching a position are
 * recombined by LM state (the last {@code order - 1} word ids, so recombination is exact) and the
 * best {@code beamWidth} states within {@code beamThreshold} of the best are expanded over the
 * arcs leaving the position. With an unlimited beam this is exact Viterbi. Posteriors come from forward-backward (log-sum-exp) over the same
 * recombined graph, so they are exact for an unlimited beam and an approximation otherwise.
 *
 * <p>All working memory lives in growable primitive arrays reused from sentence to sentence: no
 * objects are made per token or per hypothesis. Not thread-safe: one decoder per thread.
 *
 * @lucene.internal used by {@link Restorer}; public for tests and tools.
 */
public final class Decoder {
  private static final double LN10 = Math.log(10);

  private final LanguageModel lm;
  private final int hist; // LM state length: order - 1

  // Hypothesis entries: one per (state expanded, arc) plus the start entry.
  private int entries;
  private int[] entPrev = new int[256];
  private int[] entArc = new int[256];
  private int[] entRep = new int[256];
  private int[] entHistLen = new int[256];
  private int[] entHist;
  private double[] entScore = new double[256];
  private double[] entInc = new double[256];
  private float[] entLm = new float[256];
  private double[] alpha = new double[256];
  private double[] beta = new double[256];

  // Entries arriving at each position.
  private int[][] posList = new int[32][];
  private int[] posCount = new int[32];

  private int[] table = new int[64];
  private int[] reps = new int[64];
  private int[] group = new int[64];
  private final int[] ctx;

  // Results.
  private int tokens;
  private int pathLength;
  private int[] path = new int[32];
  private float[] pathLm = new float[32];
  private double bestScore;
  private double[] posterior = new double[64];
  private boolean hasPosteriors;

  public Decoder(LanguageModel lm) {
    this.lm = lm;
    this.hist = Math.max(0, lm.order() - 1);
    this.entHist = new int[256 * Math.max(1, hist)];
    this.ctx = new int[hist + Candidate.MAX_SPAN + 1];
  }

  public LanguageModel languageModel() {
    return lm;
  }

  /**
   * Decodes {@code lattice}.
   *
   * @param beamWidth distinct LM states kept per position ({@code Integer.MAX_VALUE} for exact search)
   * @param beamThreshold states scoring more than this (log10) below the best state at their
   *     position are dropped ({@code Double.POSITIVE_INFINITY} for exact search)
   * @param posteriors whether to run forward-backward for {@link #posterior}
   * @param posteriorScale multiplies log10 scores before forward-backward (see ChannelWeights)
   * @throws IllegalArgumentException if some position has no outgoing arc and no path exists
   */
  public void decode(Lattice lattice, int beamWidth, double beamThreshold, boolean posteriors,
      double posteriorScale) {
    if (beamWidth < 1) {
      throw new IllegalArgumentException("beamWidth must be >= 1 (got " + beamWidth + ")");
    }
    if (!(beamThreshold > 0)) {
      throw new IllegalArgumentException("beamThreshold must be > 0 (got " + beamThreshold + ")");
    }
    int n = lattice.tokens();
    tokens = n;
    entries = 0;
    if (posList.length < n + 1) {
      posList = Arrays.copyOf(posList, Math.max(n + 1, posList.length * 2));
      posCount = Arrays.copyOf(posCount, posList.length);
    }
    Arrays.fill(posCount, 0, n + 1, 0);
    int start = newEntry(-1, -1, 0, 0, 0f);
    if (hist > 0) {
      entHist[0] = Vocabulary.BOS;
      entHistLen[start] = 1;
    } else {
      entHistLen[start] = 0;
    }
    entRep[start] = start;
    addToPosition(0, start);
    pathLength = 0;
    bestScore = Double.NEGATIVE_INFINITY;
    hasPosteriors = false;
    if (n == 0) {
      bestScore = eosOnly();
      return;
    }
    for (int pos = 0; pos < n; pos++) {
      int kept = recombine(pos, beamWidth, beamThreshold);
      for (int k = 0; k < kept; k++) {
        int r = reps[k];
        for (int a = lattice.firstArc(pos); a >= 0; a = lattice.nextArc(a)) {
          expand(lattice, r, a, n);
        }
      }
    }
    int finals = recombine(n, Integer.MAX_VALUE, Double.POSITIVE_INFINITY);
    if (finals == 0) {
      throw new IllegalArgumentException("lattice of " + n + " tokens has no complete path");
    }
    int best = -1;
    for (int k = 0; k < finals; k++) {
      int r = reps[k];
      if (best < 0 || entScore[r] > entScore[best]) {
        best = r;
      }
    }
    bestScore = entScore[best];
    for (int e = best; entPrev[e] >= 0; e = entPrev[e]) {
      pathLength++;
    }
    if (path.length < pathLength) {
      path = new int[Math.max(pathLength, path.length * 2)];
      pathLm = new float[path.length];
    }
    int k = pathLength;
    for (int e = best; entPrev[e] >= 0; e = entPrev[e]) {
      k--;
      path[k] = entArc[e];
      pathLm[k] = entLm[e];
    }
    if (posteriors) {
      forwardBackward(lattice, n, finals, LN10 * posteriorScale);
      hasPosteriors = true;
    }
  }

  private double eosOnly() {
    if (hist == 0) {
      return LanguageModel.score(lm.query(ctx, 0, 0, Vocabulary.EOS));
    }
    ctx[0] = Vocabulary.BOS;
    return LanguageModel.score(lm.query(ctx, 0, 1, Vocabulary.EOS));
  }

  private void expand(Lattice lattice, int r, int a, int n) {
    int len = entHistLen[r];
    System.arraycopy(entHist, r * hist, ctx, 0, len);
    double lp = 0;
    int wc = lattice.wordCount(a);
    for (int k = 0; k < wc; k++) {
      int w = lattice.word(a, k);
      int use = Math.min(len, hist);
      lp += LanguageModel.score(lm.query(ctx, len - use, use, w));
      ctx[len++] = w;
    }
    int to = lattice.to(a);
    if (to == n) {
      int use = Math.min(len, hist);
      lp += LanguageModel.score(lm.query(ctx, len - use, use, Vocabulary.EOS));
    }
    double inc = lp + lattice.channel(a);
    int e = newEntry(r, a, entScore[r] + inc, inc, (float) lp);
    int keep = Math.min(len, hist);
    System.arraycopy(ctx, len - keep, entHist, e * hist, keep);
    entHistLen[e] = keep;
    addToPosition(to, e);
  }

  private int newEntry(int prev, int arc, double score, double inc, float lmScore) {
    if (entries == entPrev.length) {
      int cap = entries * 2;
      entPrev = Arrays.copyOf(entPrev, cap);
      entArc = Arrays.copyOf(entArc, cap);
      entRep = Arrays.copyOf(entRep, cap);
      entHistLen = Arrays.copyOf(entHistLen, cap);
      entHist = Arrays.copyOf(entHist, cap * Math.max(1, hist));
      entScore = Arrays.copyOf(entScore, cap);
      entInc = Arrays.copyOf(entInc, cap);
      entLm = Arrays.copyOf(entLm, cap);
      alpha = Arrays.copyOf(alpha, cap);
      beta = Arrays.copyOf(beta, cap);
    }
    int e = entries++;
    entPrev[e] = prev;
    entArc[e] = arc;
    entScore[e] = score;
    entInc[e] = inc;
    entLm[e] = lmScore;
    entRep[e] = -1;
    return e;
  }

  private void addToPosition(int pos, int e) {
    int[] list = posList[pos];
    int c = posCount[pos];
    if (list == null) {
      list = posList[pos] = new int[16];
    } else if (c == list.length) {
      list = posList[pos] = Arrays.copyOf(list, c * 2);
    }
    list[c] = e;
    posCount[pos] = c + 1;
  }

  /**
   * Groups the entries at {@code pos} by LM state, keeps the best {@code beam} states and sets
   * {@code entRep} (the state's best entry, or -1 when pruned). The kept states are left in
   * {@code reps[0, return)}, best first when pruning happened.
   */
  private int recombine(int pos, int beam, double threshold) {
    int count = posCount[pos];
    int[] list = posList[pos];
    int size = Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1;
    if (table.length < size) {
      table = new int[size];
    }
    Arrays.fill(table, 0, size, -1);
    int mask = size - 1;
    if (reps.length < count) {
      reps = new int[Math.max(count, reps.length * 2)];
      group = new int[reps.length];
    }
    int m = 0;
    for (int i = 0; i < count; i++) {
      int e = list[i];
      int slot = findSlot(e, mask);
      int k = table[slot];
      if (k < 0) {
        table[slot] = m;
        reps[m] = e;
        group[i] = m++;
      } else {
        group[i] = k;
        if (entScore[e] > entScore[reps[k]]) {
          reps[k] = e;
        }
      }
    }
    for (int i = 0; i < count; i++) {
      group[i] = reps[group[i]];
    }
    int kept = m;
    if (threshold != Double.POSITIVE_INFINITY && m > 1) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < m; k++) {
        max = Math.max(max, entScore[reps[k]]);
      }
      double floor = max - threshold;
      // move the states within the threshold to the front
      kept = 0;
      for (int k = 0; k < m; k++) {
        if (entScore[reps[k]] >= floor) {
          int t = reps[kept];
          reps[kept++] = reps[k];
          reps[k] = t;
        }
      }
    }
    if (kept > beam) {
      bestFirst(reps, 0, kept - 1, beam);
      kept = beam;
    }
    for (int k = 0; k < m; k++) {
      entRep[reps[k]] = k < kept ? reps[k] : -2;
    }
    for (int i = 0; i < count; i++) {
      int e = list[i];
      int r = group[i];
      if (e != r) {
        entRep[e] = entRep[r] == -2 ? -1 : r;
      }
    }
    for (int k = kept; k < m; k++) {
      entRep[reps[k]] = -1;
    }
    return kept;
  }

  /** The table slot holding the state of {@code e}, or the empty slot where it belongs. */
  private int findSlot(int e, int mask) {
    int len = entHistLen[e];
    int base = e * hist;
    int h = len;
    for (int k = 0; k < len; k++) {
      h = h * 0x9E3779B1 + entHist[base + k];
    }
    h ^= h >>> 16;
    int slot = h & mask;
    while (true) {
      int k = table[slot];
      if (k < 0 || sameState(reps[k], e)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private boolean sameState(int a, int b) {
    int len = entHistLen[a];
    if (len != entHistLen[b]) {
      return false;
    }
    int ba = a * hist;
    int bb = b * hist;
    for (int k = 0; k < len; k++) {
      if (entHist[ba + k] != entHist[bb + k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Puts the {@code k} states of {@code a[lo, hi]} with the best scores in {@code a[lo, lo + k)}, in
   * no particular order: the partitions of a descending quicksort, but only of the ranges that hold
   * both sides of the cut. A range on one side of it would only be reordered within itself, so the
   * states before the cut (ties included) are those a full sort puts there.
   */
  private void bestFirst(int[] a, int lo, int hi, int k) {
    int cut = lo + k; // the first position not kept
    while (lo < hi) {
      double pivot = entScore[a[(lo + hi) >>> 1]];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (entScore[a[i]] > pivot) {
          i++;
        }
        while (entScore[a[j]] < pivot) {
          j--;
        }
        if (i <= j) {
          int t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (lo < cut && cut <= j) {
        hi = j;
      } else if (i < cut && cut <= hi) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private void forwardBackward(Lattice lattice, int n, int finals, double c) {
    alpha[0] = 0;
    for (int pos = 1; pos <= n; pos++) {
      int[] list = posList[pos];
      int count = posCount[pos];
      for (int i = 0; i < count; i++) {
        alpha[list[i]] = Double.NEGATIVE_INFINITY;
        beta[list[i]] = Double.NEGATIVE_INFINITY;
      }
      for (int i = 0; i < count; i++) {
        int e = list[i];
        int r = entRep[e];
        if (r >= 0) {
          alpha[r] = logAdd(alpha[r], alpha[entPrev[e]] + c * entInc[e]);
        }
      }
    }
    beta[0] = Double.NEGATIVE_INFINITY;
    double logZ = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < finals; k++) {
      beta[reps[k]] = 0;
      logZ = logAdd(logZ, alpha[reps[k]]);
    }
    for (int pos = n; pos >= 1; pos--) {
      int[] list = posList[pos];
      int count = posCount[pos];
      for (int i = 0; i < count; i++) {
        int e = list[i];
        int r = entRep[e];
        if (r >= 0) {
          int p = entPrev[e];
          beta[p] = logAdd(beta[p], c * entInc[e] + beta[r]);
        }
      }
    }
    int arcs = lattice.arcs();
    if (posterior.length < arcs) {
      posterior = new double[Math.max(arcs, posterior.length * 2)];
    }
    Arrays.fill(posterior, 0, arcs, 0);
    for (int pos = 1; pos <= n; pos++) {
      int[] list = posList[pos];
      int count = posCount[pos];
      for (int i = 0; i < count; i++) {
        int e = list[i];
        int r = entRep[e];
        if (r >= 0) {
          posterior[entArc[e]] += Math.exp(alpha[entPrev[e]] + c * entInc[e] + beta[r] - logZ);
        }
      }
    }
    for (int a = 0; a < arcs; a++) {
      posterior[a] = Math.min(1, posterior[a]);
    }
  }

  private static double logAdd(double x, double y) {
    if (x == Double.NEGATIVE_INFINITY) {
      return y;
    }
    if (y == Double.NEGATIVE_INFINITY) {
      return x;
    }
    return x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
  }

  /** Score of the best path of the last decode: LM (with end of sentence) plus channel, log10. */
  public double bestScore() {
    return bestScore;
  }

  /** Number of arcs on the best path. */
  public int pathLength() {
    return pathLength;
  }

  /** The {@code k}-th arc of the best path, left to right. */
  public int pathArc(int k) {
    return path[k];
  }

  /** LM log10 score of the words of the {@code k}-th best-path arc (plus end of sentence on the last). */
  public float pathLmScore(int k) {
    return pathLm[k];
  }

  /** Posterior probability that a path uses {@code arc}; needs {@code posteriors = true}. */
  public double posterior(int arc) {
    if (!hasPosteriors) {
      throw new IllegalStateException("posteriors were not computed in the last decode");
    }
    return posterior[arc];
  }

  /** Tokens of the last decoded lattice. */
  public int tokens() {
    return tokens;
  }
}
