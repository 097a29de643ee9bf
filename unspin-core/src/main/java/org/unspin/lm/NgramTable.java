package org.unspin.lm;

import java.util.Arrays;

/**
 * A growable list of packed n-gram keys (see {@link NgramKeys}) with a long payload each, plus an
 * open-addressing hash index from key to position, built once by {@link #freeze}.
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
  private int[] slots;
  private int mask;

  void add(long keyHi, long keyLo, long payload) {
    if (slots != null) {
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

  long hi(int i) {
    return hi[i];
  }

  long lo(int i) {
    return lo[i];
  }

  long value(int i) {
    return value[i];
  }

  /** Trims storage and builds the hash index; keys must be distinct. */
  void freeze() {
    hi = Arrays.copyOf(hi, size);
    lo = Arrays.copyOf(lo, size);
    value = Arrays.copyOf(value, size);
    int cap = Integer.highestOneBit(Math.max(4, size) * 2 - 1) * 2;
    slots = new int[cap];
    Arrays.fill(slots, -1);
    mask = cap - 1;
    for (int i = 0; i < size; i++) {
      int s = (int) NgramKeys.hash(hi[i], lo[i]) & mask;
      while (slots[s] >= 0) {
        s = (s + 1) & mask;
      }
      slots[s] = i;
    }
  }

  /** Position of the key, or -1. */
  int find(long keyHi, long keyLo) {
    int s = (int) NgramKeys.hash(keyHi, keyLo) & mask;
    while (true) {
      int i = slots[s];
      if (i < 0) {
        return -1;
      }
      if (hi[i] == keyHi && lo[i] == keyLo) {
        return i;
      }
      s = (s + 1) & mask;
    }
  }
}
