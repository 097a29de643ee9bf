package org.unspin.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Word-level alignment of a spun token sequence with its original: a longest common subsequence
 * of equal tokens (the anchors, words the spinner kept) and, between consecutive anchors, the gaps
 * where the spinner changed something. A gap of {@code m} spun and {@code n} original tokens is an
 * {@code m:n} phrase substitution, e.g. spun "surface region" against original "surface area" gives
 * one anchor ("surface") and the gap region &lt;- area.
 *
 * <p>Ties between equally long common subsequences are broken the same way every time (the
 * alignment prefers to match earlier spun tokens). Runs in {@code O(m·n)} time and memory; callers
 * align sentences or short documents, not books. Thread-safe (stateless).
 */
public final class PairAligner {
  private PairAligner() {}

  /**
   * A gap between anchors: spun tokens {@code [spunStart, spunEnd)} stand where the original had
   * {@code [origStart, origEnd)}; at least one side is non-empty.
   */
  public record Gap(int spunStart, int spunEnd, int origStart, int origEnd) {
    public Gap {
      if (spunStart < 0 || spunEnd < spunStart || origStart < 0 || origEnd < origStart) {
        throw new IllegalArgumentException("bad gap bounds: spun [" + spunStart + ", " + spunEnd + "), orig ["
            + origStart + ", " + origEnd + ")");
      }
      if (spunEnd == spunStart && origEnd == origStart) {
        throw new IllegalArgumentException("gap must not be empty on both sides (at spun " + spunStart + ", orig "
            + origStart + ")");
      }
    }

    public int spunLength() {
      return spunEnd - spunStart;
    }

    public int origLength() {
      return origEnd - origStart;
    }
  }

  /**
   * An alignment.
   *
   * @param spunAnchors indexes of kept spun tokens, increasing
   * @param origAnchors the original token each is equal to, increasing, same length
   * @param gaps the changed stretches, in text order
   */
  public record Alignment(int[] spunAnchors, int[] origAnchors, List<Gap> gaps) {
    public Alignment {
      Objects.requireNonNull(spunAnchors, "spunAnchors");
      Objects.requireNonNull(origAnchors, "origAnchors");
      if (spunAnchors.length != origAnchors.length) {
        throw new IllegalArgumentException("anchor arrays differ in length (" + spunAnchors.length + " vs "
            + origAnchors.length + ")");
      }
      gaps = List.copyOf(gaps);
    }

    public int anchorCount() {
      return spunAnchors.length;
    }
  }

  /** Above this many DP cells a stretch is first cut at tokens that occur once on each side. */
  static final long DP_CELL_LIMIT = 4_000_000L;

  /**
   * Aligns {@code spun} with {@code original} (token forms compared with {@code equals}). Long
   * inputs (more than {@value #DP_CELL_LIMIT} token pairs) are first cut at tokens that occur
   * exactly once in both (patience-diff style), so memory stays bounded; the result is then a
   * common subsequence that may be shorter than the longest one.
   */
  public static Alignment align(String[] spun, String[] original) {
    IntList sa = new IntList();
    IntList oa = new IntList();
    alignRange(spun, original, 0, spun.length, 0, original.length, sa, oa);
    int k = sa.size;
    List<Gap> gaps = new ArrayList<>();
    int ps = 0;
    int po = 0;
    for (int x = 0; x <= k; x++) {
      int ns = x < k ? sa.data[x] : spun.length;
      int no = x < k ? oa.data[x] : original.length;
      if (ns > ps || no > po) {
        gaps.add(new Gap(ps, ns, po, no));
      }
      ps = ns + 1;
      po = no + 1;
    }
    return new Alignment(sa.toArray(), oa.toArray(), gaps);
  }

