package org.unspin.lm;

import java.nio.charset.StandardCharsets;

/**
 * Constants of the binary model format, version 2; the full specification is {@code
 * docs/lm-format.md}. All numbers are little-endian.
 *
 * @lucene.internal
 */
final class LmFormat {
  private LmFormat() {}

  static final byte[] MAGIC = "UNSPINLM".getBytes(StandardCharsets.US_ASCII);
  // 2: bigram index section, raw unigram scores (version 1 files, from earlier builds, are rejected).
  static final int VERSION = 2;

  /** log10 probability of a word the model has no unigram for, when it has no {@code <unk>} either. */
  static final float UNK_FLOOR = -7f;

  // Fixed header fields (byte offsets).
  static final int OFF_VERSION = 8;
  static final int OFF_HEADER_LENGTH = 12;
  static final int OFF_ORDER = 16;
  static final int OFF_QUANT_BITS = 20;
  static final int OFF_VOCAB_SIZE = 24;
  static final int OFF_WORD_BITS = 28;
  static final int OFF_PAYLOAD_LENGTH = 32;
  static final int OFF_PAYLOAD_CRC = 40;
  static final int FIXED = 48;

  // Sections, in file order: metadata, vocabulary (offsets, bytes, hash), bigram index, then per
  // order its probability codebook, back-off codebook and record array.
  static final int SEC_METADATA = 0;
  static final int SEC_VOCAB_OFFSETS = 1;
  static final int SEC_VOCAB_BYTES = 2;
  static final int SEC_VOCAB_HASH = 3;
  /** Hash index over the bigram records (empty for a unigram model). */
  static final int SEC_BIGRAM_INDEX = 4;
  static final int SEC_PER_ORDER_BASE = 5;

  /** Upper bound for the order so a corrupt header cannot make us allocate absurd arrays. */
  static final int MAX_ORDER = 16;

  static int sections(int order) {
    return SEC_PER_ORDER_BASE + 3 * order;
  }

  static int secProbCodebook(int n) {
    return SEC_PER_ORDER_BASE + 3 * (n - 1);
  }

  static int secBackoffCodebook(int n) {
    return SEC_PER_ORDER_BASE + 3 * (n - 1) + 1;
  }

  static int secRecords(int n) {
    return SEC_PER_ORDER_BASE + 3 * (n - 1) + 2;
  }

  /**
   * Header length: fixed part, records and n-grams per order, section table, zero padding to a
   * multiple of 8, with the header's own CRC32 in the last 4 bytes.
   */
  static int headerLength(int order) {
    int len = FIXED + 16 * order + 16 * sections(order) + 4;
    return (len + 7) & ~7;
  }

  /** Position of the header CRC32, which covers every header byte before it. */
  static int headerCrcPos(int order) {
    return headerLength(order) - 4;
  }

  /**
   * Bits per stored score of order {@code n} in a file quantized to {@code quantBits}: unigrams
   * are always raw floats (as in KenLM), since most back-off chains end there and their values
   * span the widest range; quantizing them cost 5 % perplexity on a 4-gram news model.
   */
  static int quantBits(int n, int quantBits) {
    return n == 1 ? 32 : quantBits;
  }

  /** Slots of the bigram index for {@code records} bigram records (load factor at most 3/4). */
  static long bigramSlots(long records) {
    return records + records / 3 + 1;
  }

  /**
   * Start slot of the bigram index for the bigram {@code x w} ({@code x} the older word) in a
   * table of {@code slots} slots: a 64-bit multiplicative mix mapped onto the table by
   * multiply-shift.
   */
  static long bigramSlot(int w, int x, long slots) {
    long k = ((long) w << 32 | (x & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
    k ^= k >>> 31;
    k *= 0xBF58476D1CE4E5B9L;
    k ^= k >>> 29;
    return ((k >>> 32) * slots) >>> 32;
  }

  /** Number of bits needed to store values {@code 0..max}. */
  static int bitsFor(long max) {
    return max <= 0 ? 1 : 64 - Long.numberOfLeadingZeros(max);
  }

  /** The word hash the vocabulary table is keyed with, over UTF-16 chars (FNV-1a, then a mix). */
  static int hash(CharSequence s) {
    int h = 0x811C9DC5;
    for (int i = 0, n = s.length(); i < n; i++) {
      h = (h ^ s.charAt(i)) * 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    return h;
  }
}
