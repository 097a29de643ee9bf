package org.unspin.lm;

/**
 * In-heap open-addressing hash tables over the n-grams of orders 2 to 4 of a {@link BinaryLm},
 * each keyed by its whole word path (the word, then its history most recent first), holding the
 * n-gram's 8-bit probability and back-off codes. Built once from the model's trie (see {@link
 * BinaryLm#startHashIndex}); immutable afterwards and shared by all threads.
 *
 * <p>Why: in the trie a query walks one order after another, and every step's address depends on
 * the record the step before found, so a query of a 4-gram model waits for three or four cache
 * misses in turn (more for its context's back-offs). Here the slot of every order is computed from
 * the words alone, so the look-ups of all orders (and of the context's back-offs) are independent
 * reads that the processor overlaps. The answers are the trie's: a path is in a table exactly when
 * the trie holds its record (blank records included, with the blank code), so the trie's closure
 * (every record's parent path is a record) holds here too.
 *
 * <p>Layout, with {@code B} bits per word id ({@code 3B + 8 <= 64}, so vocabularies under 2^18):
 * order 2: one long per slot, {@code [w c1]+1 | prob | back-off}; order 3: one long per slot,
 * {@code [w c1 c2]+1 | prob}, back-off codes in a parallel byte array; order 4 (the top order, no
 * back-off): two longs per slot, {@code [w c1 c2]+1 | prob} and {@code c3}. Zero marks an empty
 * slot. Linear probing at a load of at most 0.6.
 */
final class NgramHash {
  /** Highest load factor of a table. */
  private static final double MAX_LOAD = 0.6;

  private final int wordBits;
  private final long[] t2;
  private final int shift2;
  private final int mask2;
  private final long[] t3;
  private final byte[] b3;
  private final int shift3;
  private final int mask3;
  private final long[] t4;
  /**
   * Blocked Bloom filters over the trigram and 4-gram paths (one 64-bit word per path, three bits
   * set in it): most trigrams and nearly all 4-grams a restorer asks for are not in the model, and
   * a filter of a few megabytes answers that from the processor's cache instead of a miss in the
   * table. A filter never says no to a path the table holds, so the answers do not change.
   */
  private final long[] f3;
  private final int fshift3;
  private final long[] f4;
  private final int fshift4;
  private final int shift4;
  private final int mask4;
  private final long bytes;
  /** Per word id: the unigram's score (NaN for a blank record) and back-off. */
  private final float[] uniProb;
  private final float[] uniBackoff;

  /**
   * Empty tables for the given record counts.
   *
   * @param wordBits bits per word id
   * @param order the model's order, 2 to 4
   * @param records record counts by order (index n), blanks included
   * @param uniProb the unigram scores by word id, NaN for a blank record
   * @param uniBackoff the unigram back-offs by word id
   */
  NgramHash(int wordBits, int order, long[] records, float[] uniProb, float[] uniBackoff) {
    if (!supports(wordBits, order)) {
      throw new IllegalArgumentException("no hash index for order " + order + " with " + wordBits + "-bit words");
    }
    this.wordBits = wordBits;
    this.uniProb = uniProb;
    this.uniBackoff = uniBackoff;
    int bits2 = slotBits(records[2]);
    t2 = new long[1 << bits2];
    shift2 = 64 - bits2;
    mask2 = t2.length - 1;
    long size = 4L * uniProb.length + 4L * uniBackoff.length + 8L * t2.length;
    if (order >= 3) {
      int bits3 = slotBits(records[3]);
      t3 = new long[1 << bits3];
      b3 = order >= 4 ? new byte[t3.length] : null;
      shift3 = 64 - bits3;
      mask3 = t3.length - 1;
      int fbits3 = filterBits(records[3]);
      f3 = new long[1 << fbits3];
      fshift3 = 64 - fbits3;
      size += 8L * t3.length + (b3 == null ? 0 : b3.length) + 8L * f3.length;
    } else {
      t3 = null;
      b3 = null;
      f3 = null;
      fshift3 = 0;
      shift3 = 0;
      mask3 = 0;
    }
    if (order >= 4) {
      int bits4 = slotBits(records[4]);
      t4 = new long[2 << bits4];
      shift4 = 64 - bits4;
      mask4 = (1 << bits4) - 1;
      int fbits4 = filterBits(records[4]);
      f4 = new long[1 << fbits4];
      fshift4 = 64 - fbits4;
      size += 8L * t4.length + 8L * f4.length;
    } else {
      t4 = null;
      f4 = null;
      fshift4 = 0;
      shift4 = 0;
      mask4 = 0;
    }
    bytes = size;
  }

