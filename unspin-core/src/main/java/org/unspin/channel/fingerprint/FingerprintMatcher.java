package org.unspin.channel.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches every query of a {@link FingerprintList} in one pass over a text.
 *
 * <p>All phrases of all queries (and the single words of proximity queries) are compiled into one
 * Aho-Corasick automaton over {@link TextNormalizer normalized} chars. A pass over the text collects
 * each phrase occurrence that starts and ends at a word boundary (a prefix phrase, written with a
 * trailing {@code *}, needs a boundary at its start only and is extended to the end of its word).
 * Then only the queries with at least one occurring phrase are evaluated: AND, OR and NOT over the
 * whole text, proximity as a window of words (see {@link FingerprintQuery.Near}). A true query
 * reports the occurrences of its positive leaves (for AND only the first clause, the tortured
 * phrase; the other clauses are context), each as a {@link FingerprintMatch} with UTF-16 offsets
 * into the input.
 *
 * <p>Immutable and thread-safe once built. A call allocates a small ring buffer (the longest phrase
 * decides its size), and more only when a phrase occurs.
 */
public final class FingerprintMatcher {
  private static final int ROOT = 0;
  /** DFA rows cover the chars below this (normalized text is mostly ASCII); others use the trie edges. */
  private static final int DENSE_CHARS = 128;
  /** States this close to the root get a DFA row (where a scan spends most of its time)... */
  private static final int DENSE_DEPTH = 4;
  /** ...and so do states with this many children. */
  private static final int DENSE_FANOUT = 6;

  private final List<Fingerprint> fingerprints;
  private final String[] patterns;
  private final boolean[] patternPrefix;
  /** For states with a DFA row: the row index into {@link #dense}, else -1. */
  private final int[] denseRow;
  private final int[] dense;
  private final int[] edgeStart;
  private final char[] edgeChar;
  private final int[] edgeTarget;
  private final int[] fail;
  private final int[] outLink;
  /** Like {@link #outLink}, but only through states that end a prefix pattern. */
  private final int[] prefixLink;
  /** Bit set of the states whose {@link #outLink} / {@link #prefixLink} is not -1 (small, stays in cache). */
  private final long[] hasOutput;
  private final long[] hasPrefix;
  private final int[] outStart;
  private final int[] outPatterns;
  private final int[] patFpStart;
  private final int[] patFps;
  private final Node[] compiled;
  /** Ring buffer size - 1 for {@link #match}: a power of two above the longest pattern. */
  private final int ringMask;

  /** Compiles the queries of {@code list}. */
  public FingerprintMatcher(FingerprintList list) {
    this(list.entries());
  }

