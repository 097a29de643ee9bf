package org.unspin.lm;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Compacts an {@link NgramModelData} into the memory-mappable binary format read by {@link
 * BinaryLm} (specification: {@code docs/lm-format.md}).
 *
 * <p>N-grams are stored as a reversed-context trie: order {@code n} is one array of fixed-width
 * bit-packed records sorted by the reversed n-gram (last word first). A record holds the oldest
 * word of its n-gram, the quantized log10 probability, the quantized back-off and the start of its
 * children in order {@code n + 1} (the n-grams that extend it one word further into the past).
 * Unigrams are indexed directly by word id. Where the data lacks the prefix or suffix of an n-gram
 * the writer inserts a <em>blank</em> record (probability code all ones, back-off 0) so that every
 * n-gram is reachable, as KenLM and SRILM do; blanks do not change any score.
 *
 * <p>The file is written to a temporary sibling and renamed into place, so readers never see a
 * half-written model. Not thread-safe; use one call per model.
 */
public final class BinaryLmWriter {
  private BinaryLmWriter() {}

  /**
   * Writer options.
   *
   * @param quantBits bits per probability and per back-off: 8 (default), 16, or 32 (raw floats)
   * @param metadata provenance entries added to (and overriding) the data's own metadata
   * @param bigramIndex whether to add the bigram hash index, which replaces the binary search
   *     among the children of a word by about one probe, for about {@code 4/3 * bitsFor(bigrams)}
   *     more bits per bigram (1.4 bytes per n-gram on a bigram-heavy model); default false, as it
   *     showed no consistent speed gain on real text (see docs/benchmarks.md)
   */
  public record Options(int quantBits, Map<String, String> metadata, boolean bigramIndex) {
    public Options(int quantBits, Map<String, String> metadata) {
      this(quantBits, metadata, false);
    }

    public Options {
      if (quantBits != 8 && quantBits != 16 && quantBits != 32) {
        throw new IllegalArgumentException("quantBits must be 8, 16 or 32 (got " + quantBits + ")");
      }
      metadata = Map.copyOf(metadata);
    }

    /** 8-bit quantization, no extra metadata, no bigram index. */
    public static Options defaults() {
      return new Options(8, Map.of(), false);
    }

    public Options withQuantBits(int bits) {
      return new Options(bits, metadata, bigramIndex);
    }

    public Options withBigramIndex(boolean index) {
      return new Options(quantBits, metadata, index);
    }

    public Options withMetadata(Map<String, String> extra) {
      Map<String, String> m = new LinkedHashMap<>(metadata);
      m.putAll(extra);
      return new Options(quantBits, m, bigramIndex);
    }
  }