  /** Most records of one order the index takes (its tables then have at most 2^29 slots). */
  static final long MAX_RECORDS = 1L << 28;

  /** Whether a model of this shape can have the index. */
  static boolean supports(int wordBits, int order) {
    return order >= 2 && order <= 4 && wordBits >= 1 && 3 * wordBits + 8 <= 64;
  }

  private static int slotBits(long count) {
    long want = (long) Math.ceil(Math.max(2, count) / MAX_LOAD);
    int bits = 64 - Long.numberOfLeadingZeros(want - 1);
    if (bits > 30) {
      throw new IllegalArgumentException("too many n-grams for the hash index: " + count);
    }
    return Math.max(bits, 4);
  }

  /** The unigram scores by word id, NaN for a blank record. */
  float[] unigramProbs() {
    return uniProb;
  }

  /** Reads (to start its cache miss) the unigram score of {@code w}. */
  long peekUnigram(int w) {
    return Float.floatToRawIntBits(uniProb[w]);
  }

  float unigramBackoff(int w) {
    return uniBackoff[w];
  }

  /** Filter words for {@code count} paths: at least 10 bits per path, a power of two. */
  private static int filterBits(long count) {
    long want = Math.max(1, (count * 10 + 63) / 64);
    return Math.max(64 - Long.numberOfLeadingZeros(want - 1), 1);
  }

  /** The filter word's three bits of a path's hash {@code h} (from {@link #mix}). */
  private static long filterMask(long h) {
    long g = (h ^ h >>> 32) * 0x94D049BB133111EBL;
    g ^= g >>> 29;
    return 1L << (g & 63) | 1L << (g >>> 6 & 63) | 1L << (g >>> 12 & 63);
  }

  /** The filter word of a path's hash {@code h}: from the hash's low bits, the table slot uses the high ones. */
  private static int filterWord(long h, int fshift) {
    return (int) ((h * 0xD6E8FEB86659FD93L) >>> fshift);
  }

  /** Heap bytes the tables take. */
  long bytes() {
    return bytes;
  }

