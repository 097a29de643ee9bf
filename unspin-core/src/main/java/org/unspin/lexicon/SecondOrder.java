package org.unspin.lexicon;

/**
 * Synonyms of synonyms: for a surface lemma {@code s}, the phrases {@code o} two edges away in a
 * view ({@code s - x - o}, edges read in either direction) that are not neighbours of {@code s}
 * themselves, ranked by the evidence of the paths and by their prior as originals. They are the
 * candidates for an unknown spinner whose dictionary lists an edge {@code o -> s} the lexicon lacks
 * (docs/evaluation-lexicon.md: 98% of such misses are two hops away).
 *
 * <p>Evidence: each intermediate {@code x} adds {@code 1 / log2(2 + degree(x))}, its degree
 * counting its edges in the view both ways (a hub such as "make" says little; Adamic and Adar 2003). A second-order original's cost, in {@link
 * Lexicon#prior} buckets, is its cost as the original of a random-choice spinner (frequency class
 * plus log2 of its fan-out in the view) less {@link #EVIDENCE_WEIGHT} bits per doubling of the evidence, plus
 * {@link #PENALTY}; the {@code max} cheapest are kept per surface lemma. Computed on first use per
 * surface lemma (about one edge visit per path) and cached, or read from a {@link SecondOrderTable}
 * (the default lexicon's full view); benign races. Thread-safe.
 */
final class SecondOrder {
  /** Bits of cost removed per doubling of the path evidence. */
  static final double EVIDENCE_WEIGHT = 2;
  /**
   * Extra cost in buckets (10 bits) of a second-order candidate over a direct one of the same prior;
   * tuned on the dev split: 8, 16, 24 gave known-spinner recall 91.0, 92.1, 93.7% and unknown-spinner
   * recall 76.6, 76.6, 74.5% at the limit of 30.
   */
  static final int PENALTY = 20;
  /** Least evidence for a second-order candidate (one path through an intermediate of degree 2 gives 0.5). */
  static final double MIN_EVIDENCE = 0.3;

  /** The kept second-order originals of one surface lemma, cheapest first. */
  static final class Entry {
    static final Entry EMPTY = new Entry(new int[0], new int[0], new int[0]);
    /** Original phrase ids. */
    final int[] original;
    /** The edge between the original and the intermediate of its first path (its relation, rank and sense). */
    final int[] edge;
    /** Costs in prior buckets, non-decreasing. */
    final int[] cost;

    Entry(int[] original, int[] edge, int[] cost) {
      this.original = original;
      this.edge = edge;
      this.cost = cost;
    }
  }

  private final LexiconDictionary view;
  private final Lexicon lex;
  private final int max;
  private final Entry[] cache;
  /** Whether the view accepts every edge of the lexicon (no per-edge test needed). */
  private final boolean all;
  /** Per phrase: the weight {@code 1 / log2(2 + degree)} of a path through it, degree in the view both ways. */
  private final float[] weight;
  /** Per phrase: {@code freqClass + log2(max(1, fanOut))}, its cost in bits before the evidence. */
  private final double[] base;
  /** Precomputed entries of this view, if any ({@link SecondOrderTable}). */
  private volatile SecondOrderTable table;

  SecondOrder(LexiconDictionary view, int max) {
    this.view = view;
    this.lex = view.lexicon();
    this.max = max;
    int n = lex.phraseCount();
    this.cache = new Entry[n];
    // degrees in the view, both directions (an edge counts at its source and at its target)
    int[] degree = new int[n];
    int accepted = 0;
    for (int p = 0; p < n; p++) {
      for (int e = lex.edgeStart(p), end = lex.edgeEnd(p); e < end; e++) {
        if (view.accepts(e)) {
          degree[p]++;
          degree[lex.edgeTarget(e)]++;
          accepted++;
        }
      }
    }
    this.all = accepted == lex.edgeCount();
    this.weight = new float[n];
    this.base = new double[n];
    for (int p = 0; p < n; p++) {
      weight[p] = (float) (1.0 / (Math.log(2 + degree[p]) / Math.log(2)));
      int fan = Math.max(1, view.fanOut(p));
      base[p] = lex.freqClass(p) + Math.log(fan) / Math.log(2);
    }
  }

  /** Originals kept per surface lemma. */
  int max() {
    return max;
  }

  /** The view this reads. */
  LexiconDictionary view() {
    return view;
  }

  /** The view's lexicon. */
  Lexicon lexicon() {
    return lex;
  }

  /** Reads entries from {@code t} (the table of this view) instead of computing them; null: compute. */
  void useTable(SecondOrderTable t) {
    table = t;
  }

  /** The second-order originals of phrase {@code s}. */
  Entry of(int s) {
    Entry e = cache[s];
    if (e == null) {
      SecondOrderTable t = table;
      e = t != null ? t.entry(s) : compute(s);
      cache[s] = e;
    }
    return e;
  }

  /**
   * Per-thread scratch space over phrase ids: {@code cell[3p]} is phrase p's stamp, {@code
   * cell[3p + 1]} its evidence (float bits), {@code cell[3p + 2]} the edge of its first path, side
   * by side so that a path touches one cache line.
   */
  private static final class Scratch {
    int[] cell = new int[0];
    int[] touched = new int[1024];
    int[] neighbours = new int[256];
    int current;