  /**
   * Writes {@code data} to {@code out}.
   *
   * @throws IllegalArgumentException if the data is inconsistent (word id out of range, duplicate
   *     word or n-gram, non-finite score); the message names the offending entry
   * @throws IOException if the file cannot be written
   */
  public static void write(NgramModelData data, Path out, Options options) throws IOException {
    Layout layout = new Layout(data, options);
    Path dir = out.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: it makes the file owner-only, and the model is meant to be shared.
    Path tmp = dir.resolve(out.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
    Files.createFile(tmp);
    try {
      layout.writeTo(tmp);
      org.unspin.util.AtomicFiles.moveIntoPlace(tmp, out);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The sorted, closed and quantized trie, ready to be written. */
  private static final class Layout {
    final int order;
    final int quantBits;
    final boolean bigramIndex;
    final String[] words;
    final int vocabSize;
    final int wordBits;
    final Map<String, String> metadata;
    // Unigrams, by word id.
    final float[] uniProb;
    final float[] uniBackoff;
    final boolean[] uniPresent;
    // Orders >= 2: ids in reversed-key order (count * n), scores, blank flags.
    final int[][] ids;
    final float[][] prob;
    final float[][] backoff;
    final boolean[][] blank;
    // Child starts per order n < order: length records(n) + 1.
    final int[][] ptr;
    final long[] records;
    final long[] ngrams;

    Layout(NgramModelData data, Options options) {
      this.order = data.order();
      this.quantBits = options.quantBits();
      this.bigramIndex = options.bigramIndex();
      this.words = data.words();
      this.vocabSize = words.length;
      this.wordBits = LmFormat.bitsFor(vocabSize - 1);
      Map<String, String> meta = new LinkedHashMap<>(data.metadata());
      meta.putAll(options.metadata());
      this.metadata = meta;
      checkWords();
      uniProb = new float[vocabSize];
      uniBackoff = new float[vocabSize];
      uniPresent = new boolean[vocabSize];
      ids = new int[order + 1][];
      prob = new float[order + 1][];
      backoff = new float[order + 1][];
      blank = new boolean[order + 1][];
      records = new long[order + 1];
      ngrams = new long[order + 1];
      readUnigrams(data);
      for (int n = order; n >= 2; n--) {
        sortAndClose(data, n);
      }
      records[1] = vocabSize;
      ptr = new int[order][];
      for (int n = 1; n < order; n++) {
        ptr[n] = childStarts(n);
      }
    }

    private void checkWords() {
      Map<String, Integer> seen = new java.util.HashMap<>(words.length * 2);
      CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
      for (int i = 0; i < words.length; i++) {
        String w = words[i];
        if (w == null || w.isEmpty()) {
          throw new IllegalArgumentException("word " + i + " is " + (w == null ? "null" : "empty"));
        }
        Integer prev = seen.put(w, i);
        if (prev != null) {
          throw new IllegalArgumentException("duplicate word '" + w + "' (ids " + prev + " and " + i + ")");
        }
        try {
          enc.encode(CharBuffer.wrap(w));
        } catch (CharacterCodingException e) {
          throw new IllegalArgumentException("word " + i + " is not valid Unicode (lone surrogate)");
        }
      }
    }

    private void readUnigrams(NgramModelData data) {
      int[] g = data.ngrams(1);
      float[] p = data.logProb(1);
      float[] b = data.backoff(1);
      for (int i = 0; i < g.length; i++) {
        int w = g[i];
        checkId(w, 1, i);
        if (uniPresent[w]) {
          throw new IllegalArgumentException("duplicate 1-gram '" + words[w] + "'");
        }
        uniPresent[w] = true;
        uniProb[w] = checkScore(p[i], "log10 probability", 1, i);
        uniBackoff[w] = b == null ? 0f : checkScore(b[i], "back-off", 1, i);
      }
      ngrams[1] = g.length;
    }

    private void checkId(int w, int n, int i) {
      if (w < 0 || w >= vocabSize) {
        throw new IllegalArgumentException(n + "-gram " + i + " has word id " + w + " outside [0, "
            + vocabSize + ")");
      }
    }

    private static float checkScore(float v, String what, int n, int i) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException(n + "-gram " + i + " has " + what + " " + v);
      }
      return v;
    }

    /**
     * Sorts order {@code n} by reversed key together with the prefixes and suffixes of order
     * {@code n + 1}, rejects duplicates and adds blanks for the missing ones.
     */
    private void sortAndClose(NgramModelData data, int n) {
      int[] ex = data.ngrams(n);
      int e = data.count(n);
      float[] p = data.logProb(n);
      float[] b = data.backoff(n);
      for (int i = 0; i < ex.length; i++) {
        checkId(ex[i], n, i / n);
      }
      for (int i = 0; i < e; i++) {
        checkScore(p[i], "log10 probability", n, i);
        if (b != null) {
          checkScore(b[i], "back-off", n, i);
        }
      }
      int[] up = n < order ? ids[n + 1] : null;
      int c = up == null ? 0 : up.length / (n + 1);
      long total = (long) e + 2L * c;
      if (total > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("too many " + n + "-grams for one model: " + total);
      }
      int t = (int) total;
      Items items = new Items(ex, e, up, c, n);
      int[] perm = new int[t];
      for (int i = 0; i < t; i++) {
        perm[i] = i;
      }
      int[] tmp = new int[t];
      int[] count = new int[vocabSize + 1];
      for (int pos = 0; pos < n; pos++) {
        Arrays.fill(count, 0);
        for (int i = 0; i < t; i++) {
          count[items.word(perm[i], pos) + 1]++;
        }
        for (int k = 1; k <= vocabSize; k++) {
          count[k] += count[k - 1];
        }
        for (int i = 0; i < t; i++) {
          int it = perm[i];
          tmp[count[items.word(it, pos)]++] = it;
        }
        int[] s = perm;
        perm = tmp;
        tmp = s;
      }
      tmp = null;
      // Group equal keys.
      int groups = 0;
      for (int i = 0; i < t; i++) {
        if (i == 0 || items.compare(perm[i - 1], perm[i]) != 0) {
          groups++;
        }
      }
      int[] outIds = new int[groups * n];
      float[] outProb = new float[groups];
      float[] outBo = new float[groups];
      boolean[] outBlank = new boolean[groups];
      int g = -1;
      int real = 0;
      int lastExisting = -1;
      for (int i = 0; i < t; i++) {
        int it = perm[i];
        if (i == 0 || items.compare(perm[i - 1], it) != 0) {
          g++;
          for (int pos = 0; pos < n; pos++) {
            outIds[g * n + pos] = items.word(it, pos);
          }
          outBlank[g] = true;
          lastExisting = -1;
        }
        if (it < e) {
          if (lastExisting >= 0) {
            throw new IllegalArgumentException("duplicate " + n + "-gram '" + text(ex, it * n, n) + "'");
          }
          lastExisting = it;
          outBlank[g] = false;
          outProb[g] = p[it];
          outBo[g] = b == null ? 0f : b[it];
          real++;
        }
      }
      ids[n] = outIds;
      prob[n] = outProb;
      backoff[n] = outBo;
      blank[n] = outBlank;
      records[n] = groups;
      ngrams[n] = real;
    }

    private String text(int[] a, int off, int n) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.append(i == 0 ? "" : " ").append(words[a[off + i]]);
      }
      return sb.toString();
    }

