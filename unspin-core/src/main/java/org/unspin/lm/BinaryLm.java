package org.unspin.lm;

import org.unspin.util.Utf8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unspin.api.ModelException;

/**
 * A back-off n-gram model in the binary format written by {@link BinaryLmWriter}, memory-mapped
 * and queried in place (no parse at start-up; the header is validated and the payload's CRC32 is
 * verified on {@link #open}). Immutable and thread-safe: any number of threads may query one
 * instance.
 *
 * <p>Scores follow ARPA back-off semantics exactly: {@code log10 p(w | h)} is the probability of the
 * longest suffix of {@code h w} the model holds plus the back-off weights of the context suffixes
 * longer than that match. A word without a unigram (in particular {@link Vocabulary#UNK} when the
 * model has no {@code <unk>} entry) scores the floor {@value LmFormat#UNK_FLOOR} plus the
 * back-offs of the whole context; its matched order is 0. When the model has a {@code <unk>}
 * unigram, {@code UNK} is scored like any word (including longer n-grams ending in {@code <unk>}),
 * but its matched order is still reported as 0.
 *
 * <p>Two query styles: the stateless {@link #query} of {@link LanguageModel}, and the faster
 * state-based {@link #query(State, int, State)} for left-to-right decoders, which carries the
 * context's back-offs from one word to the next (KenLM style) and so does about half the lookups.
 */
public final class BinaryLm implements LanguageModel {
  private static final Logger LOG = LoggerFactory.getLogger(BinaryLm.class);

  private final Path file;
  private final MappedBytes bytes;
  private final int order;
  private final int quantBits;
  private final BinaryVocabulary vocabulary;
  private final Map<String, String> metadata;
  private final long[] records;
  private final long[] ngrams;
  // Per order (index n): record array start, record width in bits, field shifts and widths.
  private final long[] base;
  private final long[] width;
  private final int[] keyBits;
  private final long[] keyMask;
  private final int[] probShift;
  private final int[] boShift;
  private final int[] ptrShift;
  private final int[] ptrBits;
  private final long[] ptrMask;
  /** Per order: bits per stored score (unigrams are always raw 32-bit floats), masks, raw flag. */
  private final int[] qBits;
  private final long[] qMask;
  private final boolean[] raw;
  /** What {@link #probCode} returns for a blank record. */
  private static final long BLANK = -1;
  private final float[][] probBook;
  private final float[][] boBook;
  private final ThreadLocal<Recent> recent;
  private final long bigramIndex;
  private final long bigramSlots;
  private final int bigramBits;
  private final long bigramMask;
  /** See {@link #heapBigrams()}; null until first needed. */
  private volatile int[] heapBigrams;

