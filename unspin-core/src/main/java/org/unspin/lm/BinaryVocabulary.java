package org.unspin.lm;

import java.nio.charset.StandardCharsets;

/**
 * The vocabulary section of a {@link BinaryLm}, read in place from the mapped file: word forms as
 * one UTF-8 blob with an offset table, and an open-addressing hash table (linear probing, load at
 * most 2/3) from {@link LmFormat#hash} to id + 1. {@link #id} compares the candidate's bytes with
 * the query's chars without decoding or allocating. Immutable and thread-safe.
 *
 * @lucene.internal
 */
final class BinaryVocabulary implements Vocabulary {
  private final MappedBytes bytes;
  private final int size;
  private final long offsets;
  private final long blob;
  private final long hash;
  private final int slotMask;

  BinaryVocabulary(MappedBytes bytes, int size, long offsets, long blob, long hash, int slots) {
    this.bytes = bytes;
    this.size = size;
    this.offsets = offsets;
    this.blob = blob;
    this.hash = hash;
    this.slotMask = slots - 1;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int id(CharSequence word) {
    int s = LmFormat.hash(word) & slotMask;
    while (true) {
      int v = bytes.getInt(hash + 4L * s);
      if (v == 0) {
        return UNK;
      }
      if (matches(v - 1, word)) {
        return v - 1;
      }
      s = (s + 1) & slotMask;
    }
  }

  @Override
  public String word(int id) {
    if (id < 0 || id >= size) {
      throw new IndexOutOfBoundsException("word id " + id + " outside [0, " + size + ")");
    }
    int start = bytes.getInt(offsets + 4L * id);
    int end = bytes.getInt(offsets + 4L * id + 4);
    byte[] b = new byte[end - start];
    bytes.get(blob + start, b, 0, b.length);
    return new String(b, StandardCharsets.UTF_8);
  }

  private boolean matches(int id, CharSequence s) {
    long p = blob + bytes.getInt(offsets + 4L * id);
    long end = blob + bytes.getInt(offsets + 4L * id + 4);
    int len = s.length();
    for (int i = 0; i < len; i++) {
      int c = s.charAt(i);
      if (c < 0x80) {
        if (p >= end || bytes.get(p++) != (byte) c) {
          return false;
        }
        continue;
      }
      int cp;
      int n;
      if (c < 0x800) {
        cp = c;
        n = 2;
      } else if (Character.isHighSurrogate((char) c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
        cp = Character.toCodePoint((char) c, s.charAt(++i));
        n = 4;
      } else if (Character.isSurrogate((char) c)) {
        return false;
      } else {
        cp = c;
        n = 3;
      }
      if (end - p < n) {
        return false;
      }
      int lead = n == 2 ? 0xC0 | (cp >>> 6) : n == 3 ? 0xE0 | (cp >>> 12) : 0xF0 | (cp >>> 18);
      if (bytes.get(p++) != (byte) lead) {
        return false;
      }
      for (int k = n - 2; k >= 0; k--) {
        if (bytes.get(p++) != (byte) (0x80 | ((cp >>> (6 * k)) & 0x3F))) {
          return false;
        }
      }
    }
    return p == end;
  }
}