    /** Child start of every record of order {@code n} (plus the end sentinel) in order n + 1. */
    private int[] childStarts(int n) {
      int[] up = ids[n + 1];
      int m = n + 1;
      int cnt = up.length / m;
      int parents = (int) records[n];
      int[] start = new int[parents + 1];
      if (n == 1) {
        for (int j = 0; j < cnt; j++) {
          start[up[j * m + 1] + 1]++;
        }
      } else {
        int[] low = ids[n];
        int parent = 0;
        for (int j = 0; j < cnt; j++) {
          while (compareSuffix(low, parent, n, up, j) < 0) {
            parent++;
          }
          if (parent >= parents || compareSuffix(low, parent, n, up, j) != 0) {
            throw new IllegalStateException("trie closure broken at " + m + "-gram " + j);
          }
          start[parent + 1]++;
        }
      }
      for (int k = 1; k <= parents; k++) {
        start[k] += start[k - 1];
      }
      return start;
    }

    /** Reversed-key comparison of n-gram {@code i} of {@code low} with the suffix of {@code up[j]}. */
    private static int compareSuffix(int[] low, int i, int n, int[] up, int j) {
      if (i >= low.length / n) {
        return 1;
      }
      for (int pos = n - 1; pos >= 0; pos--) {
        int a = low[i * n + pos];
        int b = up[j * (n + 1) + 1 + pos];
        if (a != b) {
          return a < b ? -1 : 1;
        }
      }
      return 0;
    }

