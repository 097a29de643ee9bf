package org.unspin.lexicon;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every phrase's {@link SecondOrder} entry of one view, computed once and kept in a memory-mapped
 * file, so that a process does not pay the first look-up of each new surface lemma (about 0.3 ms
 * CPU each). The file name carries a 64-bit key over the lexicon's phrases and edges, the view, the
 * number kept per lemma and {@link SecondOrder}'s constants ({@code second-order-<key>.uso}): another
 * lexicon, view or tuning gets another file, never a stale answer. Written to a temporary file and
 * renamed atomically; a file whose header or size does not match is rebuilt. Entries read from the
 * table equal those {@link SecondOrder} computes (SecondOrderTableTest).
 *
 * <p>Format (big-endian): magic {@code USO1}, version, key (long), phrase count n, entry count m;
 * then n + 1 int offsets into the entries, m original ids (int), m edges (int), m costs (byte).
 * Immutable after opening and thread-safe.
 */
final class SecondOrderTable {
  private static final Logger LOG = LoggerFactory.getLogger(SecondOrderTable.class);
  private static final int MAGIC = 0x55534F31; // "USO1"
  private static final int VERSION = 1;
  private static final int HEADER = 4 + 4 + 8 + 4 + 4;

  private final ByteBuffer data;
  private final int phrases;
  private final int entries;

  private SecondOrderTable(ByteBuffer data, int phrases, int entries) {
    this.data = data;
    this.phrases = phrases;
    this.entries = entries;
  }

  /**
   * The table of {@code so}'s view in {@code dir}, built there first (with all processors) if it is
   * missing or does not match; {@code null}, with a warning, if the directory cannot be written.
   */
  static SecondOrderTable openOrBuild(SecondOrder so, Path dir) {
    long key = key(so);
    Path file = dir.resolve(String.format(Locale.ROOT, "second-order-%016x.uso", key));
    int n = so.lexicon().phraseCount();
    try {
      if (Files.isRegularFile(file)) {
        SecondOrderTable t = map(file, key, n);
        if (t != null) {
          return t;
        }
        LOG.warn("{}: not a second-order table of this lexicon; rebuilding it", file);
      }
      long t0 = System.nanoTime();
      Files.createDirectories(dir);
      write(so, dir, file);
      SecondOrderTable t = map(file, key, n);
      if (t == null) {
        LOG.warn("{}: the table just written does not read back; computing second-order candidates on demand", file);
        return null;
      }
      LOG.info("built second-order table {} ({} entries) in {} ms", file, t.entries,
          (System.nanoTime() - t0) / 1_000_000);
      return t;
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: cannot use a second-order table ({}); computing second-order candidates on demand", file,
          e.toString());
      return null;
    }
  }

  /** The entry of phrase {@code s}. */
  SecondOrder.Entry entry(int s) {
    int start = data.getInt(HEADER + 4 * s);
    int end = data.getInt(HEADER + 4 * (s + 1));
    int k = end - start;
    if (k == 0) {
      return SecondOrder.Entry.EMPTY;
    }
    int origAt = HEADER + 4 * (phrases + 1);
    int edgeAt = origAt + 4 * entries;
    int costAt = edgeAt + 4 * entries;
    int[] orig = new int[k];
    int[] edge = new int[k];
    int[] cost = new int[k];
    for (int i = 0; i < k; i++) {
      orig[i] = data.getInt(origAt + 4 * (start + i));
      edge[i] = data.getInt(edgeAt + 4 * (start + i));
      cost[i] = data.get(costAt + start + i) & 0xFF;
    }
    return new SecondOrder.Entry(orig, edge, cost);
  }

  /** The key of a view's table: its lexicon's phrases and edges, the view, the kept count, the constants. */
  static long key(SecondOrder so) {
    Lexicon lex = so.lexicon();
    LexiconDictionary view = so.view();
    long h = mix(0x9E3779B97F4A7C15L, VERSION);
    h = mix(h, lex.phraseCount());
    h = mix(h, lex.edgeCount());
    h = mix(h, so.max());
    h = mix(h, Double.doubleToLongBits(SecondOrder.EVIDENCE_WEIGHT));
    h = mix(h, SecondOrder.PENALTY);
    h = mix(h, Double.doubleToLongBits(SecondOrder.MIN_EVIDENCE));
    h = mix(h, Lexicon.PRIOR_BUCKETS * 31L + Lexicon.BUCKETS_PER_BIT);
    h = mix(h, view.resourceMask());
    h = mix(h, view.holdOutKey());
    for (int p = 0, n = lex.phraseCount(); p < n; p++) {
      h = mix(h, ((long) lex.edgeStart(p) << 8) ^ lex.freqClass(p) ^ ((long) lex.phrase(p).hashCode() << 32));
    }
    for (int e = 0, m = lex.edgeCount(); e < m; e++) {
      h = mix(h, ((long) lex.edgeTarget(e) << 32) ^ (lex.info(e) & 0xFFFFFFFFL));
    }
    return h;
  }

  private static long mix(long h, long v) {
    long x = (h ^ v) * 0xFF51AFD7ED558CCDL;
    return x ^ (x >>> 29);
  }

  private static void write(SecondOrder so, Path dir, Path file) throws IOException {
    int n = so.lexicon().phraseCount();
    SecondOrder.Entry[] all = new SecondOrder.Entry[n];
    IntStream.range(0, n).parallel().forEach(s -> all[s] = so.of(s));
    long m = 0;
    for (SecondOrder.Entry e : all) {
      m += e.original.length;
    }
    if (HEADER + 4L * (n + 1) + 9L * m > Integer.MAX_VALUE) {
      throw new IOException("table too large: " + m + " entries");
    }
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(key(so));
        out.writeInt(n);
        out.writeInt((int) m);
        int at = 0;
        for (SecondOrder.Entry e : all) {
          out.writeInt(at);
          at += e.original.length;
        }
        out.writeInt(at);
        for (SecondOrder.Entry e : all) {
          for (int o : e.original) {
            out.writeInt(o);
          }
        }
        for (SecondOrder.Entry e : all) {
          for (int edge : e.edge) {
            out.writeInt(edge);
          }
        }
        for (SecondOrder.Entry e : all) {
          for (int c : e.cost) {
            out.writeByte(c);
          }
        }
      }
      org.unspin.util.AtomicFiles.moveIntoPlace(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The mapped table, or {@code null} if the file's header or size does not match. */
  private static SecondOrderTable map(Path file, long key, int n) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < HEADER + 4L * (n + 1)) {
        return null;
      }
      MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      if (b.getInt(0) != MAGIC || b.getInt(4) != VERSION || b.getLong(8) != key || b.getInt(16) != n) {
        return null;
      }
      int m = b.getInt(20);
      if (m < 0 || size != HEADER + 4L * (n + 1) + 9L * m || b.getInt(HEADER) != 0
          || b.getInt(HEADER + 4 * n) != m) {
        return null;
      }
      return new SecondOrderTable(b, n, m);
    }
  }
}
