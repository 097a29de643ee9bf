package org.unspin.channel.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Immutable and thread-safe once built; a call allocates only when something matched.
 */
public final class FingerprintMatcher {
  private static final int ROOT = 0;
  /** Root transitions on chars below this are a table lookup (the root is where a scan spends most time). */
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
  private final int[] outStart;
  private final int[] outPatterns;
  private final int[] patFpStart;
  private final int[] patFps;
  private final Node[] compiled;

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
    TextNormalizer.Normalized norm = TextNormalizer.normalizeWithOffsets(text);
    char[] cs = norm.chars();
    int n = norm.length();
    Hits hits = null;
    int s = ROOT;
    for (int i = 0; i < n; i++) {
      char c = cs[i];
      s = next(s, c);
      for (int o = outLink[s]; o > 0; o = outLink[fail[o]]) {
        for (int j = outStart[o]; j < outStart[o + 1]; j++) {
          int p = outPatterns[j];
          int start = i - patterns[p].length() + 1;
          if (start > 0 && TextNormalizer.isWordChar(cs[start - 1]) && TextNormalizer.isWordChar(cs[start])) {
            continue;
          }
          int end = i + 1;
          if (patternPrefix[p]) {
            while (end < n && TextNormalizer.isWordChar(cs[end])) {
              end++;
            }
          } else if (end < n && TextNormalizer.isWordChar(cs[end]) && TextNormalizer.isWordChar(cs[i])) {
            continue;
          }
          if (hits == null) {
            hits = new Hits(patterns.length);
          }
          hits.add(p, start, end);
        }
      }
    }
    if (hits == null) {
      return List.of();
    }
    return evaluate(text, norm, hits);
  }

  private List<FingerprintMatch> evaluate(CharSequence text, TextNormalizer.Normalized norm, Hits hits) {
    hits.link();
    Ctx ctx = new Ctx(text, norm, hits);
    boolean[] seen = new boolean[compiled.length];
    List<long[]> found = new ArrayList<>(); // {start, fingerprint, end, phrase index}
    List<String> foundPhrases = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    for (int h = 0; h < hits.size; h++) {
      int p = hits.pat[h];
      if (hits.head[p] != h) {
        continue; // visit each occurring pattern once, at its first hit
      }
      for (int j = patFpStart[p]; j < patFpStart[p + 1]; j++) {
        int f = patFps[j];
        if (seen[f]) {
          continue;
        }
        seen[f] = true;
        Node q = compiled[f];
        if (!q.eval(ctx)) {
          continue;
        }
        spans.clear();
        phrases.clear();
        q.collect(ctx, spans, phrases);
        for (int k = 0; k < spans.size(); k++) {
          int[] sp = spans.get(k);
          int st = norm.offsets()[sp[0]];
          int en = norm.offsets()[sp[1] - 1] + 1;
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

  /** Pattern occurrences of one text, as linked lists per pattern in text order. */
  private static final class Hits {
    int[] pat = new int[16];
    int[] start = new int[16];
    int[] end = new int[16];
    int size;
    final int[] head;
    int[] next;

    Hits(int patterns) {
      head = new int[patterns];
    }

    void add(int p, int s, int e) {
      if (size == pat.length) {
        pat = Arrays.copyOf(pat, size * 2);
        start = Arrays.copyOf(start, size * 2);
        end = Arrays.copyOf(end, size * 2);
      }
      pat[size] = p;
      start[size] = s;
      end[size] = e;
      size++;
    }

    void link() {
      Arrays.fill(head, -1);
      next = new int[size];
      // hits were added in order of their end; sort each pattern's list by start
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingInt((Integer h) -> start[h]).thenComparingInt(h -> end[h]));
      for (int k = size - 1; k >= 0; k--) {
        int h = order[k];
        next[h] = head[pat[h]];
        head[pat[h]] = h;
      }
    }
  }

  /** The state of one evaluation: hits and, on demand, the word index of each normalized char. */
  private static final class Ctx {
    final CharSequence text;
    final TextNormalizer.Normalized norm;
    final Hits hits;
    int[] wordIndex;

    Ctx(CharSequence text, TextNormalizer.Normalized norm, Hits hits) {
      this.text = text;
      this.norm = norm;
      this.hits = hits;
    }

    int wordAt(int pos) {
      if (wordIndex == null) {
        char[] cs = norm.chars();
        int n = norm.length();
        wordIndex = new int[n];
        int w = -1;
        for (int i = 0; i < n; i++) {
          if (TextNormalizer.isWordChar(cs[i]) && (i == 0 || !TextNormalizer.isWordChar(cs[i - 1]))) {
            w++;
          }
          wordIndex[i] = Math.max(w, 0);
        }
      }
      return wordIndex[pos];
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
      return ctx.hits.head[pattern] >= 0;
    }

    @Override
    void collect(Ctx ctx, List<int[]> spans, List<String> phrases) {
      Hits h = ctx.hits;
      for (int k = h.head[pattern]; k >= 0; k = h.next[k]) {
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
        if (ctx.hits.head[t] < 0) {
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
        for (int k = h.head[distinct[d]]; k >= 0; k = h.next[k]) {
          occ.add(new int[] {ctx.wordAt(h.start[k]), d, h.start[k], h.end[k]});
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