    void writeTo(Path file) throws IOException {
      int headerLength = LmFormat.headerLength(order);
      int sections = LmFormat.sections(order);
      long[] secOff = new long[sections];
      long[] secLen = new long[sections];
      long payloadCrc;
      long end;
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.position(headerLength);
        OutputStream os = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        LeOutput o = new LeOutput(os, headerLength);
        // Metadata.
        secOff[LmFormat.SEC_METADATA] = o.position();
        byte[] meta = Metadata.encode(metadata);
        o.writeBytes(meta, 0, meta.length);
        secLen[LmFormat.SEC_METADATA] = o.position() - secOff[LmFormat.SEC_METADATA];
        o.align();
        writeVocabulary(o, secOff, secLen);
        writeBigramIndex(o, secOff, secLen);
        for (int n = 1; n <= order; n++) {
          writeOrder(o, n, secOff, secLen);
        }
        o.flush();
        payloadCrc = o.crc();
        end = o.position();
        ByteBuffer h = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        h.put(LmFormat.MAGIC);
        h.putInt(LmFormat.OFF_VERSION, LmFormat.VERSION);
        h.putInt(LmFormat.OFF_HEADER_LENGTH, headerLength);
        h.putInt(LmFormat.OFF_ORDER, order);
        h.putInt(LmFormat.OFF_QUANT_BITS, quantBits);
        h.putInt(LmFormat.OFF_VOCAB_SIZE, vocabSize);
        h.putInt(LmFormat.OFF_WORD_BITS, wordBits);
        h.putLong(LmFormat.OFF_PAYLOAD_LENGTH, end - headerLength);
        h.putInt(LmFormat.OFF_PAYLOAD_CRC, (int) payloadCrc);
        int p = LmFormat.FIXED;
        for (int n = 1; n <= order; n++) {
          h.putLong(p, records[n]);
          h.putLong(p + 8 * order, ngrams[n]);
          p += 8;
        }
        p += 8 * order;
        for (int s = 0; s < sections; s++) {
          h.putLong(p, secOff[s]);
          h.putLong(p + 8, secLen[s]);
          p += 16;
        }
        CRC32 hc = new CRC32();
        int crcPos = LmFormat.headerCrcPos(order);
        hc.update(h.array(), 0, crcPos);
        h.putInt(crcPos, (int) hc.getValue());
        h.position(0).limit(headerLength);
        while (h.hasRemaining()) {
          ch.write(h, h.position());
        }
        ch.force(false);
      }
    }

    private void writeVocabulary(LeOutput o, long[] secOff, long[] secLen) throws IOException {
      byte[][] utf8 = new byte[vocabSize][];
      long total = 0;
      for (int i = 0; i < vocabSize; i++) {
        utf8[i] = words[i].getBytes(StandardCharsets.UTF_8);
        total += utf8[i].length;
      }
      if (total > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("vocabulary text exceeds 2 GB");
      }
      secOff[LmFormat.SEC_VOCAB_OFFSETS] = o.position();
      int off = 0;
      for (int i = 0; i < vocabSize; i++) {
        o.writeInt(off);
        off += utf8[i].length;
      }
      o.writeInt(off);
      secLen[LmFormat.SEC_VOCAB_OFFSETS] = o.position() - secOff[LmFormat.SEC_VOCAB_OFFSETS];
      o.align();
      secOff[LmFormat.SEC_VOCAB_BYTES] = o.position();
      for (byte[] b : utf8) {
        o.writeBytes(b, 0, b.length);
      }
      secLen[LmFormat.SEC_VOCAB_BYTES] = o.position() - secOff[LmFormat.SEC_VOCAB_BYTES];
      o.align();
      int slots = Integer.highestOneBit(Math.max(4, vocabSize + vocabSize / 2)) * 2;
      int[] table = new int[slots];
      for (int i = 0; i < vocabSize; i++) {
        int s = LmFormat.hash(words[i]) & (slots - 1);
        while (table[s] != 0) {
          s = (s + 1) & (slots - 1);
        }
        table[s] = i + 1;
      }
      secOff[LmFormat.SEC_VOCAB_HASH] = o.position();
      for (int v : table) {
        o.writeInt(v);
      }
      secLen[LmFormat.SEC_VOCAB_HASH] = o.position() - secOff[LmFormat.SEC_VOCAB_HASH];
      o.align();
    }

    /**
     * Bigram index: open addressing (linear probing) from {@link LmFormat#bigramSlot} to record
     * index + 1, bit-packed; it replaces the longest binary searches (the children of frequent
     * words) by about one probe.
     */
    private void writeBigramIndex(LeOutput o, long[] secOff, long[] secLen) throws IOException {
      secOff[LmFormat.SEC_BIGRAM_INDEX] = o.position();
      if (order >= 2 && bigramIndex) {
        long r = records[2];
        long slots = LmFormat.bigramSlots(r);
        if (slots > Integer.MAX_VALUE - 8) {
          throw new IllegalArgumentException("too many bigrams for the index: " + r);
        }
        int[] table = new int[(int) slots];
        int[] g = ids[2];
        for (int j = 0; j < r; j++) {
          long s = LmFormat.bigramSlot(g[2 * j + 1], g[2 * j], slots);
          while (table[(int) s] != 0) {
            s = s + 1 == slots ? 0 : s + 1;
          }
          table[(int) s] = j + 1;
        }
        int bits = LmFormat.bitsFor(r);
        for (int v : table) {
          o.writeBits(v, bits);
        }
        o.endBits();
      }
      secLen[LmFormat.SEC_BIGRAM_INDEX] = o.position() - secOff[LmFormat.SEC_BIGRAM_INDEX];
      o.align();
    }

    private void writeOrder(LeOutput o, int n, long[] secOff, long[] secLen) throws IOException {
      boolean top = n == order;
      int cnt = (int) records[n];
      int quantBits = LmFormat.quantBits(n, this.quantBits);
      float[] p;
      float[] b;
      boolean[] bl;
      if (n == 1) {
        p = uniProb;
        b = uniBackoff;
        bl = new boolean[cnt];
        for (int i = 0; i < cnt; i++) {
          bl[i] = !uniPresent[i];
        }
      } else {
        p = prob[n];
        b = backoff[n];
        bl = blank[n];
      }
      float[] probBook = null;
      float[] boBook = null;
      if (quantBits < 32) {
        float[] vals = new float[cnt];
        int k = 0;
        for (int i = 0; i < cnt; i++) {
          if (!bl[i]) {
            vals[k++] = p[i];
          }
        }
        probBook = Quantizer.codebook(vals, k, (1 << quantBits) - 1, false);
        if (!top) {
          boBook = Quantizer.codebook(b, cnt, 1 << quantBits, true);
        }
      }
      int sec = LmFormat.secProbCodebook(n);
      secOff[sec] = o.position();
      if (probBook != null) {
        for (float f : probBook) {
          o.writeFloat(f);
        }
      }
      secLen[sec] = o.position() - secOff[sec];
      o.align();
      sec = LmFormat.secBackoffCodebook(n);
      secOff[sec] = o.position();
      if (boBook != null) {
        for (float f : boBook) {
          o.writeFloat(f);
        }
      }
      secLen[sec] = o.position() - secOff[sec];
      o.align();

      int keyBits = n == 1 ? 0 : wordBits;
      int ptrBits = top ? 0 : LmFormat.bitsFor(records[n + 1]);
      int[] key = ids[n];
      int[] child = top ? null : ptr[n];
      long blankCode = quantBits == 32 ? 0xFFFFFFFFL : (1L << quantBits) - 1;
      sec = LmFormat.secRecords(n);
      secOff[sec] = o.position();
      for (int i = 0; i < cnt; i++) {
        if (keyBits > 0) {
          o.writeBits(key[i * n], keyBits);
        }
        long pc;
        if (bl[i]) {
          pc = blankCode;
        } else if (quantBits == 32) {
          pc = Float.floatToRawIntBits(p[i]) & 0xFFFFFFFFL;
        } else {
          pc = Quantizer.encode(probBook, p[i]);
        }
        o.writeBits(pc, quantBits);
        if (!top) {
          float bv = bl[i] ? 0f : b[i];
          long bc = quantBits == 32 ? Float.floatToRawIntBits(bv) & 0xFFFFFFFFL : Quantizer.encode(boBook, bv);
          o.writeBits(bc, quantBits);
          o.writeBits(child[i], ptrBits);
        }
      }
      if (!top) {
        // Sentinel record: only its child start (the end of the last child range) is meaningful.
        if (keyBits > 0) {
          o.writeBits(0, keyBits);
        }
        o.writeBits(0, quantBits);
        o.writeBits(0, quantBits);
        o.writeBits(child[cnt], ptrBits);
      }
      o.endBits();
      secLen[sec] = o.position() - secOff[sec];
      o.align();
    }
  }

  /**
   * The entries being sorted for one order: the order's own n-grams, then the prefixes and the
   * suffixes of the next order's n-grams.
   */
  private static final class Items {
    final int[] ex;
    final int e;
    final int[] up;
    final int c;
    final int n;

    Items(int[] ex, int e, int[] up, int c, int n) {
      this.ex = ex;
      this.e = e;
      this.up = up;
      this.c = c;
      this.n = n;
    }

    int word(int item, int pos) {
      if (item < e) {
        return ex[item * n + pos];
      }
      int j = item - e;
      if (j < c) {
        return up[j * (n + 1) + pos];
      }
      return up[(j - c) * (n + 1) + 1 + pos];
    }

    /** Reversed-key comparison (last word most significant). */
    int compare(int a, int b) {
      for (int pos = n - 1; pos >= 0; pos--) {
        int x = word(a, pos);
        int y = word(b, pos);
        if (x != y) {
          return x < y ? -1 : 1;
        }
      }
      return 0;
    }
  }
}
