package org.unspin.lexicon;

import java.util.Arrays;

/**
 * An immutable open-addressing hash from phrases (LM-form words joined by single spaces) to dense
 * ids {@code 0..size()-1}, the index in the array it was built from. Look-ups by a span of a token
 * array allocate nothing. Thread-safe.
 */
public final class PhraseTable {
  private static final int EMPTY = -1;
  private final String[] phrases;
  private final int[] slots;
  private final int mask;

  /**
   * Indexes {@code phrases}; the array is kept, not copied, so the caller must not change it.
   *
   * @throws IllegalArgumentException if a phrase is null, empty or repeated
   */
  public PhraseTable(String[] phrases) {
    this.phrases = phrases;
    int cap = Integer.highestOneBit(Math.max(4, phrases.length * 2 - 1)) << 1;
    slots = new int[cap];
    Arrays.fill(slots, EMPTY);
    mask = cap - 1;
    for (int id = 0; id < phrases.length; id++) {
      String p = phrases[id];
      if (p == null || p.isEmpty()) {
        throw new IllegalArgumentException("phrases[" + id + "]: null or empty");
      }
      int h = mix(hash(p));
      while (true) {
        int i = h & mask;
        int s = slots[i];
        if (s == EMPTY) {
          slots[i] = id;
          break;
        }
        if (phrases[s].equals(p)) {
          throw new IllegalArgumentException("phrases[" + id + "]: duplicate of phrases[" + s + "]: '" + p + "'");
        }
        h++;
      }
    }
  }

  /**
   * A table as {@link #slots()} gave it for {@code phrases} (a {@link LexiconCache} file); the
   * caller checks look-ups agree.
   *
   * @throws IllegalArgumentException if {@code slots} cannot be such a table
   */
  PhraseTable(String[] phrases, int[] slots) {
    if (slots.length < 4 || Integer.bitCount(slots.length) != 1 || slots.length < 2 * phrases.length) {
      throw new IllegalArgumentException("not the slots of " + phrases.length + " phrases: " + slots.length);
    }
    this.phrases = phrases;
    this.slots = slots;
    this.mask = slots.length - 1;
  }

  /** The slot array (not a copy: not to be changed). */
  int[] slots() {
    return slots;
  }

  /** The phrases by id (not a copy: not to be changed). */
  String[] phrases() {
    return phrases;
  }

  /** Number of phrases. */
  public int size() {
    return phrases.length;
  }

  /** The phrase with the given id. */
  public String phrase(int id) {
    return phrases[id];
  }

  /** The id of {@code phrase}, or -1. */
  public int find(String phrase) {
    int h = mix(hash(phrase));
    while (true) {
      int s = slots[h & mask];
      if (s == EMPTY) {
        return -1;
      }
      if (phrases[s].equals(phrase)) {
        return s;
      }
      h++;
    }
  }

  /** The id of the phrase {@code tokens[from..from+len)} joined by single spaces, or -1. */
  public int find(String[] tokens, int from, int len) {
    int hc = 0;
    for (int t = from; t < from + len; t++) {
      if (t > from) {
        hc = 31 * hc + ' ';
      }
      String tok = tokens[t];
      for (int k = 0, n = tok.length(); k < n; k++) {
        hc = 31 * hc + tok.charAt(k);
      }
    }
    int h = mix(hc);
    while (true) {
      int s = slots[h & mask];
      if (s == EMPTY) {
        return -1;
      }
      if (matches(phrases[s], tokens, from, len)) {
        return s;
      }
      h++;
    }
  }

  private static boolean matches(String p, String[] tokens, int from, int len) {
    int pos = 0;
    int n = p.length();
    for (int t = from; t < from + len; t++) {
      if (t > from) {
        if (pos >= n || p.charAt(pos) != ' ') {
          return false;
        }
        pos++;
      }
      String tok = tokens[t];
      int m = tok.length();
      if (pos + m > n || !p.regionMatches(pos, tok, 0, m)) {
        return false;
      }
      pos += m;
    }
    return pos == n;
  }

  private static int hash(String s) {
    // Same as String.hashCode, spelled out so that find(tokens...) provably agrees with it.
    int h = 0;
    for (int k = 0, n = s.length(); k < n; k++) {
      h = 31 * h + s.charAt(k);
    }
    return h;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