  private static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    return h * 0xBF58476D1CE4E5B9L;
  }

  private long path2(int w, int c1) {
    return ((long) w << wordBits | c1) + 1;
  }

  private long path3(int w, int c1, int c2) {
    return (((long) w << wordBits | c1) << wordBits | c2) + 1;
  }

  /** The hash of the 4-gram path whose first three words are {@code key3} (from {@link #path3}). */
  private static long hash4(long key3, int c3) {
    return mix(key3 ^ (long) c3 << 40 ^ c3);
  }

  /** Whether filter word {@code word} of {@code filter} has every bit of the path hash {@code h}. */
  private static boolean mayHave(long[] filter, int fshift, long h) {
    long m = filterMask(h);
    return (filter[filterWord(h, fshift)] & m) == m;
  }

  // ---- building ----------------------------------------------------------------------------------

  void put2(int w, int c1, int prob, int backoff) {
    long key = path2(w, c1);
    int s = (int) (mix(key) >>> shift2);
    while (t2[s] != 0) {
      s = (s + 1) & mask2;
    }
    t2[s] = key << 16 | (prob & 0xFFL) << 8 | (backoff & 0xFFL);
  }

  void put3(int w, int c1, int c2, int prob, int backoff) {
    long key = path3(w, c1, c2);
    long h = mix(key);
    int s = (int) (h >>> shift3);
    while (t3[s] != 0) {
      s = (s + 1) & mask3;
    }
    t3[s] = key << 8 | (prob & 0xFFL);
    f3[filterWord(h, fshift3)] |= filterMask(h);
    if (b3 != null) {
      b3[s] = (byte) backoff;
    }
  }

  void put4(int w, int c1, int c2, int c3, int prob) {
    long key = path3(w, c1, c2);
    long h = hash4(key, c3);
    int s = (int) (h >>> shift4);
    while (t4[2 * s] != 0) {
      s = (s + 1) & mask4;
    }
    t4[2 * s] = key << 8 | (prob & 0xFFL);
    t4[2 * s + 1] = c3;
    f4[filterWord(h, fshift4)] |= filterMask(h);
  }

  // ---- look-ups ----------------------------------------------------------------------------------

  /**
   * The bigram {@code c1 w}: {@code prob << 8 | backoff} codes with bit 16 set, or 0 when the trie
   * has no such record.
   */
  int find2(int w, int c1) {
    return find2From(w, c1, home2(w, c1));
  }

  /** {@link #find2}, probing from {@code s}, the path's {@link #home2}. */
  int find2From(int w, int c1, int s) {
    long key = path2(w, c1);
    while (true) {
      long v = t2[s];
      if (v == 0) {
        return 0;
      }
      if (v >>> 16 == key) {
        return (int) (v & 0xFFFF) | 0x10000;
      }
      s = (s + 1) & mask2;
    }
  }

  /**
   * The slot of the trigram {@code c2 c1 w}, or -1 when the trie has no such record (at once when
   * the filter rules it out).
   */
  int slot3(int w, int c1, int c2) {
    return slot3From(w, c1, c2, home3(w, c1, c2));
  }

  /** {@link #slot3}, probing from {@code s}, the path's {@link #home3} (-1 when the filter ruled it out). */
  int slot3From(int w, int c1, int c2, int s) {
    if (s < 0) {
      return -1;
    }
    long key = path3(w, c1, c2);
    while (true) {
      long v = t3[s];
      if (v == 0) {
        return -1;
      }
      if (v >>> 8 == key) {
        return s;
      }
      s = (s + 1) & mask3;
    }
  }

  /** The probability code of the trigram in {@code slot} (from {@link #slot3}). */
  int prob3(int slot) {
    return (int) (t3[slot] & 0xFF);
  }

  /** The back-off code of the trigram in {@code slot} (from {@link #slot3}); order 4 only. */
  int backoff3(int slot) {
    return b3[slot] & 0xFF;
  }

  /**
   * The 4-gram {@code c3 c2 c1 w}: its probability code with bit 8 set, or 0 when the trie has no
   * such record (at once when the filter rules it out).
   */
  int find4(int w, int c1, int c2, int c3) {
    return find4From(w, c1, c2, c3, home4(w, c1, c2, c3));
  }

  /** {@link #find4}, probing from {@code s}, the path's {@link #home4} (-1 when the filter ruled it out). */
  int find4From(int w, int c1, int c2, int c3, int s) {
    if (s < 0) {
      return 0;
    }
    long key = path3(w, c1, c2);
    while (true) {
      long v = t4[2 * s];
      if (v == 0) {
        return 0;
      }
      if (v >>> 8 == key && t4[2 * s + 1] == c3) {
        return (int) (v & 0xFF) | 0x100;
      }
      s = (s + 1) & mask4;
    }
  }

  /** The first slot a look-up of the bigram {@code c1 w} reads. */
  int home2(int w, int c1) {
    return (int) (mix(path2(w, c1)) >>> shift2);
  }

  /**
   * The first slot a look-up of the trigram {@code c2 c1 w} reads in the table, or -1 when the
   * filter rules the trigram out (the look-up then reads no slot).
   */
  int home3(int w, int c1, int c2) {
    long h = mix(path3(w, c1, c2));
    return mayHave(f3, fshift3, h) ? (int) (h >>> shift3) : -1;
  }

  /** As {@link #home3}, for the 4-gram {@code c3 c2 c1 w}. */
  int home4(int w, int c1, int c2, int c3) {
    long h = hash4(path3(w, c1, c2), c3);
    return mayHave(f4, fshift4, h) ? (int) (h >>> shift4) : -1;
  }

  /** Reads (to start its cache miss) the table entry of order {@code n} at {@code slot}. */
  long peek(int n, int slot) {
    return n == 2 ? t2[slot] : n == 3 ? t3[slot] : t4[2 * slot];
  }

  /** Reads (to start its cache miss) the trigram back-off code at {@code slot}; order 4 only. */
  long peekBackoff3(int slot) {
    return b3[slot];
  }
}