    int next(int size) {
      if (cell.length < 3 * size) {
        cell = new int[3 * size];
        current = 0;
      }
      if (++current == Integer.MAX_VALUE) {
        for (int i = 0; i < cell.length; i += 3) {
          cell[i] = 0;
        }
        current = 1;
      }
      return current;
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private Entry compute(int s) {
    Scratch w = SCRATCH.get();
    // 1. the neighbours of s (and s itself), marked with their own stamp
    int nStamp = w.next(lex.phraseCount());
    int[] cell = w.cell;
    int nn = 0;
    for (int e = lex.edgeStart(s), end = lex.edgeEnd(s); e < end; e++) {
      int x = lex.edgeTarget(e);
      if ((all || view.accepts(e)) && cell[3 * x] != nStamp) {
        cell[3 * x] = nStamp;
        nn = push(w, x, nn);
      }
    }
    for (int k = lex.reverseStart(s), end = lex.reverseEnd(s); k < end; k++) {
      int x = lex.reverseSource(k);
      if ((all || view.accepts(lex.reverseEdge(k), lex.reverseInfo(k))) && cell[3 * x] != nStamp) {
        cell[3 * x] = nStamp;
        nn = push(w, x, nn);
      }
    }
    if (nn == 0) {
      return Entry.EMPTY;
    }
    int[] neighbours = w.neighbours;
    cell[3 * s] = nStamp;
    // 2. the paths s - x - o; o outside the neighbourhood (stamp nStamp) gets a fresh stamp
    int oStamp = w.next(lex.phraseCount());
    if (oStamp == 1) { // the scratch was cleared: mark the neighbourhood again
      for (int i = 0; i < nn; i++) {
        cell[3 * neighbours[i]] = -1;
      }
      cell[3 * s] = -1;
      nStamp = -1;
    }
    int touched = 0;
    for (int i = 0; i < nn; i++) {
      int x = neighbours[i];
      // each path s - x - o weighs 1 / log2(2 + degree(x)); the first path to o names its edge
      float wx = weight[x];
      for (int e = lex.edgeStart(x), end = lex.edgeEnd(x); e < end; e++) {
        if (all || view.accepts(e)) {
          int o = lex.edgeTarget(e);
          if (cell[3 * o] != nStamp) {
            touched = add(w, o, e, wx, oStamp, touched);
          }
        }
      }
      for (int k = lex.reverseStart(x), end = lex.reverseEnd(x); k < end; k++) {
        if (all || view.accepts(lex.reverseEdge(k), lex.reverseInfo(k))) {
          int o = lex.reverseSource(k);
          if (cell[3 * o] != nStamp) {
            touched = add(w, o, lex.reverseEdge(k), wx, oStamp, touched);
          }
        }
      }
    }
    // 3. the max cheapest by cost
    int kept = 0;
    long[] best = new long[Math.min(max, touched)];
    int[] t = w.touched;
    for (int i = 0; i < touched; i++) {
      int o = t[i];
      double ev = Float.intBitsToFloat(cell[3 * o + 1]);
      if (ev < MIN_EVIDENCE) {
        continue;
      }
      double bits = base[o] - EVIDENCE_WEIGHT * Math.log(ev) / Math.log(2);
      int cost = (int) Math.max(0, Math.min(Lexicon.PRIOR_BUCKETS - 1,
          Math.round(bits * Lexicon.BUCKETS_PER_BIT) + PENALTY));
      long key = ((long) cost << 32) | o;
      if (kept < best.length) {
        best[kept++] = key;
        siftUp(best, kept - 1);
      } else if (best.length > 0 && key < best[0]) {
        best[0] = key;
        siftDown(best, kept);
      }
    }
    if (kept == 0) {
      return Entry.EMPTY;
    }
    long[] sorted = java.util.Arrays.copyOf(best, kept);
    java.util.Arrays.sort(sorted);
    int[] orig = new int[kept];
    int[] edge = new int[kept];
    int[] cost = new int[kept];
    for (int i = 0; i < kept; i++) {
      orig[i] = (int) sorted[i];
      edge[i] = cell[3 * orig[i] + 2];
      cost[i] = (int) (sorted[i] >>> 32);
    }
    return new Entry(orig, edge, cost);
  }

  private static int push(Scratch w, int x, int n) {
    if (n == w.neighbours.length) {
      w.neighbours = java.util.Arrays.copyOf(w.neighbours, n * 2);
    }
    w.neighbours[n] = x;
    return n + 1;
  }

  private static int add(Scratch w, int o, int edge, float weight, int stamp, int touched) {
    int[] cell = w.cell;
    int c = 3 * o;
    if (cell[c] != stamp) {
      cell[c] = stamp;
      cell[c + 1] = Float.floatToRawIntBits(weight);
      cell[c + 2] = edge;
      if (touched == w.touched.length) {
        w.touched = java.util.Arrays.copyOf(w.touched, touched * 2);
      }
      w.touched[touched++] = o;
    } else {
      cell[c + 1] = Float.floatToRawIntBits(Float.intBitsToFloat(cell[c + 1]) + weight);
    }
    return touched;
  }

  /** Max-heap on the key (the worst kept candidate on top). */
  private static void siftUp(long[] h, int i) {
    while (i > 0) {
      int p = (i - 1) / 2;
      if (h[p] >= h[i]) {
        return;
      }
      long t = h[p];
      h[p] = h[i];
      h[i] = t;
      i = p;
    }
  }

  private static void siftDown(long[] h, int n) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int m = i;
      if (l < n && h[l] > h[m]) {
        m = l;
      }
      if (r < n && h[r] > h[m]) {
        m = r;
      }
      if (m == i) {
        return;
      }
      long t = h[m];
      h[m] = h[i];
      h[i] = t;
      i = m;
    }
  }
}
