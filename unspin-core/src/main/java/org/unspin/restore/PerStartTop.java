package org.unspin.restore;

import java.util.Arrays;

/**
 * Keeps the best few candidates per start token: of the candidates {@code idx[0, c)} (ascending
 * candidate numbers), the {@code cap} with the highest key at each start, ties to the earlier
 * candidate, exactly what sorting all of them by key (as {@link Restorer#sortByLocalDescending})
 * and counting per start in that order keeps. The candidates are bucketed by start in one pass and
 * only the starts over the cap are sorted, each on its own ({@link Restorer#sortPacked}, the order
 * of the sentence-wide sort of more than 32 entries), so a sentence of a thousand candidates costs a
 * few small sorts instead of one large one.
 *
 * <p>Scratch arrays grow as needed and are reused: one instance per thread.
 */
final class PerStartTop {
  private int[] bucketStart = new int[64];
  private int[] bucketFill = new int[64];
  private int[] bucketed = new int[64];
  private int[] segment = new int[64];
  private long[] packed = new long[64];
  private int[] copy = new int[64];

  /**
   * Clears {@code keep[x]} of every candidate {@code x} of {@code idx[0, c)} that is not among the
   * {@code cap} best by {@code key[x]} at its start {@code from[x]} (in {@code [0, n)}); leaves the
   * other entries of {@code keep} as they are.
   */
  void keep(int[] idx, int c, int[] from, int n, float[] key, int cap, boolean[] keep) {
    if (bucketStart.length < n + 1) {
      bucketStart = new int[Math.max(n + 1, bucketStart.length * 2)];
      bucketFill = new int[bucketStart.length];
    }
    int[] start = bucketStart;
    Arrays.fill(start, 0, n + 1, 0);
    boolean over = false;
    for (int j = 0; j < c; j++) {
      over |= ++start[from[idx[j]] + 1] > cap;
    }
    if (!over) {
      return;
    }
    if (c <= 32) {
      // (the plain way: a sort of up to 32 entries is an insertion sort, whose order of NaN and
      // signed zeros the per-start sorts below would not repeat)
      System.arraycopy(idx, 0, segment, 0, c); // (segment has at least 64 entries)
      Restorer.sortByLocalDescending(segment, c, key, packed, copy);
      Arrays.fill(bucketFill, 0, n, 0);
      for (int j = 0; j < c; j++) {
        if (bucketFill[from[segment[j]]]++ >= cap) {
          keep[segment[j]] = false;
        }
      }
      return;
    }
    for (int s = 0; s < n; s++) {
      start[s + 1] += start[s];
    }
    if (bucketed.length < c) {
      bucketed = new int[Math.max(c, bucketed.length * 2)];
    }
    // Stable by start: within a start the candidates keep their order, as the ties need.
    int[] fill = bucketFill;
    System.arraycopy(start, 0, fill, 0, n);
    for (int j = 0; j < c; j++) {
      int x = idx[j];
      bucketed[fill[from[x]]++] = x;
    }
    for (int s = 0; s < n; s++) {
      int len = start[s + 1] - start[s];
      if (len <= cap) {
        continue;
      }
      if (segment.length < len) {
        segment = new int[Math.max(len, segment.length * 2)];
        packed = new long[segment.length];
        copy = new int[segment.length];
      }
      System.arraycopy(bucketed, start[s], segment, 0, len);
      Restorer.sortPacked(segment, len, key, packed, copy);
      for (int j = cap; j < len; j++) {
        keep[segment[j]] = false;
      }
    }
  }
}
