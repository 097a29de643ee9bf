package org.unspin.lm;

/**
 * Packs up to five word ids into a 128-bit key held in two longs, 25 bits per word, so that
 * comparing keys as unsigned 128-bit numbers sorts n-grams in <em>suffix order</em>: by the last
 * word, then the one before it, and so on; a shorter n-gram sorts before its left extensions.
 *
 * <p>Slot {@code j} (0 = the last word) holds {@code id + 1} at bit {@code 25 * (4 - j)}; 0 marks an
 * empty slot, so an n-gram of length n fills slots 0..n-1 and a key is never (0, 0).
 *
 * @lucene.internal
 */
final class NgramKeys {
  static final int BITS = 25;
  static final long MASK = (1L << BITS) - 1;
  /** Largest word id a key can hold. */
  static final int MAX_ID = (1 << BITS) - 2;

  private NgramKeys() {}

  /** High half of the key of {@code ids[from, from + len)}, oldest word first. */
  static long hi(int[] ids, int from, int len) {
    long hi = 0;
    int last = from + len - 1;
    if (len > 0) {
      hi |= (ids[last] + 1L) << 36;
    }
    if (len > 1) {
      hi |= (ids[last - 1] + 1L) << 11;
    }
    if (len > 2) {
      hi |= (ids[last - 2] + 1L) >>> 14;
    }
    return hi;
  }

  /** Low half of the key of {@code ids[from, from + len)}. */
  static long lo(int[] ids, int from, int len) {
    long lo = 0;
    int last = from + len - 1;
    if (len > 2) {
      lo |= (ids[last - 2] + 1L) << 50;
    }
    if (len > 3) {
      lo |= (ids[last - 3] + 1L) << 25;
    }
    if (len > 4) {
      lo |= ids[last - 4] + 1L;
    }
    return lo;
  }

  /** The stored value of slot {@code j}: {@code id + 1}, or 0 when the slot is empty. */
  static int slot(long hi, long lo, int j) {
    switch (j) {
      case 0:
        return (int) ((hi >>> 36) & MASK);
      case 1:
        return (int) ((hi >>> 11) & MASK);
      case 2:
        return (int) (((lo >>> 50) | (hi << 14)) & MASK);
      case 3:
        return (int) ((lo >>> 25) & MASK);
      case 4:
        return (int) (lo & MASK);
      default:
        throw new IllegalArgumentException("slot must be in 0..4 (got " + j + ")");
    }
  }

  /** Number of words in the key. */
  static int length(long hi, long lo) {
    int n = 0;
    while (n < 5 && slot(hi, lo, n) != 0) {
      n++;
    }
    return n;
  }

  /** Writes the key's words oldest first into {@code out[0, length)} and returns the length. */
  static int unpack(long hi, long lo, int[] out) {
    int s0 = (int) ((hi >>> 36) & MASK);
    int s1 = (int) ((hi >>> 11) & MASK);
    int s2 = (int) (((lo >>> 50) | (hi << 14)) & MASK);
    int s3 = (int) ((lo >>> 25) & MASK);
    int s4 = (int) (lo & MASK);
    int n = s0 == 0 ? 0 : s1 == 0 ? 1 : s2 == 0 ? 2 : s3 == 0 ? 3 : s4 == 0 ? 4 : 5;
    if (n > 0) {
      out[n - 1] = s0 - 1;
    }
    if (n > 1) {
      out[n - 2] = s1 - 1;
    }
    if (n > 2) {
      out[n - 3] = s2 - 1;
    }
    if (n > 3) {
      out[n - 4] = s3 - 1;
    }
    if (n > 4) {
      out[0] = s4 - 1;
    }
    return n;
  }

  /** Compares keys as unsigned 128-bit numbers (the high half never uses its sign bit). */
  static int compare(long hi1, long lo1, long hi2, long lo2) {
    int c = Long.compare(hi1, hi2);
    return c != 0 ? c : Long.compareUnsigned(lo1, lo2);
  }

  /** A well-mixed 64-bit hash of a key. */
  static long hash(long hi, long lo) {
    long h = hi * 0x9E3779B97F4A7C15L + lo;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