  private static void alignRange(String[] spun, String[] orig, int s0, int s1, int o0, int o1, IntList sa,
      IntList oa) {
    // equal heads and tails are anchors for free
    while (s0 < s1 && o0 < o1 && spun[s0].equals(orig[o0])) {
      sa.add(s0++);
      oa.add(o0++);
    }
    int tail = 0;
    while (s1 - tail > s0 && o1 - tail > o0 && spun[s1 - 1 - tail].equals(orig[o1 - 1 - tail])) {
      tail++;
    }
    s1 -= tail;
    o1 -= tail;
    if ((long) (s1 - s0) * (o1 - o0) <= DP_CELL_LIMIT) {
      lcs(spun, orig, s0, s1, o0, o1, sa, oa);
    } else {
      int[][] cuts = uniqueAnchors(spun, orig, s0, s1, o0, o1);
      if (cuts.length == 0) {
        // nothing to cut at: leave the whole stretch as one gap rather than use unbounded memory
      } else {
        int ps = s0;
        int po = o0;
        for (int[] c : cuts) {
          alignRange(spun, orig, ps, c[0], po, c[1], sa, oa);
          sa.add(c[0]);
          oa.add(c[1]);
          ps = c[0] + 1;
          po = c[1] + 1;
        }
        alignRange(spun, orig, ps, s1, po, o1, sa, oa);
      }
    }
    for (int t = 0; t < tail; t++) {
      sa.add(s1 + t);
      oa.add(o1 + t);
    }
  }

  /** Longest increasing run of tokens unique on both sides, as {spunIndex, origIndex} pairs. */
  private static int[][] uniqueAnchors(String[] spun, String[] orig, int s0, int s1, int o0, int o1) {
    java.util.Map<String, int[]> seen = new java.util.HashMap<>(); // {countSpun, posSpun, countOrig, posOrig}
    for (int i = s0; i < s1; i++) {
      int[] c = seen.computeIfAbsent(spun[i], x -> new int[4]);
      c[0]++;
      c[1] = i;
    }
    for (int j = o0; j < o1; j++) {
      int[] c = seen.get(orig[j]);
      if (c != null) {
        c[2]++;
        c[3] = j;
      }
    }
    List<int[]> pairs = new ArrayList<>();
    for (int[] c : seen.values()) {
      if (c[0] == 1 && c[2] == 1) {
        pairs.add(new int[] {c[1], c[3]});
      }
    }
    pairs.sort((x, y) -> Integer.compare(x[0], y[0]));
    // longest increasing subsequence on the original index (patience sorting)
    int n = pairs.size();
    int[] tails = new int[n];
    int[] prev = new int[n];
    int len = 0;
    for (int i = 0; i < n; i++) {
      int v = pairs.get(i)[1];
      int lo = 0;
      int hi = len;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (pairs.get(tails[mid])[1] < v) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      prev[i] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == len) {
        len++;
      }
    }
    int[][] out = new int[len][];
    for (int i = len - 1, k = len > 0 ? tails[len - 1] : -1; i >= 0; i--, k = prev[k]) {
      out[i] = pairs.get(k);
    }
    return out;
  }

  private static void lcs(String[] spun, String[] orig, int s0, int s1, int o0, int o1, IntList sa, IntList oa) {
    int m = s1 - s0;
    int n = o1 - o0;
    if (m == 0 || n == 0) {
      return;
    }
    // lcs[i][j] = LCS length of spun[s0+i..s1) and orig[o0+j..o1), one flat array
    int w = n + 1;
    int[] t = new int[(m + 1) * w];
    for (int i = m - 1; i >= 0; i--) {
      for (int j = n - 1; j >= 0; j--) {
        t[i * w + j] = spun[s0 + i].equals(orig[o0 + j]) ? 1 + t[(i + 1) * w + j + 1]
            : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < m && j < n) {
      if (spun[s0 + i].equals(orig[o0 + j])) {
        sa.add(s0 + i);
        oa.add(o0 + j);
        i++;
        j++;
      } else if (t[(i + 1) * w + j] >= t[i * w + j + 1]) {
        i++;
      } else {
        j++;
      }
    }
  }

  /** A growable int array. */
  private static final class IntList {
    int[] data = new int[16];
    int size;

    void add(int v) {
      if (size == data.length) {
        data = java.util.Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(data, size);
    }
  }
}
