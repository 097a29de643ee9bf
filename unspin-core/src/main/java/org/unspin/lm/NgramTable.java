package org.unspin.lm;

import java.util.Arrays;

/**
 * A growable list of packed n-gram keys (see {@link NgramKeys}) with a long payload each, plus an
 * open-addressing hash index from key to position, built once by {@link #freeze}. After freezing,
 * the keys live only in the hash slots, next to each other, so a lookup touches one cache line
 * when the key is absent; iterate with {@link #slots()}, {@link #slotIndex}, {@link #slotHi} and
 * {@link #slotLo}.
 *
 * <p>Not thread-safe while growing; read-only use after {@code freeze} is safe.
 *
 * @lucene.internal
 */
final class NgramTable {
  private long[] hi = new long[16];
  private long[] lo = new long[16];
  private long[] value = new long[16];
  private int size;
  /** Interleaved (hi, lo) per slot; hi == 0 marks an empty slot (keys are never 0). */
  private long[] keys;
  private int[] index;
  private int mask;

  void add(long keyHi, long keyLo, long payload) {
    if (keys != null) {
      throw new IllegalStateException("add after freeze");
    }
    if (size == hi.length) {
      int cap = size + (size >> 1);
      hi = Arrays.copyOf(hi, cap);
      lo = Arrays.copyOf(lo, cap);
      value = Arrays.copyOf(value, cap);
    }
    hi[size] = keyHi;
    lo[size] = keyLo;
    value[size] = payload;
    size++;
  }

  int size() {
    return size;
  }

  long value(int i) {
    return value[i];
  }

  /** Builds the hash index and drops the insertion-order keys; keys must be distinct. */
  void freeze() {
    value = Arrays.copyOf(value, size);
    int cap = Integer.highestOneBit(Math.max(4, size + (size >> 1)) - 1) << 1;
    keys = new long[2 * cap];
    index = new int[cap];
    Arrays.fill(index, -1);
    mask = cap - 1;
    for (int i = 0; i < size; i++) {
      int s = (int) NgramKeys.hash(hi[i], lo[i]) & mask;
      while (keys[2 * s] != 0) {
        s = (s + 1) & mask;
      }
      keys[2 * s] = hi[i];
      keys[2 * s + 1] = lo[i];
      index[s] = i;
    }
    hi = null;
    lo = null;
  }

  /** Position of the key, or -1. */
  int find(long keyHi, long keyLo) {
    int s = (int) NgramKeys.hash(keyHi, keyLo) & mask;
    while (true) {
      long h = keys[2 * s];
      if (h == 0) {
        return -1;
      }
      if (h == keyHi && keys[2 * s + 1] == keyLo) {
        return index[s];
      }
      s = (s + 1) & mask;
    }
  }

  /** Number of hash slots (after {@link #freeze}). */
  int slots() {
    return index.length;
  }

  /** Position stored in slot {@code s}, or -1 for an empty slot. */
  int slotIndex(int s) {
    return index[s];
  }

  long slotHi(int s) {
    return keys[2 * s];
  }

  long slotLo(int s) {
    return keys[2 * s + 1];
  }
}
