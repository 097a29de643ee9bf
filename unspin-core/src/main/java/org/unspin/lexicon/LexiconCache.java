package org.unspin.lexicon;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipped lexicon's arrays, decoded and derived once and kept in a file of the model cache
 * directory, so that a process starts without unpacking the lexicon's 3 million edges and sorting
 * them into reverse lists (about 1 s of one core, most of what loading the lexicon costs; reading
 * the file takes a tenth of that). The file name carries a 64-bit key over the compressed lexicon's
 * bytes, the lexicon format's version, this file format's version and the constants of {@link
 * Lexicon#prior}, which the derived lists depend on ({@code lexicon-<key>.ulc}): another lexicon or
 * tuning gets another file, never a stale one. Written to a temporary file and renamed atomically;
 * a file whose header, size or CRC-32C does not match is rebuilt. A lexicon read from the file has
 * exactly the arrays of one read from the lexicon itself (LexiconCacheTest).
 *
 * <p>Format (little-endian): magic {@code ULC1}, version, key (long), CRC-32C of the rest (long),
 * phrase count n, edge count e, exception count x; then the info string, the phrases, pos (n
 * bytes), frequency classes (n bytes), edge starts (n + 1 ints), edge targets, infos and sources
 * (e ints each), reverse starts (n + 1 ints), reverse edges, sources and infos (e ints each), prior
 * buckets and inverse buckets (e bytes each), inverse order and twins (e ints each), exception
 * parts of speech (x bytes), inflected forms and lemmas; the look-up tables (the phrase table's
 * slots, the head phrases and their slots, the tail phrases and their slots, the word pair
 * filter's bits (as bytes) and shift); an end marker. An array is its length (int) and its elements;
 * a list of strings is the UTF-8 length of each (an int array), then all their bytes (a byte
 * array). The look-up tables depend on hash functions that the key does not cover: a spread of
 * look-ups is tried on reading, and a file whose tables do not answer them is rebuilt.
 */
final class LexiconCache {
  private static final Logger LOG = LoggerFactory.getLogger(LexiconCache.class);
  private static final int MAGIC = 0x554C4331; // "ULC1"
  private static final int VERSION = 1;
  private static final int END = 0x454E4421;
  /** Magic, version, key, CRC, n, e, x. */
  private static final int HEADER = 4 + 4 + 8 + 8 + 4 + 4 + 4;

  private LexiconCache() {}

  /**
   * The lexicon whose compressed file is {@code compressed}: from its cache file in {@code dir} when
   * that matches, else read from {@code compressed} and the cache file written. A cache that
   * cannot be read or written is passed over with a warning; the lexicon is the same either way.
   *
   * @throws org.unspin.api.ModelException if {@code compressed} is not a lexicon
   */
  static Lexicon load(byte[] compressed, String name, Path dir) {
    long key = key(compressed);
    Path file = dir.resolve(String.format(Locale.ROOT, "lexicon-%016x.ulc", key));
    if (Files.isRegularFile(file)) {
      long t0 = System.nanoTime();
      try {
        Lexicon.Parts parts = read(file, key);
        if (parts != null) {
          Lexicon lex = new Lexicon(parts);
          LOG.info("Loaded lexicon {} from {}: {} phrases, {} edges in {} ms", name, file, lex.phraseCount(),
              lex.edgeCount(), (System.nanoTime() - t0) / 1_000_000);
          return lex;
        }
        LOG.warn("{}: not a cache of lexicon {} (changed or damaged); rebuilding it", file, name);
      } catch (IOException | RuntimeException e) {
        LOG.warn("{}: cannot read the lexicon cache ({}); rebuilding it", file, e.toString());
      }
    }
    Lexicon lex = Lexicon.read(new ByteArrayInputStream(compressed), name);
    try {
      Files.createDirectories(dir);
      write(lex.parts(), key, dir, file);
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: cannot write the lexicon cache ({}); the next start-up decodes the lexicon again", file,
          e.toString());
    }
    return lex;
  }

  /** The key of a compressed lexicon's cache file (see the class comment). */
  static long key(byte[] compressed) {
    CRC32C crc = new CRC32C();
    crc.update(compressed);
    long h = mix(0x9E3779B97F4A7C15L, VERSION);
    h = mix(h, Lexicon.VERSION);
    h = mix(h, compressed.length);
    h = mix(h, crc.getValue());
    h = mix(h, Lexicon.PRIOR_BUCKETS * 31L + Lexicon.BUCKETS_PER_BIT);
    h = mix(h, Double.doubleToLongBits(Lexicon.FIRST_SHARE));
    h = mix(h, Double.doubleToLongBits(Lexicon.WORDNET_CHOICE_SHARE));
    h = mix(h, Lexicon.WORDNET_OTHER_PENALTY * 961L + Lexicon.MOBY_PENALTY * 31L + Lexicon.INVERSE_PENALTY);
    return h;
  }

  private static long mix(long h, long v) {
    long x = (h ^ v) * 0xFF51AFD7ED558CCDL;
    return x ^ (x >>> 29);
  }

  // ---------------------------------------------------------------- writing

  static void write(Lexicon.Parts p, long key, Path dir, Path file) throws IOException {
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.position(HEADER);
        Out out = new Out(ch);
        out.strings(new String[] {p.info()});
        out.strings(p.phrases());
        out.bytes(p.pos());
        out.bytes(p.freq());
        for (int[] a : new int[][] {p.edgeStart(), p.edgeTarget(), p.edgeInfo(), p.edgeSource(), p.revStart(),
            p.revEdge(), p.revSource(), p.revInfo()}) {
          out.ints(a);
        }
        out.bytes(p.edgeBucket());
        out.bytes(p.inverseBucket());
        out.ints(p.inverseOrder());
        out.ints(p.twin());
        out.bytes(p.excPos());
        out.strings(p.excInflected());
        out.strings(p.excLemma());
        Lexicon.Tables t = p.tables();
        out.ints(t.table().slots());
        out.strings(t.heads().phrases());
        out.ints(t.heads().slots());
        out.strings(t.tails().phrases());
        out.ints(t.tails().slots());
        out.bytes(toBytes(t.pairs().bits()));
        out.ints(new int[] {t.pairs().shift(), END});
        out.flush();
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(MAGIC).putInt(VERSION).putLong(key).putLong(out.crc.getValue());
        h.putInt(p.phrases().length).putInt(p.edgeTarget().length).putInt(p.excPos().length).flip();
        for (long at = 0; h.hasRemaining(); ) {
          at += ch.write(h, at);
        }
        ch.force(false);
      }
      org.unspin.util.AtomicFiles.moveIntoPlace(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes through a 1 MB buffer, keeping the CRC-32C of all it writes. */
  private static final class Out {
    final FileChannel ch;
    final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    final CRC32C crc = new CRC32C();

    Out(FileChannel ch) {
      this.ch = ch;
    }

    void room(int k) throws IOException {
      if (buf.remaining() < k) {
        flush();
      }
    }

    void flush() throws IOException {
      buf.flip();
      crc.update(buf.duplicate());
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      buf.clear();
    }

    void ints(int[] a) throws IOException {
      room(4);
      buf.putInt(a.length);
      for (int i = 0; i < a.length; ) {
        room(4);
        int k = Math.min(a.length - i, buf.remaining() / 4);
        buf.asIntBuffer().put(a, i, k);
        buf.position(buf.position() + 4 * k);
        i += k;
      }
    }

    void bytes(byte[] a) throws IOException {
      room(4);
      buf.putInt(a.length);
      for (int i = 0; i < a.length; ) {
        room(1);
        int k = Math.min(a.length - i, buf.remaining());
        buf.put(a, i, k);
        i += k;
      }
    }

    void strings(String[] a) throws IOException {
      byte[][] utf = new byte[a.length][];
      int[] lengths = new int[a.length];
      int total = 0;
      for (int i = 0; i < a.length; i++) {
        utf[i] = a[i].getBytes(StandardCharsets.UTF_8);
        lengths[i] = utf[i].length;
        total = Math.addExact(total, lengths[i]);
      }
      ints(lengths);
      byte[] all = new byte[total];
      for (int i = 0, at = 0; i < a.length; at += lengths[i], i++) {
        System.arraycopy(utf[i], 0, all, at, lengths[i]);
      }
      bytes(all);
    }
  }

  /** The little-endian bytes of {@code a} (the word pair filter's bits, a few hundred kB). */
  private static byte[] toBytes(long[] a) {
    ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(a.length, 8)).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(a);
    return b.array();
  }

  /** The longs of {@link #toBytes}; null if the length is not a multiple of 8. */
  private static long[] toLongs(byte[] bytes) {
    if (bytes.length % 8 != 0) {
      return null;
    }
    long[] a = new long[bytes.length / 8];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(a);
    return a;
  }

  // ---------------------------------------------------------------- reading

  /** The parts in {@code file}, or {@code null} if its header, size, CRC or layout does not match. */
  static Lexicon.Parts read(Path file, long key) throws IOException {
    MappedByteBuffer m;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < HEADER || size > Integer.MAX_VALUE) {
        return null;
      }
      m = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    }
    ByteBuffer b = m.order(ByteOrder.LITTLE_ENDIAN);
    if (b.getInt(0) != MAGIC || b.getInt(4) != VERSION || b.getLong(8) != key) {
      return null;
    }
    CRC32C crc = new CRC32C();
    crc.update(b.duplicate().position(HEADER));
    if (crc.getValue() != b.getLong(16)) {
      return null;
    }
    int n = b.getInt(24);
    int e = b.getInt(28);
    int x = b.getInt(32);
    In in = new In(b.position(HEADER));
    String[] info = in.strings();
    String[] phrases = in.strings();
    byte[] pos = in.bytes();
    byte[] freq = in.bytes();
    int[] edgeStart = in.ints();
    int[] edgeTarget = in.ints();
    int[] edgeInfo = in.ints();
    int[] edgeSource = in.ints();
    int[] revStart = in.ints();
    int[] revEdge = in.ints();
    int[] revSource = in.ints();
    int[] revInfo = in.ints();
    byte[] edgeBucket = in.bytes();
    byte[] inverseBucket = in.bytes();
    int[] inverseOrder = in.ints();
    int[] twin = in.ints();
    byte[] excPos = in.bytes();
    String[] excInflected = in.strings();
    String[] excLemma = in.strings();
    int[] tableSlots = in.ints();
    String[] heads = in.strings();
    int[] headSlots = in.ints();
    String[] tails = in.strings();
    int[] tailSlots = in.ints();
    long[] pairBits = toLongs(in.bytes());
    int[] end = in.ints();
    boolean shaped = pairBits != null && info.length == 1 && phrases.length == n && pos.length == n && freq.length == n
        && edgeStart.length == n + 1 && revStart.length == n + 1 && excPos.length == x && excInflected.length == x
        && excLemma.length == x && end.length == 2 && end[1] == END && !b.hasRemaining();
    for (int[] a : new int[][] {edgeTarget, edgeInfo, edgeSource, revEdge, revSource, revInfo, inverseOrder, twin}) {
      shaped &= a.length == e;
    }
    shaped &= edgeBucket.length == e && inverseBucket.length == e;
    if (!shaped) {
      return null;
    }
    Lexicon.Tables tables;
    try {
      tables = new Lexicon.Tables(new PhraseTable(phrases, tableSlots), new PhraseTable(heads, headSlots),
          new PhraseTable(tails, tailSlots), new WordPairFilter(pairBits, end[0]));
    } catch (IllegalArgumentException notTables) {
      return null;
    }
    if (!findsItsPhrases(tables.table()) || !findsItsPhrases(tables.heads()) || !findsItsPhrases(tables.tails())
        || !hasItsPairs(tables.pairs(), phrases)) {
      return null; // the tables' hashing changed since the file was written
    }
    return new Lexicon.Parts(info[0], phrases, pos, freq, edgeStart, edgeTarget, edgeInfo, excPos, excInflected,
        excLemma, edgeSource, revStart, revEdge, revSource, revInfo, edgeBucket, inverseBucket, inverseOrder, twin,
        tables);
  }

  /** Phrases {@link #findsItsPhrases} and {@link #hasItsPairs} try: enough that a changed hash cannot pass. */
  private static final int SPOT_CHECKS = 4096;

  /** Whether a spread of the table's phrases (the first and last among them) are found under their own ids. */
  private static boolean findsItsPhrases(PhraseTable t) {
    int n = t.size();
    int step = Math.max(1, n / SPOT_CHECKS);
    for (int id = 0; id < n; id += step) {
      if (t.find(t.phrase(id)) != id) {
        return false;
      }
    }
    return n == 0 || t.find(t.phrase(n - 1)) == n - 1;
  }

  /** Whether the filter holds the first two words of a spread of the multiword phrases. */
  private static boolean hasItsPairs(WordPairFilter f, String[] phrases) {
    int step = Math.max(1, phrases.length / SPOT_CHECKS);
    for (int i = 0; i < phrases.length; i += step) {
      String p = phrases[i];
      int first = p.indexOf(' ');
      if (first > 0) {
        int second = p.indexOf(' ', first + 1);
        if (!f.mayContain(p.substring(0, first), p.substring(first + 1, second < 0 ? p.length() : second))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Reads the arrays {@link Out} wrote; a length that overruns the file is an IOException. */
  private static final class In {
    final ByteBuffer b;

    In(ByteBuffer b) {
      this.b = b;
    }

    int length(int width) throws IOException {
      if (b.remaining() < 4) {
        throw new IOException("truncated at byte " + b.position());
      }
      int k = b.getInt();
      if (k < 0 || (long) k * width > b.remaining()) {
        throw new IOException("bad array length " + k + " at byte " + (b.position() - 4));
      }
      return k;
    }

    int[] ints() throws IOException {
      int[] a = new int[length(4)];
      b.asIntBuffer().get(a);
      b.position(b.position() + 4 * a.length);
      return a;
    }

    byte[] bytes() throws IOException {
      byte[] a = new byte[length(1)];
      b.get(a);
      return a;
    }

    String[] strings() throws IOException {
      int[] lengths = ints();
      byte[] all = bytes();
      String[] s = new String[lengths.length];
      int at = 0;
      for (int i = 0; i < s.length; i++) {
        if (lengths[i] < 0 || lengths[i] > all.length - at) {
          throw new IOException("bad string length " + lengths[i]);
        }
        s[i] = new String(all, at, lengths[i], StandardCharsets.UTF_8);
        at += lengths[i];
      }
      return s;
    }
  }
}
