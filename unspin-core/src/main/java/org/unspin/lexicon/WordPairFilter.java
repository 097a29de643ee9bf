package org.unspin.lexicon;

/**
 * A one-sided test for the first two words of multiword phrases: {@link #mayContain} is true for
 * every pair added, and for a few percent of the others (a Bloom filter with one bit per pair,
 * from the words' string hashes). It lets a look-up of a multiword span that cannot match skip the
 * phrase tables and caches, whose first touch is a cache miss each; the bit set stays small enough
 * to stay in the processor's cache. Immutable after building; thread-safe to read.
 */
public final class WordPairFilter {
  /** Stands for "any word" as the second word (plus the phrase's word count): the first words of phrases. */
  private static final int ANY_SECOND = 0x5bd1e995;
  /** Stands for "any word" as the first word (plus the phrase's word count): the second words of phrases. */
  private static final int ANY_FIRST = 0x1b873593;

  private final long[] bits;
  private final int shift;

  private WordPairFilter(int pairs) {
    // At least 16 bits per pair and per first or second word: at most one bit in 16 set, so a
    // false positive rate of at most about 1 in 16.
    int log = Math.max(10, 64 - Long.numberOfLeadingZeros(Math.max(1L, pairs * 48L - 1)));
    if (log > 30) {
      throw new IllegalArgumentException("too many pairs for a word pair filter: " + pairs);
    }
    this.bits = new long[1 << (log - 6)];
    this.shift = 64 - log;
  }

  /**
   * A filter as {@link #bits()} and {@link #shift()} gave it (a {@link LexiconCache} file).
   *
   * @throws IllegalArgumentException if they cannot be such a filter
   */
  WordPairFilter(long[] bits, int shift) {
    if (bits.length == 0 || Integer.bitCount(bits.length) != 1
        || shift != 64 - 6 - Integer.numberOfTrailingZeros(bits.length)) {
      throw new IllegalArgumentException("not a word pair filter: " + bits.length + " words, shift " + shift);
    }
    this.bits = bits;
    this.shift = shift;
  }

  /** The bit set (not a copy: not to be changed). */
  long[] bits() {
    return bits;
  }

  int shift() {
    return shift;
  }

  /** A filter of the first two words of every phrase of two or more words (words joined by single spaces). */
  public static WordPairFilter ofPhrases(String[] phrases) {
    int multi = 0;
    for (String p : phrases) {
      if (p.indexOf(' ') > 0) {
        multi++;
      }
    }
    WordPairFilter f = new WordPairFilter(multi);
    for (String p : phrases) {
      int first = p.indexOf(' ');
      if (first > 0) {
        int second = p.indexOf(' ', first + 1);
        int words = 2;
        for (int i = second; i >= 0; i = p.indexOf(' ', i + 1)) {
          words++;
        }
        f.add(p.substring(0, first), p.substring(first + 1, second < 0 ? p.length() : second), words);
      }
    }
    return f;
  }

  /** Adds the pair {@code (first, second)} of a phrase of {@code words} words (and each word on its own side). */
  private void add(String first, String second, int words) {
    set(slot(first.hashCode(), second.hashCode()));
    set(slot(first.hashCode(), ANY_SECOND + words));
    set(slot(ANY_FIRST + words, second.hashCode()));
  }

  /** False only if no pair {@code (first, second)} was added. */
  public boolean mayContain(String first, String second) {
    return get(slot(first.hashCode(), second.hashCode()));
  }

  /** False only if no phrase of {@code words} words with {@code first} as its first word was added. */
  public boolean mayStart(String first, int words) {
    return get(slot(first.hashCode(), ANY_SECOND + words));
  }

  /** False only if no phrase of {@code words} words with {@code second} as its second word was added. */
  public boolean mayFollow(String second, int words) {
    return get(slot(ANY_FIRST + words, second.hashCode()));
  }

  private int slot(int a, int b) {
    long x = (a * 0x9E3779B97F4A7C15L) ^ (b & 0xFFFFFFFFL);
    x *= 0xBF58476D1CE4E5B9L;
    x ^= x >>> 29;
    x *= 0x94D049BB133111EBL;
    return (int) (x >>> shift);
  }

  private void set(int i) {
    bits[i >>> 6] |= 1L << i;
  }

  private boolean get(int i) {
    return (bits[i >>> 6] & (1L << i)) != 0;
  }
}