  private BinaryLm(Path file, MappedBytes bytes) {
    this.file = file;
    this.bytes = bytes;
    long size = bytes.size();
    byte[] magic = new byte[8];
    bytes.get(0, magic, 0, (int) Math.min(8, size));
    if (size >= 8 && !Arrays.equals(magic, LmFormat.MAGIC)) {
      throw bad("not an Unspin language model (wrong magic number)");
    }
    if (size < LmFormat.FIXED) {
      throw bad("truncated: " + size + " bytes, shorter than the " + LmFormat.FIXED + "-byte header");
    }
    int version = bytes.getInt(LmFormat.OFF_VERSION);
    if (version != LmFormat.VERSION) {
      throw bad("unsupported format version " + version + " (this build reads version " + LmFormat.VERSION + ")");
    }
    order = bytes.getInt(LmFormat.OFF_ORDER);
    if (order < 1 || order > LmFormat.MAX_ORDER) {
      throw bad("corrupt header: order " + order);
    }
    int headerLength = bytes.getInt(LmFormat.OFF_HEADER_LENGTH);
    if (headerLength != LmFormat.headerLength(order)) {
      throw bad("corrupt header: header length " + headerLength + " for order " + order);
    }
    if (size < headerLength) {
      throw bad("truncated: " + size + " bytes, shorter than its " + headerLength + "-byte header");
    }
    CRC32 hc = new CRC32();
    byte[] header = new byte[headerLength];
    bytes.get(0, header, 0, headerLength);
    int crcPos = LmFormat.headerCrcPos(order);
    hc.update(header, 0, crcPos);
    if ((int) hc.getValue() != ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(crcPos)) {
      throw bad("header checksum mismatch (corrupt header)");
    }
    long payload = bytes.getLong(LmFormat.OFF_PAYLOAD_LENGTH);
    if (size < headerLength + payload) {
      throw bad("truncated: " + size + " bytes, the header announces " + (headerLength + payload));
    }
    if (size > headerLength + payload) {
      throw bad("has " + (size - headerLength - payload) + " trailing bytes after the payload");
    }
    quantBits = bytes.getInt(LmFormat.OFF_QUANT_BITS);
    if (quantBits != 8 && quantBits != 16 && quantBits != 32) {
      throw bad("corrupt header: quantization " + quantBits + " bits");
    }
    int vocabSize = bytes.getInt(LmFormat.OFF_VOCAB_SIZE);
    int wordBits = bytes.getInt(LmFormat.OFF_WORD_BITS);
    if (vocabSize < 3 || wordBits != LmFormat.bitsFor(vocabSize - 1)) {
      throw bad("corrupt header: vocabulary size " + vocabSize + " with " + wordBits + "-bit word ids");
    }
    long t0 = System.nanoTime();
    long crc = bytes.crc32(headerLength, size);
    if ((int) crc != bytes.getInt(LmFormat.OFF_PAYLOAD_CRC)) {
      throw bad("checksum mismatch (corrupt or modified file)");
    }
    records = new long[order + 2];
    ngrams = new long[order + 1];
    for (int n = 1; n <= order; n++) {
      records[n] = bytes.getLong(LmFormat.FIXED + 8L * (n - 1));
      ngrams[n] = bytes.getLong(LmFormat.FIXED + 8L * (order + n - 1));
      if (records[n] < 0 || ngrams[n] < 0 || ngrams[n] > records[n]) {
        throw bad("inconsistent counts: order " + n + " has " + ngrams[n] + " n-grams in " + records[n] + " records");
      }
    }
    if (records[1] != vocabSize) {
      throw bad("inconsistent counts: " + records[1] + " unigram records for a vocabulary of " + vocabSize);
    }
    int sections = LmFormat.sections(order);
    long[] secOff = new long[sections];
    long[] secLen = new long[sections];
    long prevEnd = headerLength;
    for (int s = 0; s < sections; s++) {
      long p = LmFormat.FIXED + 16L * order + 16L * s;
      secOff[s] = bytes.getLong(p);
      secLen[s] = bytes.getLong(p + 8);
      if (secOff[s] < prevEnd || secLen[s] < 0 || secOff[s] + secLen[s] > size) {
        throw bad("corrupt section table: section " + s + " at " + secOff[s] + " length " + secLen[s]);
      }
      prevEnd = secOff[s] + secLen[s];
    }
    metadata = readMetadata(secOff[LmFormat.SEC_METADATA], secLen[LmFormat.SEC_METADATA]);
    if (secLen[LmFormat.SEC_VOCAB_OFFSETS] != 4L * (vocabSize + 1)) {
      throw bad("inconsistent counts: vocabulary offset table of " + secLen[LmFormat.SEC_VOCAB_OFFSETS]
          + " bytes for " + vocabSize + " words");
    }
    long hashLen = secLen[LmFormat.SEC_VOCAB_HASH];
    long slots = hashLen / 4;
    if (hashLen % 4 != 0 || Long.bitCount(slots) != 1 || slots <= vocabSize || slots > Integer.MAX_VALUE) {
      throw bad("corrupt vocabulary hash table of " + hashLen + " bytes");
    }
    vocabulary = new BinaryVocabulary(bytes, vocabSize, secOff[LmFormat.SEC_VOCAB_OFFSETS],
        secOff[LmFormat.SEC_VOCAB_BYTES], secOff[LmFormat.SEC_VOCAB_HASH], (int) slots);

    qBits = new int[order + 1];
    qMask = new long[order + 1];
    raw = new boolean[order + 1];
    base = new long[order + 1];
    width = new long[order + 1];
    keyBits = new int[order + 1];
    keyMask = new long[order + 1];
    probShift = new int[order + 1];
    boShift = new int[order + 1];
    ptrShift = new int[order + 1];
    ptrBits = new int[order + 1];
    ptrMask = new long[order + 1];
    probBook = new float[order + 1][];
    boBook = new float[order + 1][];
    for (int n = 1; n <= order; n++) {
      boolean top = n == order;
      qBits[n] = LmFormat.quantBits(n, quantBits);
      qMask[n] = (1L << qBits[n]) - 1;
      raw[n] = qBits[n] == 32;
      probBook[n] = readCodebook(n, secOff[LmFormat.secProbCodebook(n)], secLen[LmFormat.secProbCodebook(n)],
          raw[n] ? 0 : (1 << qBits[n]) - 1, "probability");
      boBook[n] = readCodebook(n, secOff[LmFormat.secBackoffCodebook(n)], secLen[LmFormat.secBackoffCodebook(n)],
          raw[n] || top ? 0 : 1 << qBits[n], "back-off");
      keyBits[n] = n == 1 ? 0 : wordBits;
      keyMask[n] = (1L << keyBits[n]) - 1;
      probShift[n] = keyBits[n];
      boShift[n] = keyBits[n] + qBits[n];
      ptrShift[n] = keyBits[n] + 2 * qBits[n];
      ptrBits[n] = top ? 0 : LmFormat.bitsFor(records[n + 1]);
      ptrMask[n] = (1L << ptrBits[n]) - 1;
      width[n] = top ? keyBits[n] + qBits[n] : ptrShift[n] + ptrBits[n];
      base[n] = secOff[LmFormat.secRecords(n)];
      long count = records[n] + (top ? 0 : 1);
      long expected = (count * width[n] + 7) / 8 + 8;
      if (secLen[LmFormat.secRecords(n)] != expected) {
        throw bad("inconsistent counts: " + n + "-gram records take " + secLen[LmFormat.secRecords(n)]
            + " bytes, " + records[n] + " records need " + expected);
      }
    }
    bigramIndex = secOff[LmFormat.SEC_BIGRAM_INDEX];
    if (order >= 2 && secLen[LmFormat.SEC_BIGRAM_INDEX] > 0) {
      bigramSlots = LmFormat.bigramSlots(records[2]);
      bigramBits = LmFormat.bitsFor(records[2]);
      bigramMask = (1L << bigramBits) - 1;
      long expected = (bigramSlots * bigramBits + 7) / 8 + 8;
      if (secLen[LmFormat.SEC_BIGRAM_INDEX] != expected) {
        throw bad("inconsistent counts: bigram index of " + secLen[LmFormat.SEC_BIGRAM_INDEX] + " bytes, "
            + records[2] + " bigrams need " + expected);
      }
    } else {
      bigramSlots = 0;
      bigramBits = 0;
      bigramMask = 0;
    }
    for (int n = 1; n < order; n++) {
      if (ptr(n, 0) != 0 || ptr(n, records[n]) != records[n + 1]) {
        throw bad("inconsistent counts: " + n + "-gram child pointers do not span the " + records[n + 1]
            + " records of order " + (n + 1));
      }
    }
    int o = order;
    recent = ThreadLocal.withInitial(() -> new Recent(o));
    LOG.debug("opened {} ({} bytes, order {}, checksum verified in {} ms)", file, size, order,
        (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * Memory-maps and validates the model in {@code file}.
   *
   * @throws ModelException naming the file if it is missing, unreadable, truncated, corrupt, of
   *     another format or of an unsupported version
   */
  public static BinaryLm open(Path file) {
    return open(file, MappedBytes.WINDOW_BITS);
  }

  /** {@link #open(Path)} with mapping windows of {@code 2^windowBits} bytes (tests). */
  static BinaryLm open(Path file, int windowBits) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return new BinaryLm(file, MappedBytes.map(ch, windowBits));
    } catch (NoSuchFileException e) {
      throw new ModelException("language model " + file + ": no such file", e);
    } catch (IOException e) {
      throw new ModelException("language model " + file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private ModelException bad(String what) {
    return new ModelException("language model " + file + ": " + what);
  }

  private Map<String, String> readMetadata(long off, long len) {
    if (len > Integer.MAX_VALUE) {
      throw bad("corrupt metadata section of " + len + " bytes");
    }
    byte[] b = new byte[(int) len];
    bytes.get(off, b, 0, b.length);
    try {
      String text = Utf8.strictDecoder().decode(ByteBuffer.wrap(b)).toString();
      Map<String, String> m = Metadata.decode(text);
      if (m == null) {
        throw bad("malformed metadata section");
      }
      return Collections.unmodifiableMap(m);
    } catch (CharacterCodingException e) {
      throw bad("metadata section is not UTF-8");
    }
  }

  private float[] readCodebook(int n, long off, long len, int max, String what) {
    if (len % 4 != 0 || len / 4 > max) {
      throw bad("corrupt " + what + " codebook of order " + n + " (" + len + " bytes)");
    }
    float[] book = new float[(int) (len / 4)];
    for (int i = 0; i < book.length; i++) {
      book[i] = bytes.getFloat(off + 4L * i);
      if (!Float.isFinite(book[i])) {
        throw bad("corrupt " + what + " codebook of order " + n + ": value " + book[i]);
      }
    }
    // Pad to the full code range so a corrupt code cannot index outside the array.
    int full = max == 0 ? 0 : max + (what.equals("probability") ? 1 : 0);
    return full == 0 ? book : Arrays.copyOf(book, full);
  }

  // ---- record access -------------------------------------------------------------------------

  private long key(int n, long i) {
    return bytes.bits(base[n], i * width[n], keyBits[n], keyMask[n]);
  }

  /** The probability code of record {@code i} of order {@code n}, or {@link #BLANK}. */
  private long probCode(int n, long i) {
    long m = qMask[n];
    long c = bytes.bits(base[n], i * width[n] + probShift[n], qBits[n], m);
    return c == m ? BLANK : c;
  }

  private float prob(int n, long code) {
    return raw[n] ? Float.intBitsToFloat((int) code) : probBook[n][(int) code];
  }

  private float backoff(int n, long i) {
    long code = bytes.bits(base[n], i * width[n] + boShift[n], qBits[n], qMask[n]);
    return raw[n] ? Float.intBitsToFloat((int) code) : boBook[n][(int) code];
  }

  private long ptr(int n, long i) {
    return bytes.bits(base[n], i * width[n] + ptrShift[n], ptrBits[n], ptrMask[n]);
  }

  /** Index of the record of order {@code n} in {@code [lo, hi)} whose key is {@code w}, or -1. */
  private long find(int n, long lo, long hi, int w) {
    long b = base[n];
    long wd = width[n];
    int kb = keyBits[n];
    long km = keyMask[n];
    hi--;
    while (lo <= hi) {
      long mid = (lo + hi) >>> 1;
      long k = bytes.bits(b, mid * wd, kb, km);
      if (k < w) {
        lo = mid + 1;
      } else if (k > w) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /**
   * Index of the bigram record {@code x w} in {@code [lo, hi)} (the children of {@code w}), or -1,
   * through the bigram hash index: a slot's record is the one sought exactly when it lies in
   * {@code w}'s child range and its key is {@code x}.
   */
  private long findBigram(int w, long lo, long hi, int x) {
    if (bigramSlots == 0) {
      if (hi - lo <= HEAP_INDEX_MIN_CHILDREN) {
        return find(2, lo, hi, x);
      }
      int[] table = heapBigrams();
      int mask = table.length - 1;
      int s = heapSlot(w, x, mask);
      while (true) {
        int v = table[s];
        if (v == 0) {
          return -1;
        }
        long idx = v - 1L;
        if (idx >= lo && idx < hi && key(2, idx) == x) {
          return idx;
        }
        s = (s + 1) & mask;
      }
    }
    long s = LmFormat.bigramSlot(w, x, bigramSlots);
    while (true) {
      long v = bytes.bits(bigramIndex, s * bigramBits, bigramBits, bigramMask);
      if (v == 0) {
        return -1;
      }
      long idx = v - 1;
      if (idx >= lo && idx < hi && key(2, idx) == x) {
        return idx;
      }
      s = s + 1 == bigramSlots ? 0 : s + 1;
    }
  }

  /**
   * Words with at most this many bigram children are searched by bisection even when the in-heap
   * index exists: a few probes of a short range cost less than a cache miss in a 32 MB table.
   */
  private static final long HEAP_INDEX_MIN_CHILDREN = 16;

  /**
   * The in-heap bigram index of a model written without one (the shipped default, whose 64 MB
   * budget has no room for it): an open-addressing table (linear probing, load at most 1/2) from
   * the bigram {@code x w} to its record index + 1, over the words with more than {@link
   * #HEAP_INDEX_MIN_CHILDREN} children. A bigram look-up then costs one or two probes instead of
   * a bisection of up to 17 steps through the mapped records. Built on first use (about 0.1 s and
   * 4 bytes per slot for 4 million bigrams) and shared by all threads.
   */
  private int[] heapBigrams() {
    int[] t = heapBigrams;
    if (t == null) {
      synchronized (heapBigramsLock) {
        t = heapBigrams;
        if (t == null) {
          t = buildHeapBigrams();
          heapBigrams = t;
        }
      }
    }
    return t;
  }

  /** Guards the building of {@link #heapBigrams} (not {@code this}: the hash index builds under that). */
  private final Object heapBigramsLock = new Object();

  /**
   * Starts building the in-heap bigram index ({@link #heapBigrams()}) on a daemon thread, so that
   * the first query does not wait for it (start-up; the index is built once either way). Does
   * nothing when the model needs none (it was written with one) or it is built or being built.
   */
  public void startBigramIndex() {
    if (order < 2 || bigramSlots != 0 || heapBigrams != null || !bigramIndexStarted.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(this::heapBigrams, "unspin-lm-bigram-index");
    t.setDaemon(true);
    t.start();
  }

  private final java.util.concurrent.atomic.AtomicBoolean bigramIndexStarted =
      new java.util.concurrent.atomic.AtomicBoolean();

  private int[] buildHeapBigrams() {
    long t0 = System.nanoTime();
    long indexed = 0;
    for (long w = 0; w < records[1]; w++) {
      long n = ptr(1, w + 1) - ptr(1, w);
      if (n > HEAP_INDEX_MIN_CHILDREN) {
        indexed += n;
      }
    }
    long slots = Long.highestOneBit(Math.max(2, indexed * 2 - 1)) << 1;
    if (slots > 1L << 30 || records[2] >= Integer.MAX_VALUE) {
      throw new ModelException(file + ": too many bigrams (" + records[2] + ") for the in-heap bigram index");
    }
    int[] table = new int[(int) slots];
    int mask = table.length - 1;
    for (int w = 0; w < records[1]; w++) {
      long lo = ptr(1, w);
      long hi = ptr(1, w + 1L);
      if (hi - lo <= HEAP_INDEX_MIN_CHILDREN) {
        continue;
      }
      for (long idx = lo; idx < hi; idx++) {
        int s = heapSlot(w, (int) key(2, idx), mask);
        while (table[s] != 0) {
          s = (s + 1) & mask;
        }
        table[s] = (int) (idx + 1);
      }
    }
    LOG.debug("built the in-heap bigram index of {}: {} bigrams in {} slots, {} ms", file, indexed, slots,
        (System.nanoTime() - t0) / 1_000_000);
    return table;
  }

  private static int heapSlot(int w, int x, int mask) {
    long k = ((long) w << 32 | (x & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
    k ^= k >>> 31;
    k *= 0xBF58476D1CE4E5B9L;
    return (int) (k >>> 32) & mask;
  }

  /**
   * Touches, for each {@code words[i]}, the memory a query of it after the one-word context
   * {@code prevs[i]} reads first (its unigram record, its bigram's index slot and record, the
   * first probe among the bigram's children), stage by stage over the whole batch, so that the
   * independent cache misses overlap instead of following one another (a query walks its n-grams
   * one dependent read after another, so queries asked one at a time wait for each miss in turn).
   * Changes no answer; the return value only keeps the reads from being optimized away.
   *
   * @param prevs context words, {@code count} of them, each a valid word id
   * @param words the words, {@code count} of them, each a valid word id
   * @param scratch at least {@code count} entries, overwritten
   */
  public long warm(int[] prevs, int[] words, int count, long[] scratch) {
    if (order < 2) {
      return 0;
    }
    for (int i = 0; i < count; i++) {
      checkWord(prevs[i]);
      checkWord(words[i]);
    }
    long sink = 0;
    long b1 = base[1];
    long w1 = width[1];
    for (int i = 0; i < count; i++) {
      sink += bytes.getLong(b1 + ((words[i] * w1) >>> 3));
    }
    NgramHash h = hashIndex();
    if (h != null) {
      for (int i = 0; i < count; i++) {
        sink += h.peek(2, h.home2(words[i], prevs[i]));
      }
      return sink;
    }
    int[] table = bigramSlots == 0 ? heapBigrams() : null;
    int mask = table == null ? 0 : table.length - 1;
    for (int i = 0; i < count; i++) {
      int w = words[i];
      long lo = ptr(1, w);
      long hi = ptr(1, w + 1L);
      if (bigramSlots != 0) {
        long slot = LmFormat.bigramSlot(w, prevs[i], bigramSlots);
        sink += bytes.bits(bigramIndex, slot * bigramBits, bigramBits, bigramMask);
      } else if (hi - lo > HEAP_INDEX_MIN_CHILDREN) {
        sink += table[heapSlot(w, prevs[i], mask)];
      } else if (hi > lo) {
        sink += key(2, (lo + hi - 1) >>> 1);
      }
    }
    for (int i = 0; i < count; i++) {
      int w = words[i];
      long lo = ptr(1, w);
      long hi = ptr(1, w + 1L);
      scratch[i] = lo < hi ? findBigram(w, lo, hi, prevs[i]) : -1;
    }
    if (order >= 3) {
      for (int i = 0; i < count; i++) {
        long idx = scratch[i];
        if (idx >= 0) {
          long lo = ptr(2, idx);
          long hi = ptr(2, idx + 1);
          if (hi > lo) {
            sink += key(3, (lo + hi - 1) >>> 1);
          }
        }
      }
    }
    return sink;
  }

  // ---- hashed look-ups --------------------------------------------------------------------------

  /** The hash index once built (see {@link #startHashIndex}); null before. */
  private volatile NgramHash hash;
  private final java.util.concurrent.atomic.AtomicBoolean hashStarted = new java.util.concurrent.atomic.AtomicBoolean();

  /** The hash index if it is built, else null (queries then walk the trie). */
  NgramHash hashIndex() {
    return hash;
  }

  /**
   * Starts building this model's in-heap n-gram hash index ({@link NgramHash}) on a daemon
   * thread and returns at once; queries walk the trie until it is ready and use it afterwards, with
   * the same answers either way. For long-running processes (a server, a batch scan): for the
   * default model it costs about 160 MB of heap and 1.5 s of one core, and takes 11–16% off the CPU
   * of a check of new text (BENCHMARKS.md §4h). Does nothing after the first call.
   *
   * @return false if this model cannot have the index (order above 4, codes wider than 8 bits,
   *     2^18 words or more, or more than 2^28 records of one order), else true
   */
  public boolean startHashIndex() {
    if (!hashable()) {
      return false;
    }
    if (hashStarted.compareAndSet(false, true)) {
      Thread t = new Thread(this::buildHashIndexNow, "unspin-lm-hash-index");
      t.setDaemon(true);
      t.start();
    }
    return true;
  }

  /**
   * Builds the hash index on the calling thread (see {@link #startHashIndex}), unless it is built
   * already; for tests and benchmarks that must not measure the trie.
   *
   * @return whether the index is in use afterwards
   */
  public boolean buildHashIndexNow() {
    if (!hashable()) {
      return false;
    }
    synchronized (this) {
      hashStarted.set(true);
      if (hash == null) {
        long t0 = System.nanoTime();
        try {
          hash = buildHashIndex();
          LOG.debug("built the hash index of {}: {} MB in {} ms", file, hash.bytes() >> 20,
              (System.nanoTime() - t0) / 1_000_000);
        } catch (OutOfMemoryError e) {
          LOG.warn("no room for the hash index of {} ({}); queries keep walking the trie", file, e.getMessage());
        }
      }
    }
    return hash != null;
  }

  /**
   * Whether this model can have a {@link NgramHash}: order 2 to 4, 8-bit codes, under 2^18 words
   * and at most 2^28 records of any order.
   */
  boolean hashable() {
    if (!NgramHash.supports(keyBits[Math.min(order, 2)], order)) {
      return false;
    }
    for (int n = 2; n <= order; n++) {
      if (qBits[n] != 8 || records[n] > NgramHash.MAX_RECORDS) {
        return false;
      }
    }
    return true;
  }

  /** Builds the hash index of this model's n-grams of orders 2 and up (see {@link NgramHash}). */
  NgramHash buildHashIndex() {
    if (!hashable()) {
      throw new IllegalStateException(this + " cannot have a hash index");
    }
    int vocab = (int) records[1];
    float[] up = new float[vocab];
    float[] ub = new float[vocab];
    for (int w = 0; w < vocab; w++) {
      long code = probCode(1, w);
      up[w] = code == BLANK ? Float.NaN : prob(1, code);
      ub[w] = backoff(1, w);
    }
    NgramHash h = new NgramHash(keyBits[2], order, records, up, ub);
    for (int w = 0; w < records[1]; w++) {
      long hi2 = ptr(1, w + 1L);
      for (long i2 = ptr(1, w); i2 < hi2; i2++) {
        int c1 = (int) key(2, i2);
        h.put2(w, c1, (int) rawProbCode(2, i2), order > 2 ? (int) backoffCode(2, i2) : 0);
        if (order < 3) {
          continue;
        }
        long hi3 = ptr(2, i2 + 1);
        for (long i3 = ptr(2, i2); i3 < hi3; i3++) {
          int c2 = (int) key(3, i3);
          h.put3(w, c1, c2, (int) rawProbCode(3, i3), order > 3 ? (int) backoffCode(3, i3) : 0);
          if (order < 4) {
            continue;
          }
          long hi4 = ptr(3, i3 + 1);
          for (long i4 = ptr(3, i3); i4 < hi4; i4++) {
            h.put4(w, c1, c2, (int) key(4, i4), (int) rawProbCode(4, i4));
          }
        }
      }
    }
    return h;
  }

  private long rawProbCode(int n, long i) {
    return bytes.bits(base[n], i * width[n] + probShift[n], qBits[n], qMask[n]);
  }

  private long backoffCode(int n, long i) {
    return bytes.bits(base[n], i * width[n] + boShift[n], qBits[n], qMask[n]);
  }

  /**
   * {@link #query(int[], int, int, int)} through the hash index {@code h}: the same answer, bit for
   * bit (the same codes, and the context's back-offs summed in the same order as the trie walk).
   */
  long queryHashed(NgramHash h, int[] context, int from, int length, int word) {
    int vocab = h.unigramProbs().length;
    if (word < 0 || word >= vocab) {
      checkWord(word);
    }
    int hist = Math.min(length, order - 1);
    if (hist <= 0) {
      return combine(h, word, 0, 0, 0, -1, 0, 0, -1);
    }
    int end = from + length;
    int c1 = context[end - 1];
    if (c1 < 0 || c1 >= vocab) {
      checkWord(c1);
    }
    int c2 = hist >= 2 ? context[end - 2] : 0;
    int c3 = hist >= 3 ? context[end - 3] : 0;
    // Independent look-ups (the word's path at each order, then the context's own path): their
    // addresses depend on the words alone, so the processor overlaps their cache misses.
    int v2 = h.find2(word, c1);
    int s3 = hist >= 2 ? h.slot3(word, c1, c2) : -1;
    int v4 = hist >= 3 ? h.find4(word, c1, c2, c3) : 0;
    int cv2 = hist >= 2 ? h.find2(c1, c2) : 0;
    int cs3 = hist >= 3 ? h.slot3(c1, c2, c3) : -1;
    return combine(h, word, c1, hist, v2, s3, v4, cv2, cs3);
  }

  /** Ints of scratch per query that {@link #answerQuads} needs. */
  public static final int QUAD_SCRATCH = 5;

  /**
   * Answers the {@code count} queries of {@code quads} (laid out as for {@link #warmQueries}: the
   * history oldest first, -1 where it is shorter, then the word) into {@code out}: each answer is
   * {@link #query(int[], int, int, int)}'s, bit for bit. With the hash index, in three passes over
   * all the queries, each of which computes the first slots of its look-ups and touches them, so that
   * the cache misses of all queries overlap, before the next probes from those slots: the word's
   * bigram and the history's own paths; then the word's trigram and 4-gram, only where its bigram is
   * there (by the trie's closure no longer path can be, and about half the first looks of new text
   * have no bigram); then the answers. Each path is hashed once, where {@link #warmQueries} and then
   * the queries hashed it twice, and a query whose history is the one before it (the candidates of
   * one position) reuses the history's look-ups. Without the index the queries are asked one by one.
   *
   * @param scratch at least {@link #QUAD_SCRATCH} {@code * count} ints, overwritten
   * @param cursor the calling thread's cursor, for the queries without the index
   * @throws IndexOutOfBoundsException if a word or the last history word is not in the vocabulary
   */
  public void answerQuads(int[] quads, int count, long[] out, int[] scratch, Cursor cursor) {
    NgramHash h = order >= 2 ? hashIndex() : null;
    if (h == null) {
      for (int i = 0; i < count; i++) {
        int n = quadHistory(quads, i);
        out[i] = query(cursor, quads, 4 * i + 3 - n, n, quads[4 * i + 3]);
      }
      return;
    }
    int vocab = h.unigramProbs().length;
    long sink = 0;
    // Pass 1: the word's bigram and the history's own paths, touched.
    for (int i = 0, b = 0; i < count; i++, b += QUAD_SCRATCH) {
      int w = quads[4 * i + 3];
      if (w < 0 || w >= vocab) {
        checkWord(w);
      }
      int hist = quadHistory(quads, i);
      sink += h.peekUnigram(w);
      if (hist == 0) {
        continue;
      }
      int c1 = quads[4 * i + 2];
      if (c1 >= vocab) {
        checkWord(c1);
      }
      int a = h.home2(w, c1);
      scratch[b] = a;
      sink += h.peek(2, a);
      if (hist >= 2 && sameHistory(quads, i, hist)) {
        scratch[b + 3] = scratch[b + 3 - QUAD_SCRATCH];
        scratch[b + 4] = scratch[b + 4 - QUAD_SCRATCH];
        continue;
      }
      sink += Float.floatToRawIntBits(h.unigramBackoff(c1));
      if (hist >= 2) {
        int c2 = quads[4 * i + 1];
        a = h.home2(c1, c2);
        scratch[b + 3] = a;
        sink += h.peek(2, a);
        if (hist >= 3) {
          a = h.home3(c1, c2, quads[4 * i]);
          scratch[b + 4] = a;
          if (a >= 0) {
            sink += h.peek(3, a) + h.peekBackoff3(a);
          }
        }
      }
    }
    // Pass 2: the bigrams; only a word whose bigram is there can have a trigram or 4-gram (the trie's closure).
    for (int i = 0, b = 0; i < count; i++, b += QUAD_SCRATCH) {
      int hist = quadHistory(quads, i);
      if (hist == 0) {
        continue;
      }
      int w = quads[4 * i + 3];
      int c1 = quads[4 * i + 2];
      int v2 = h.find2From(w, c1, scratch[b]);
      scratch[b] = v2;
      scratch[b + 1] = -1;
      scratch[b + 2] = -1;
      if (v2 != 0 && hist >= 2) {
        int c2 = quads[4 * i + 1];
        int a = h.home3(w, c1, c2);
        scratch[b + 1] = a;
        if (a >= 0) {
          sink += h.peek(3, a);
          if (hist >= 3) {
            a = h.home4(w, c1, c2, quads[4 * i]);
            scratch[b + 2] = a;
            if (a >= 0) {
              sink += h.peek(4, a);
            }
          }
        }
      }
    }
    quadSink += sink;
    // Pass 3: the rest, and the answers.
    int cv2 = 0;
    int cs3 = -1;
    for (int i = 0, b = 0; i < count; i++, b += QUAD_SCRATCH) {
      int w = quads[4 * i + 3];
      int hist = quadHistory(quads, i);
      if (hist == 0) {
        out[i] = combine(h, w, 0, 0, 0, -1, 0, 0, -1);
        continue;
      }
      int c1 = quads[4 * i + 2];
      int c2 = quads[4 * i + 1];
      int c3 = quads[4 * i];
      int v2 = scratch[b];
      int s3 = hist >= 2 ? h.slot3From(w, c1, c2, scratch[b + 1]) : -1;
      int v4 = s3 >= 0 && hist >= 3 ? h.find4From(w, c1, c2, c3, scratch[b + 2]) : 0;
      if (hist < 2) {
        cv2 = 0;
        cs3 = -1;
      } else if (!sameHistory(quads, i, hist)) {
        cv2 = h.find2From(c1, c2, scratch[b + 3]);
        cs3 = hist >= 3 ? h.slot3From(c1, c2, c3, scratch[b + 4]) : -1;
      }
      out[i] = combine(h, w, c1, hist, v2, s3, v4, cv2, cs3);
    }
  }

  /** Keeps {@link #answerQuads}'s touching reads from being optimized away. */
  private static volatile long quadSink;

  /** How many history words query {@code i} of {@code quads} has, at most {@code order - 1}. */
  private int quadHistory(int[] quads, int i) {
    return Math.min(historyLength(quads, i), order - 1);
  }

  /**
   * How many history words query {@code i} of {@code quads} (laid out as for {@link #warmQueries})
   * names: the -1s mark where its history is shorter than three words.
   */
  static int historyLength(int[] quads, int i) {
    int b = 4 * i;
    return quads[b + 2] < 0 ? 0 : quads[b + 1] < 0 ? 1 : quads[b] < 0 ? 2 : 3;
  }

  /** Whether query {@code i > 0} of {@code quads} has the same {@code hist}-word history as query {@code i - 1}. */
  private boolean sameHistory(int[] quads, int i, int hist) {
    if (i == 0) {
      return false;
    }
    int b = 4 * i;
    int p = b - 4;
    if (quadHistory(quads, i - 1) != hist || quads[b + 2] != quads[p + 2]) {
      return false;
    }
    return (hist < 2 || quads[b + 1] == quads[p + 1]) && (hist < 3 || quads[b] == quads[p]);
  }

  /**
   * The answer of a query of the hash index from what its look-ups found: the word's bigram code
   * {@code v2}, trigram slot {@code s3} and 4-gram code {@code v4} after the history ending in
   * {@code c1} ({@code hist} words), and the history's own bigram code {@code cv2} and trigram slot
   * {@code cs3} (see {@link NgramHash}).
   */
  private long combine(NgramHash h, int word, int c1, int hist, int v2, int s3, int v4, int cv2, int cs3) {
    float best = LmFormat.UNK_FLOOR;
    int matched = 0;
    float up = h.unigramProbs()[word];
    if (up == up) {
      best = up;
      matched = 1;
    }
    if (hist > 0) {
      if (v2 != 0) {
        int p = v2 >>> 8 & 0xFF;
        if (p != qMask[2]) {
          best = probBook[2][p];
          matched = 2;
        }
        if (s3 >= 0) {
          p = h.prob3(s3);
          if (p != qMask[3]) {
            best = probBook[3][p];
            matched = 3;
          }
          if (v4 != 0) {
            p = v4 & 0xFF;
            if (p != qMask[4]) {
              best = probBook[4][p];
              matched = 4;
            }
          }
        }
      }
      int from1 = Math.max(matched, 1);
      if (from1 <= hist) {
        int found = cv2 == 0 ? 1 : cs3 < 0 ? 2 : 3;
        float bo = 0;
        for (int len = from1; len <= found; len++) {
          bo += len == 1 ? h.unigramBackoff(c1) : len == 2 ? boBook[2][cv2 & 0xFF] : boBook[3][h.backoff3(cs3)];
        }
        best += bo;
      }
    }
    return LanguageModel.pack(best, word == Vocabulary.UNK ? 0 : matched);
  }

  /**
   * Touches the memory that the queries in {@code quads} will read, all of them at once, so that
   * their cache misses overlap (see {@link #warm}). Query {@code i} is {@code quads[4i + 3]} after
   * the history {@code quads[4i], quads[4i + 1], quads[4i + 2]} (oldest first; -1 where the history
   * is shorter). With the hash index every order's first slot is touched, those of the history's
   * own back-offs too; without it, the query's bigram as {@link #warm} does. Changes no answer.
   */
  public long warmQueries(int[] quads, int count) {
    if (order < 2 || count == 0) {
      return 0;
    }
    int vocab = (int) records[1];
    NgramHash h = hashIndex();
    if (h == null) {
      int[] prevs = new int[count];
      int[] words = new int[count];
      int m = 0;
      for (int i = 0; i < count; i++) {
        int c1 = quads[4 * i + 2];
        int w = quads[4 * i + 3];
        if (c1 >= 0 && c1 < vocab && w >= 0 && w < vocab) {
          prevs[m] = c1;
          words[m++] = w;
        }
      }
      return warm(prevs, words, m, new long[m]);
    }
    long sink = 0;
    for (int i = 0; i < count; i++) {
      int w = quads[4 * i + 3];
      int c1 = quads[4 * i + 2];
      if (w < 0 || w >= vocab || c1 < 0) {
        continue;
      }
      sink += h.peekUnigram(w) + h.peek(2, h.home2(w, c1));
      int c2 = quads[4 * i + 1];
      if (c2 < 0 || order < 3) {
        continue;
      }
      sink += h.peek(2, h.home2(c1, c2));
      int a3 = h.home3(w, c1, c2);
      if (a3 >= 0) {
        sink += h.peek(3, a3);
      }
      int c3 = quads[4 * i];
      if (c3 < 0 || order < 4) {
        continue;
      }
      int a4 = h.home4(w, c1, c2, c3);
      if (a4 >= 0) {
        sink += h.peek(4, a4);
      }
      int b3 = h.home3(c1, c2, c3);
      if (b3 >= 0) {
        sink += h.peek(3, b3) + h.peekBackoff3(b3);
      }
    }
    return sink;
  }

  // ---- queries -------------------------------------------------------------------------------

  @Override
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  @Override
  public int order() {
    return order;
  }

  @Override
  public long query(int[] context, int from, int length, int word) {
    NgramHash h = hashIndex();
    if (h != null) { // (the hash index keeps no memory of the last query: no thread-local look-up)
      return queryHashed(h, context, from, length, word);
    }
    return queryWith(order == 1 ? null : recent.get(), context, from, length, word);
  }

  /**
   * One thread's memory of its last stateless query, for {@link #query(Cursor, int[], int, int,
   * int)}: the same answers as {@link #query(int[], int, int, int)}, without finding the calling
   * thread's memory on every query. Not thread-safe: each thread owns its cursors.
   */
  public static final class Cursor {
    private final Recent recent;

    private Cursor(int order) {
      recent = order == 1 ? null : new Recent(order);
    }
  }

  /** A new cursor for this model, for one thread. */
  public Cursor cursor() {
    return new Cursor(order);
  }

  /** {@link #query(int[], int, int, int)} with the caller's {@link #cursor()} as the last query's memory. */
  public long query(Cursor cursor, int[] context, int from, int length, int word) {
    return queryWith(cursor.recent, context, from, length, word);
  }

  private long queryWith(Recent recent, int[] context, int from, int length, int word) {
    NgramHash h = hashIndex();
    if (h != null) {
      return queryHashed(h, context, from, length, word);
    }
    checkWord(word);
    int hist = Math.min(length, order - 1);
    int end = from + length;
    float best = LmFormat.UNK_FLOOR;
    int matched = 0;
    long code = probCode(1, word);
    if (code != BLANK) {
      best = prob(1, code);
      matched = 1;
    }
    if (order == 1) {
      return LanguageModel.pack(best, word == Vocabulary.UNK ? 0 : matched);
    }
    State prev = recent.prev;
    State next = recent.next;
    boolean reuse = hist > 0 && prev.length > 0 && continues(prev, context, end, hist);
    // A context longer than the previous word path does not exist, so neither does an n-gram
    // with it as context (every n-gram's context is in the trie): stop the walk there.
    int limit = reuse ? Math.min(hist, prev.length) : hist;
    // Word path: w, then one more history word per order. The records found are also the
    // contexts (with their back-offs) of the next word in a left-to-right scan: keep them.
    next.words[0] = word;
    next.backoffs[0] = backoff(1, word);
    int found = 1;
    long lo = ptr(1, word);
    long hi = ptr(1, word + 1L);
    int k = 0;
    int stopWord = -1;
    for (; k < limit && lo < hi; k++) {
      int n = k + 2;
      long idx = n == 2 ? findBigram(word, lo, hi, context[end - 1]) : find(n, lo, hi, context[end - 1 - k]);
      if (idx < 0) {
        stopWord = context[end - 1 - k];
        break;
      }
      code = probCode(n, idx);
      if (code != BLANK) {
        best = prob(n, code);
        matched = n;
      }
      if (n < order) {
        next.words[n - 1] = context[end - 1 - k];
        next.backoffs[n - 1] = backoff(n, idx);
        found = n;
        lo = ptr(n, idx);
        hi = ptr(n, idx + 1);
      }
    }
    if (k == limit && limit < hist) {
      stopWord = context[end - 1 - k];
    }
    next.length = found;
    // Complete: no longer context exists (none at all, or none with stopWord as its next older
    // word), rather than "the history ran out".
    next.complete = found == order - 1 || lo >= hi || stopWord >= 0;
    next.stopWord = found == order - 1 || lo >= hi ? -1 : stopWord;
    int from1 = Math.max(matched, 1);
    if (from1 <= hist) {
      best += reuse
          ? backoffsFromState(prev, from1, hist)
          : contextBackoffs(recent, context, end, hist, from1);
    }
    recent.prev = next;
    recent.next = prev;
    return LanguageModel.pack(best, word == Vocabulary.UNK ? 0 : matched);
  }

  /**
   * Whether {@code s}, the word path of the previous query on this thread, describes the context
   * {@code context[end - hist, end)}: its words are the context's most recent ones and it either
   * covers the whole context or knows that no longer context with this context's next word exists.
   */
  private static boolean continues(State s, int[] context, int end, int hist) {
    int n = Math.min(s.length, hist);
    for (int k = 0; k < n; k++) {
      if (s.words[k] != context[end - 1 - k]) {
        return false;
      }
    }
    if (s.length >= hist) {
      return true;
    }
    return s.complete && (s.stopWord < 0 || s.stopWord == context[end - 1 - s.length]);
  }

  private static float backoffsFromState(State s, int from1, int hist) {
    float bo = 0;
    int to = Math.min(hist, s.length);
    for (int len = from1; len <= to; len++) {
      bo += s.backoffs[len - 1];
    }
    return bo;
  }

  /**
   * Sum of the back-offs of the context suffixes of lengths {@code from1..hist} (those the model
   * holds), by a trie walk, or from {@code r}'s memory of the last context walked: a decoder asks
   * for many words after one context (every candidate at a position, every hypothesis's
   * extensions), and the context's back-offs do not depend on the word. The same float additions
   * in the same order, so the same sum.
   */
  private float contextBackoffs(Recent r, int[] context, int end, int hist, int from1) {
    if (!r.walked(context, end, hist)) {
      int h = context[end - 1];
      checkWord(h);
      r.walkHist = hist;
      for (int k = 0; k < hist; k++) {
        r.walkWords[k] = context[end - 1 - k];
      }
      r.walkBackoffs[1] = backoff(1, h);
      int found = 1;
      long idx = h;
      for (int len = 2; len <= hist; len++) {
        long clo = ptr(len - 1, idx);
        long chi = ptr(len - 1, idx + 1);
        if (clo == chi) {
          break;
        }
        idx = len == 2 ? findBigram(h, clo, chi, context[end - 2]) : find(len, clo, chi, context[end - len]);
        if (idx < 0) {
          break;
        }
        r.walkBackoffs[len] = backoff(len, idx);
        found = len;
      }
      r.walkFound = found;
    }
    float bo = 0;
    for (int len = from1; len <= r.walkFound; len++) {
      bo += r.walkBackoffs[len];
    }
    return bo;
  }

  /**
   * The last stateless query's word path on one thread. Scoring running text asks for {@code w}
   * after {@code h}, then for the next word after {@code h w}: the second query's context
   * back-offs are exactly what the first one's word path passed through, so it skips its context
   * walk (KenLM gets the same effect through its explicit state).
   */
  private static final class Recent {
    State prev;
    State next;
    /**
     * The last context {@link #contextBackoffs} walked: its length (0: none yet), its words most
     * recent first, the back-off of each of its suffixes by length (index 1 up), and the longest
     * suffix the model holds.
     */
    int walkHist;
    final int[] walkWords;
    final float[] walkBackoffs;
    int walkFound;

    Recent(int order) {
      prev = new State(order);
      next = new State(order);
      walkWords = new int[order];
      walkBackoffs = new float[order + 1];
    }

    boolean walked(int[] context, int end, int hist) {
      if (walkHist != hist) {
        return false;
      }
      for (int k = 0; k < hist; k++) {
        if (walkWords[k] != context[end - 1 - k]) {
          return false;
        }
      }
      return true;
    }
  }

  private void checkWord(int word) {
    if (word < 0 || word >= records[1]) {
      throw new IndexOutOfBoundsException("word id " + word + " outside [0, " + records[1] + ")");
    }
  }

  /**
   * The context a state-based query starts from: up to {@code order() - 1} history words, most
   * recent first, with their back-off weights. Mutable and not thread-safe: each decoder thread
   * (or each hypothesis) owns its states; the model itself stays shared.
   */
  public static final class State {
    final int[] words;
    final float[] backoffs;
    int length;
    /**
     * For the stateless query's memory only: no context longer than {@code length} exists whose
     * next older word is {@code stopWord} (any word if it is -1).
     */
    boolean complete;
    int stopWord;

    State(int order) {
      words = new int[Math.max(1, order - 1)];
      backoffs = new float[Math.max(1, order - 1)];
    }

    /** Number of history words the state keeps (at most order - 1). */
    public int length() {
      return length;
    }

    /** History word {@code k}, most recent first. */
    public int word(int k) {
      if (k < 0 || k >= length) {
        throw new IndexOutOfBoundsException("k " + k + " outside [0, " + length + ")");
      }
      return words[k];
    }

    /** Copies {@code other} into this state. */
    public void copyFrom(State other) {
      if (other.words.length != words.length) {
        throw new IllegalArgumentException("states of models with different orders");
      }
      System.arraycopy(other.words, 0, words, 0, other.length);
      System.arraycopy(other.backoffs, 0, backoffs, 0, other.length);
      length = other.length;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof State s) || s.length != length) {
        return false;
      }
      return Arrays.equals(words, 0, length, s.words, 0, length);
    }

    @Override
    public int hashCode() {
      int h = length;
      for (int i = 0; i < length; i++) {
        h = 31 * h + words[i];
      }
      return h;
    }
  }

  /** A fresh state with no history. */
  public State newState() {
    return new State(order);
  }

  /** Sets {@code state} to the start of a sentence (history {@code <s>}). */
  public void beginSentence(State state) {
    state.length = 0;
    if (order > 1 && probCode(1, Vocabulary.BOS) != BLANK) {
      state.words[0] = Vocabulary.BOS;
      state.backoffs[0] = backoff(1, Vocabulary.BOS);
      state.length = 1;
    }
  }

  /**
   * Scores {@code word} after the history in {@code in} and writes the history for the next word
   * into {@code out}; gives the same result as {@link #query} with the full history. The state
   * keeps only as many words as can still extend to a longer n-gram, so equal states mean equal
   * futures (useful for recombining decoder hypotheses).
   *
   * @param in the history; not modified
   * @param out receives the new history; must be a different object from {@code in}
   * @return packed score and matched order, as {@link #query}
   */
  public long query(State in, int word, State out) {
    if (in == out) {
      throw new IllegalArgumentException("in and out must be different State objects");
    }
    checkWord(word);
    int hist = in.length;
    float best = LmFormat.UNK_FLOOR;
    int matched = 0;
    int outLen = 0;
    if (order > 1) {
      out.words[0] = word;
    }
    long code = probCode(1, word);
    if (code != BLANK) {
      best = prob(1, code);
      matched = 1;
    }
    if (order > 1) {
      out.backoffs[0] = backoff(1, word);
      outLen = 1;
      long lo = ptr(1, word);
      long hi = ptr(1, word + 1L);
      for (int k = 0; k < hist && lo < hi; k++) {
        int n = k + 2;
        long idx = n == 2 ? findBigram(word, lo, hi, in.words[0]) : find(n, lo, hi, in.words[k]);
        if (idx < 0) {
          break;
        }
        code = probCode(n, idx);
        if (code != BLANK) {
          best = prob(n, code);
          matched = n;
        }
        if (n < order) {
          out.words[n - 1] = in.words[k];
          out.backoffs[n - 1] = backoff(n, idx);
          outLen = n;
          lo = ptr(n, idx);
          hi = ptr(n, idx + 1);
        }
      }
      for (int len = Math.max(matched, 1); len <= hist; len++) {
        best += in.backoffs[len - 1];
      }
    }
    out.length = outLen;
    return LanguageModel.pack(best, word == Vocabulary.UNK ? 0 : matched);
  }

  // ---- inspection ----------------------------------------------------------------------------

  /** The mapped file. */
  public Path path() {
    return file;
  }

  /** Size of the model file in bytes. */
  public long fileSize() {
    return bytes.size();
  }

  /** Whether the file has the bigram hash index (else bigrams are found by binary search). */
  public boolean hasBigramIndex() {
    return bigramSlots > 0;
  }

  /**
   * Bits per stored probability and back-off above the unigrams: 8, 16 or 32 (raw float);
   * unigram scores are always raw floats.
   */
  public int quantBits() {
    return quantBits;
  }

  /** Number of n-grams of order {@code n} (1-based) the model holds, blanks excluded. */
  public long ngramCount(int n) {
    return ngrams[n];
  }

  /** Number of records of order {@code n}, including blanks the writer inserted for trie closure. */
  public long recordCount(int n) {
    return records[n];
  }

  /** Provenance entries (sources, build command, smoothing, ...), in file order. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * Decodes the whole model back into memory (scores dequantized, blanks dropped), e.g. for ARPA
   * export. Needs memory for every n-gram; meant for tools, not for scoring.
   */
  public NgramModelData toModelData() {
    int vocabSize = (int) records[1];
    String[] words = new String[vocabSize];
    for (int i = 0; i < vocabSize; i++) {
      words[i] = vocabulary.word(i);
    }
    int[][] outIds = new int[order][];
    float[][] outProb = new float[order][];
    float[][] outBo = new float[order][];
    // Full n-gram (oldest first) of every record of the previous order, flattened.
    int[] prevIds = null;
    for (int n = 1; n <= order; n++) {
      if (records[n] > Integer.MAX_VALUE / n) {
        throw new UnsupportedOperationException("model too large to decode into memory: " + records[n]
            + " records of order " + n);
      }
      int cnt = (int) records[n];
      int real = (int) ngrams[n];
      int[] all = new int[cnt * n];
      int[] ids = new int[real * n];
      float[] p = new float[real];
      float[] b = n == order ? null : new float[real];
      int r = 0;
      if (n == 1) {
        for (int i = 0; i < cnt; i++) {
          all[i] = i;
        }
      } else {
        int parents = (int) records[n - 1];
        for (int parent = 0; parent < parents; parent++) {
          long lo = ptr(n - 1, parent);
          long hi = ptr(n - 1, parent + 1L);
          for (long i = lo; i < hi; i++) {
            int ii = (int) i;
            all[ii * n] = (int) key(n, i);
            System.arraycopy(prevIds, parent * (n - 1), all, ii * n + 1, n - 1);
          }
        }
      }
      for (int i = 0; i < cnt; i++) {
        long code = probCode(n, i);
        if (code == BLANK) {
          continue;
        }
        if (r == real) {
          throw bad("inconsistent counts: more than " + real + " " + n + "-grams");
        }
        System.arraycopy(all, i * n, ids, r * n, n);
        p[r] = prob(n, code);
        if (b != null) {
          b[r] = backoff(n, i);
        }
        r++;
      }
      if (r != real) {
        throw bad("inconsistent counts: " + r + " " + n + "-grams, the header says " + real);
      }
      outIds[n - 1] = ids;
      outProb[n - 1] = p;
      outBo[n - 1] = b;
      prevIds = all;
    }
    return new NgramModelData(words, outIds, outProb, outBo, metadata);
  }

  @Override
  public String toString() {
    return "BinaryLm[" + file + ", order " + order + ", " + records[1] + " words]";
  }
}