  /** Compiles the given fingerprints. */
  public FingerprintMatcher(List<Fingerprint> fingerprints) {
    this.fingerprints = List.copyOf(fingerprints);
    Map<String, Integer> ids = new HashMap<>();
    List<String> pats = new ArrayList<>();
    List<Boolean> prefixes = new ArrayList<>();
    List<List<Integer>> patToFp = new ArrayList<>();
    compiled = new Node[this.fingerprints.size()];
    for (int f = 0; f < compiled.length; f++) {
      final int fp = f;
      compiled[f] = compile(this.fingerprints.get(f).parsed(), p -> {
        String key = (p.prefix() ? "*" : "=") + p.text();
        Integer id = ids.get(key);
        if (id == null) {
          id = pats.size();
          ids.put(key, id);
          pats.add(p.text());
          prefixes.add(p.prefix());
          patToFp.add(new ArrayList<>());
        }
        List<Integer> l = patToFp.get(id);
        if (l.isEmpty() || l.get(l.size() - 1) != fp) {
          l.add(fp);
        }
        return id;
      });
    }
    patterns = pats.toArray(new String[0]);
    int longest = 1;
    for (String p : patterns) {
      longest = Math.max(longest, p.length());
    }
    ringMask = Integer.highestOneBit(longest + 2) * 2 - 1;
    patternPrefix = new boolean[patterns.length];
    for (int i = 0; i < patterns.length; i++) {
      patternPrefix[i] = prefixes.get(i);
    }
    patFpStart = new int[patterns.length + 1];
    int total = 0;
    for (int i = 0; i < patterns.length; i++) {
      patFpStart[i] = total;
      total += patToFp.get(i).size();
    }
    patFpStart[patterns.length] = total;
    patFps = new int[total];
    for (int i = 0, k = 0; i < patterns.length; i++) {
      for (int fp : patToFp.get(i)) {
        patFps[k++] = fp;
      }
    }

    // trie
    Map<Long, Integer> trans = new HashMap<>();
    int states = 1;
    int[] stateOf = new int[patterns.length];
    for (int p = 0; p < patterns.length; p++) {
      int s = ROOT;
      for (char c : patterns[p].toCharArray()) {
        long key = ((long) s << 16) | c;
        Integer t = trans.get(key);
        if (t == null) {
          t = states++;
          trans.put(key, t);
        }
        s = t;
      }
      stateOf[p] = s;
    }
    // CSR edges, sorted by char within a state
    long[] keys = new long[trans.size()];
    int k = 0;
    for (long key : trans.keySet()) {
      keys[k++] = key;
    }
    Arrays.sort(keys);
    edgeStart = new int[states + 1];
    edgeChar = new char[keys.length];
    edgeTarget = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      int s = (int) (keys[i] >>> 16);
      edgeStart[s + 1]++;
      edgeChar[i] = (char) (keys[i] & 0xFFFF);
      edgeTarget[i] = trans.get(keys[i]);
    }
    for (int s = 0; s < states; s++) {
      edgeStart[s + 1] += edgeStart[s];
    }
    // outputs per state
    int[] outCount = new int[states + 1];
    for (int p = 0; p < patterns.length; p++) {
      outCount[stateOf[p] + 1]++;
    }
    outStart = new int[states + 1];
    for (int s = 0; s < states; s++) {
      outStart[s + 1] = outStart[s] + outCount[s + 1];
    }
    outPatterns = new int[patterns.length];
    int[] fill = Arrays.copyOf(outStart, states);
    for (int p = 0; p < patterns.length; p++) {
      outPatterns[fill[stateOf[p]]++] = p;
    }
    // failure links, breadth first
    fail = new int[states];
    outLink = new int[states];
    outLink[ROOT] = -1;
    prefixLink = new int[states];
    prefixLink[ROOT] = -1;
    boolean[] endsPrefix = new boolean[states];
    for (int p = 0; p < patterns.length; p++) {
      if (patternPrefix[p]) {
        endsPrefix[stateOf[p]] = true;
      }
    }
    int[] queue = new int[states];
    int head = 0;
    int tail = 0;
    for (int e = edgeStart[ROOT]; e < edgeStart[ROOT + 1]; e++) {
      int t = edgeTarget[e];
      fail[t] = ROOT;
      queue[tail++] = t;
    }
    while (head < tail) {
      int s = queue[head++];
      outLink[s] = outStart[s + 1] > outStart[s] ? s : outLink[fail[s]];
      prefixLink[s] = endsPrefix[s] ? s : prefixLink[fail[s]];
      for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
        int t = edgeTarget[e];
        char c = edgeChar[e];
        int f = fail[s];
        int g;
        while ((g = sparseStep(f, c)) < 0) {
          f = fail[f];
        }
        fail[t] = g;
        queue[tail++] = t;
      }
    }
    hasOutput = new long[(states + 63) >>> 6];
    hasPrefix = new long[(states + 63) >>> 6];
    for (int st = 1; st < states; st++) {
      if (outLink[st] > 0) {
        hasOutput[st >>> 6] |= 1L << st;
      }
      if (prefixLink[st] > 0) {
        hasPrefix[st >>> 6] |= 1L << st;
      }
    }
    // full DFA rows (failure transitions resolved) for the root, shallow states and wide states
    int[] depth = new int[states];
    denseRow = new int[states];
    Arrays.fill(denseRow, -1);
    denseRow[ROOT] = 0;
    int rows = 1;
    for (int q = 0; q < tail; q++) {
      int st = queue[q];
      for (int e = edgeStart[st]; e < edgeStart[st + 1]; e++) {
        depth[edgeTarget[e]] = depth[st] + 1;
      }
    }
    for (int e = edgeStart[ROOT]; e < edgeStart[ROOT + 1]; e++) {
      depth[edgeTarget[e]] = 1;
    }
    for (int q = 0; q < tail; q++) {
      int st = queue[q];
      if (depth[st] <= DENSE_DEPTH || edgeStart[st + 1] - edgeStart[st] >= DENSE_FANOUT) {
        denseRow[st] = rows++;
      }
    }
    dense = new int[rows * DENSE_CHARS];
    fillRow(ROOT);
    for (int q = 0; q < tail; q++) {
      if (denseRow[queue[q]] >= 0) {
        fillRow(queue[q]);
      }
    }
  }

  /** Fills the DFA row of {@code st}; rows of shallower states must be filled already. */
  private void fillRow(int st) {
    int base = denseRow[st] * DENSE_CHARS;
    for (char c = 0; c < DENSE_CHARS; c++) {
      int t = sparseStep(st, c);
      dense[base + c] = t >= 0 ? t : next(fail[st], c);
    }
  }

  /** The fingerprints this matcher was built from. */
  public List<Fingerprint> fingerprints() {
    return fingerprints;
  }

  /** Number of distinct phrases in the automaton. */
  public int phraseCount() {
    return patterns.length;
  }

  /** The automaton's transition from {@code s} on {@code c}, following failure links as needed. */
  private int next(int s, char c) {
    while (true) {
      if (c < DENSE_CHARS) {
        int row = denseRow[s];
        if (row >= 0) {
          return dense[row * DENSE_CHARS + c];
        }
      }
      int t = sparseStep(s, c);
      if (t >= 0) {
        return t;
      }
      s = fail[s];
    }
  }

  /** The trie edge from {@code s} on {@code c}, or -1 (the root goes to itself). */
  private int sparseStep(int s, char c) {
    int lo = edgeStart[s];
    int hi = edgeStart[s + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char m = edgeChar[mid];
      if (m < c) {
        lo = mid + 1;
      } else if (m > c) {
        hi = mid - 1;
      } else {
        return edgeTarget[mid];
      }
    }
    return s == ROOT ? ROOT : -1;
  }

  /** True when at least one query matches {@code text}. */
  public boolean matchesAny(CharSequence text) {
    return !match(text).isEmpty();
  }

  /** Every match in {@code text}, ordered by start offset, then by list order. */
  public List<FingerprintMatch> match(CharSequence text) {
    // Normalization is streamed into the automaton: a ring of the last few normalized chars (with
    // their input offsets and word numbers) serves the boundary checks, so nothing of the size of
    // the text is allocated. Output at normalized position k is checked when char k + 1 is known.
    final int mask = ringMask;
    char[] rc = new char[mask + 1];
    int[] ro = new int[mask + 1];
    int[] rw = new int[mask + 1];
    int n = text.length();
    Hits hits = null;
    int s = ROOT;
    int k = -1; // normalized index of the last char stepped
    int word = -1;
    boolean prevWord = false;
    boolean prevSpace = false;
    int lastWordCharEnd = 0;
    int pendingPrefix = 0; // hits at the end of the list whose word has not ended yet
    for (int i = 0; i <= n; i++) {
      char c;
      if (i < n) {
        c = TextNormalizer.fold(text.charAt(i));
        if (c == ' ') {
          if (prevSpace) {
            continue;
          }
          prevSpace = true;
        } else {
          prevSpace = false;
        }
      } else {
        c = ' '; // end of text: a boundary
      }
      boolean isWord = TextNormalizer.isWordChar(c);
      if (k >= 0) {
        // outputs of the state after char k, now that the char after it is known
        boolean rightBoundary = !isWord || !prevWord;
        if (((rightBoundary ? hasOutput[s >>> 6] : hasPrefix[s >>> 6]) & (1L << s)) != 0) {
          hits = emit(s, k, rightBoundary, rc, ro, rw, mask, hits);
          if (hits != null) {
            pendingPrefix = hits.pendingPrefix;
          }
        }
      }
      if (!isWord) {
        if (pendingPrefix > 0) {
          hits.closePrefixes(lastWordCharEnd);
          pendingPrefix = 0;
        }
      } else {
        lastWordCharEnd = i + 1;
        if (!prevWord) {
          word++;
        }
      }
      if (i == n) {
        break;
      }
      prevWord = isWord;
      k++;
      rc[k & mask] = c;
      ro[k & mask] = i;
      rw[k & mask] = Math.max(word, 0);
      s = next(s, c);
    }
    if (hits == null || hits.size == 0) {
      return List.of();
    }
    return evaluate(text, hits);
  }

  /** Records the patterns ending at normalized position {@code k} in state {@code s}. */
  private Hits emit(int s, int k, boolean rightBoundary, char[] rc, int[] ro, int[] rw, int mask, Hits hits) {
    int o = rightBoundary ? outLink[s] : prefixLink[s];
    while (o > 0) {
      for (int j = outStart[o]; j < outStart[o + 1]; j++) {
        int p = outPatterns[j];
        if (!rightBoundary && !patternPrefix[p]) {
          continue;
        }
        int start = k - patterns[p].length() + 1;
        if (start > 0 && TextNormalizer.isWordChar(rc[(start - 1) & mask])
            && TextNormalizer.isWordChar(rc[start & mask])) {
          continue;
        }
        if (hits == null) {
          hits = new Hits();
        }
        // a prefix hit inside a word gets its end when the word ends
        boolean open = patternPrefix[p] && !rightBoundary;
        hits.add(p, ro[start & mask], open ? -1 : ro[k & mask] + 1, rw[start & mask]);
      }
      o = rightBoundary ? outLink[fail[o]] : prefixLink[fail[o]];
    }
    return hits;
  }

  private List<FingerprintMatch> evaluate(CharSequence text, Hits hits) {
    hits.link();
    Ctx ctx = new Ctx(hits);
    BitSet seen = new BitSet(); // (grows with the highest fingerprint seen, not with the list)
    List<long[]> found = new ArrayList<>(); // {start, fingerprint, end, phrase index}
    List<String> foundPhrases = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    for (int h = 0; h < hits.size; h++) {
      int p = hits.pat[h];
      if (hits.head(p) != h) {
        continue; // visit each occurring pattern once, at its first hit
      }
      for (int j = patFpStart[p]; j < patFpStart[p + 1]; j++) {
        int f = patFps[j];
        if (seen.get(f)) {
          continue;
        }
        seen.set(f);
        Node q = compiled[f];
        if (!q.eval(ctx)) {
          continue;
        }
        spans.clear();
        phrases.clear();
        q.collect(ctx, spans, phrases);
        for (int k = 0; k < spans.size(); k++) {
          int[] sp = spans.get(k);
          int st = sp[0];
          int en = sp[1];
          boolean dup = false;
          for (int d = found.size() - 1; d >= 0 && found.get(d)[1] == f; d--) {
            dup |= found.get(d)[0] == st && found.get(d)[2] == en;
          }
          if (!dup) {
            found.add(new long[] {st, f, en, foundPhrases.size()});
            foundPhrases.add(phrases.get(k));
          }
        }
      }
    }
    found.sort(Comparator.comparingLong((long[] a) -> a[0]).thenComparingLong(a -> a[1])
        .thenComparingLong(a -> a[2]));
    List<FingerprintMatch> out = new ArrayList<>(found.size());
    for (long[] a : found) {
      int st = (int) a[0];
      int en = (int) a[2];
      out.add(new FingerprintMatch(st, en, text.subSequence(st, en).toString(), foundPhrases.get((int) a[3]),
          fingerprints.get((int) a[1])));
    }
    return out;
  }

  /**
   * Pattern occurrences of one text (input offsets and the number of the word they start in), as
   * linked lists per pattern in text order.
   */
  private static final class Hits {
    int[] pat = new int[16];
    int[] start = new int[16];
    int[] end = new int[16];
    int[] word = new int[16];
    int size;
    /** Prefix hits whose end (-1) is set when their word ends. */
    int pendingPrefix;
    /**
     * The first hit of each occurring pattern, as an open-addressing table from pattern to hit
     * (built by {@link #link}): sized by the hits of this text, not by the list.
     */
    private int[] headPattern;
    private int[] headHit;
    int[] next;

    void add(int p, int s, int e, int w) {
      if (size == pat.length) {
        pat = Arrays.copyOf(pat, size * 2);
        start = Arrays.copyOf(start, size * 2);
        end = Arrays.copyOf(end, size * 2);
        word = Arrays.copyOf(word, size * 2);
      }
      pat[size] = p;
      start[size] = s;
      end[size] = e;
      word[size] = w;
      size++;
      if (e < 0) {
        pendingPrefix++;
      }
    }

    void closePrefixes(int e) {
      for (int h = size - 1; h >= 0 && pendingPrefix > 0; h--) {
        if (end[h] < 0) {
          end[h] = e;
          pendingPrefix--;
        }
      }
    }

    void link() {
      int cap = Integer.highestOneBit(Math.max(size, 1) * 2) * 2;
      headPattern = new int[cap];
      headHit = new int[cap];
      Arrays.fill(headPattern, -1);
      next = new int[size];
      // hits were added in order of their end; sort each pattern's list by start
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingInt((Integer h) -> start[h]).thenComparingInt(h -> end[h]));
      for (int k = size - 1; k >= 0; k--) {
        int h = order[k];
        int slot = slot(pat[h]);
        next[h] = headPattern[slot] < 0 ? -1 : headHit[slot];
        headPattern[slot] = pat[h];
        headHit[slot] = h;
      }
    }

    /** The table slot of pattern {@code p}: where it is, or the empty slot where it belongs. */
    private int slot(int p) {
      int mask = headPattern.length - 1;
      int h = p * 0x9E3779B9;
      int s = (h ^ h >>> 16) & mask;
      while (headPattern[s] >= 0 && headPattern[s] != p) {
        s = (s + 1) & mask;
      }
      return s;
    }

    /** The first hit of pattern {@code p} in text order, or -1 when it does not occur. */
    int head(int p) {
      int s = slot(p);
      return headPattern[s] < 0 ? -1 : headHit[s];
    }
  }

  /** The state of one evaluation. */
  private static final class Ctx {
    final Hits hits;

    Ctx(Hits hits) {
      this.hits = hits;
    }
  }

  private interface PatternIds {
    int id(FingerprintQuery.Phrase p);
  }

  private abstract static class Node {
    abstract boolean eval(Ctx ctx);

    abstract void collect(Ctx ctx, List<int[]> spans, List<String> phrases);
  }

  private static Node compile(FingerprintQuery q, PatternIds ids) {
    if (q instanceof FingerprintQuery.Phrase p) {
      return new PhraseNode(ids.id(p), p.canonical());
    }
    if (q instanceof FingerprintQuery.Near n) {
      int[] terms = new int[n.terms().size()];
      for (int i = 0; i < terms.length; i++) {
        terms[i] = ids.id(n.terms().get(i));
      }
      return new NearNode(terms, n.slop(), n.canonical());
    }
    if (q instanceof FingerprintQuery.And a) {
      return new AndNode(a.clauses().stream().map(c -> compile(c, ids)).toArray(Node[]::new));
    }
    if (q instanceof FingerprintQuery.Or o) {
      return new OrNode(o.clauses().stream().map(c -> compile(c, ids)).toArray(Node[]::new));
    }
    FingerprintQuery.Not not = (FingerprintQuery.Not) q;
    return new NotNode(compile(not.clause(), ids));
  }

  private static final class PhraseNode extends Node {
    final int pattern;
    final String label;

    PhraseNode(int pattern, String label) {
      this.pattern = pattern;
      this.label = label;
    }

    @Override
    boolean eval(Ctx ctx) {
      return ctx.hits.head(pattern) >= 0;
    }

    @Override
    void collect(Ctx ctx, List<int[]> spans, List<String> phrases) {
      Hits h = ctx.hits;
      for (int k = h.head(pattern); k >= 0; k = h.next[k]) {
        spans.add(new int[] {h.start[k], h.end[k]});
        phrases.add(label.substring(1, label.length() - 1));
      }
    }
  }

  private static final class NearNode extends Node {
    final int[] terms;
    final int slop;
    final String label;

    NearNode(int[] terms, int slop, String label) {
      this.terms = terms;
      this.slop = slop;
      this.label = label;
    }

    @Override
    boolean eval(Ctx ctx) {
      for (int t : terms) {
        if (ctx.hits.head(t) < 0) {
          return false;
        }
      }
      return !windows(ctx, true).isEmpty();
    }

    @Override
    void collect(Ctx ctx, List<int[]> spans, List<String> phrases) {
      for (int[] w : windows(ctx, false)) {
        spans.add(w);
        phrases.add(label);
      }
    }

    /** Non-overlapping minimal windows that hold every term, left to right. */
    private List<int[]> windows(Ctx ctx, boolean firstOnly) {
      Hits h = ctx.hits;
      int[] distinct = Arrays.stream(terms).distinct().toArray();
      int[] need = new int[distinct.length];
      for (int t : terms) {
        for (int d = 0; d < distinct.length; d++) {
          if (distinct[d] == t) {
            need[d]++;
          }
        }
      }
      List<int[]> occ = new ArrayList<>(); // {wordPos, term, start, end}
      for (int d = 0; d < distinct.length; d++) {
        for (int k = h.head(distinct[d]); k >= 0; k = h.next[k]) {
          occ.add(new int[] {h.word[k], d, h.start[k], h.end[k]});
        }
      }
      occ.sort(Comparator.comparingInt((int[] a) -> a[0]).thenComparingInt(a -> a[2]));
      int maxSpan = terms.length - 1 + slop;
      int[] have = new int[distinct.length];
      int missing = distinct.length;
      List<int[]> out = new ArrayList<>();
      int l = 0;
      for (int r = 0; r < occ.size(); r++) {
        int d = occ.get(r)[1];
        if (++have[d] == need[d]) {
          missing--;
        }
        while (missing == 0) {
          if (occ.get(r)[0] - occ.get(l)[0] <= maxSpan) {
            int s = Integer.MAX_VALUE;
            int e = 0;
            for (int i = l; i <= r; i++) {
              s = Math.min(s, occ.get(i)[2]);
              e = Math.max(e, occ.get(i)[3]);
            }
            out.add(new int[] {s, e});
            if (firstOnly) {
              return out;
            }
            Arrays.fill(have, 0);
            missing = distinct.length;
            l = r + 1;
            break;
          }
          int dl = occ.get(l)[1];
          if (have[dl]-- == need[dl]) {
            missing++;
          }
          l++;
        }
      }
      return out;
    }
  }

  private static final class AndNode extends Node {
    final Node[] clauses;

    AndNode(Node[] clauses) {
      this.clauses = clauses;
    }

    @Override
    boolean eval(Ctx ctx) {
      for (Node c : clauses) {
        if (!c.eval(ctx)) {
          return false;
        }
      }
      return true;
    }

    @Override
    void collect(Ctx ctx, List<int[]> spans, List<String> phrases) {
      clauses[0].collect(ctx, spans, phrases);
    }
  }

  private static final class OrNode extends Node {
    final Node[] clauses;

    OrNode(Node[] clauses) {
      this.clauses = clauses;
    }

    @Override
    boolean eval(Ctx ctx) {
      for (Node c : clauses) {
        if (c.eval(ctx)) {
          return true;
        }
      }
      return false;
    }

    @Override
    void collect(Ctx ctx, List<int[]> spans, List<String> phrases) {
      for (Node c : clauses) {
        if (c.eval(ctx)) {
          c.collect(ctx, spans, phrases);
        }
      }
    }
  }

  private static final class NotNode extends Node {
    final Node clause;

    NotNode(Node clause) {
      this.clause = clause;
    }

    @Override
    boolean eval(Ctx ctx) {
      return !clause.eval(ctx);
    }

    @Override
    void collect(Ctx ctx, List<int[]> spans, List<String> phrases) {
      // a negated clause reports nothing
    }
  }
}
