package org.unspin.lexicon;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unspin.api.ModelException;

/**
 * A compiled lexicon: phrases (1-3 LM-form words) with part-of-speech sets and frequency classes,
 * directed replacement edges "original -> replacement" in forward order (most common sense first),
 * the same edges indexed by replacement, and WordNet's morphological exception lists. Built by
 * {@link LexiconBuilder}, stored as one gzip file, served immutable; thread-safe.
 *
 * <p>Ids: phrase ids are indexes into the alphabetically sorted phrase list; edge ids index the
 * forward edge arrays (edges of phrase {@code p} are {@code edgeStart(p) .. edgeEnd(p)-1}). An
 * edge's properties are packed in one int ({@link #info}) decoded by the static accessors.
 *
 * <p>Use {@link #loadDefault()} for the lexicon shipped on the classpath, {@link
 * #dictionary()} for the forward view and {@link LexiconDictionary#reverse()} for candidates.
 */
public final class Lexicon {
  private static final Logger LOG = LoggerFactory.getLogger(Lexicon.class);

  /** Classpath location of the shipped lexicon. */
  public static final String DEFAULT_RESOURCE = "/org/unspin/lexicon/default.lex";
  /** Frequency class of a phrase never seen in the frequency corpus. */
  public static final int UNSEEN = 31;
  static final int MAGIC = 0x554E4C58; // "UNLX"
  static final int VERSION = 2;
  private static final int END = 0x454E4421;

  // Edge info layout: resources 0-5, relation 6-9, sense POS 10-14, rank 15-22, tag count 23-30.
  static final int MAX_RANK = 255;
  static final int MAX_TAG_COUNT = 255;

  private final String info;
  private final String[] phrases;
  private final PhraseTable table;
  private final byte[] pos;
  private final byte[] freq;
  private final int[] edgeStart;
  private final int[] edgeTarget;
  private final int[] edgeInfo;
  private final int[] edgeSource;
  private final int[] revStart;
  private final int[] revEdge;
  private final int[] revSource;
  private final int[] revInfo;
  private final byte[] edgeBucket;
  private final byte[] inverseBucket;
  private final int[] inverseOrder;
  /** Per edge "a -> b", the edge "b -> a", or -1 if the lexicon has none (its twin). */
  private final int[] twin;
  private final byte[] excPos;
  private final String[] excInflected;
  private final String[] excLemma;
  /** Multiword phrases without their last word, and without their first word: look-up filters. */
  private final PhraseTable heads;
  private final PhraseTable tails;
  private final WordPairFilter pairs;
  private volatile Morphology morphology;
  private volatile LexiconDictionary dictionary;
  /** Whether this is the shipped default lexicon (its derived tables may be cached on disk). */
  private volatile boolean shipped;

  Lexicon(String info, String[] phrases, byte[] pos, byte[] freq, int[] edgeStart, int[] edgeTarget,
      int[] edgeInfo, byte[] excPos, String[] excInflected, String[] excLemma) {
    this(derive(new Parts(info, phrases, pos, freq, edgeStart, edgeTarget, edgeInfo, excPos, excInflected, excLemma,
        null, null, null, null, null, null, null, null, null, null)));
  }

  /**
   * Everything a lexicon holds: what its file stores, then the arrays derived from the edges (null
   * until {@link #derive}), then the look-up tables over the phrases (null until built). What
   * {@link LexiconCache} writes and reads.
   */
  record Parts(String info, String[] phrases, byte[] pos, byte[] freq, int[] edgeStart, int[] edgeTarget,
      int[] edgeInfo, byte[] excPos, String[] excInflected, String[] excLemma, int[] edgeSource, int[] revStart,
      int[] revEdge, int[] revSource, int[] revInfo, byte[] edgeBucket, byte[] inverseBucket, int[] inverseOrder,
      int[] twin, Tables tables) {}

  /** The look-up tables over the phrases (null in {@link Parts} until built). */
  record Tables(PhraseTable table, PhraseTable heads, PhraseTable tails, WordPairFilter pairs) {}

  /** The look-up tables of {@code phrases}. */
  private static Tables tables(String[] phrases) {
    java.util.LinkedHashSet<String> h = new java.util.LinkedHashSet<>();
    java.util.LinkedHashSet<String> t = new java.util.LinkedHashSet<>();
    for (String p : phrases) {
      int first = p.indexOf(' ');
      if (first > 0) {
        h.add(p.substring(0, p.lastIndexOf(' ')));
        t.add(p.substring(first + 1));
      }
    }
    return new Tables(new PhraseTable(phrases), new PhraseTable(h.toArray(new String[0])),
        new PhraseTable(t.toArray(new String[0])), WordPairFilter.ofPhrases(phrases));
  }

  /** A lexicon of complete parts (from {@link #derive} or a {@link LexiconCache} file). */
  Lexicon(Parts d) {
    this.info = d.info();
    this.phrases = d.phrases();
    Tables tables = d.tables() != null ? d.tables() : tables(phrases);
    this.table = tables.table();
    this.pos = d.pos();
    this.freq = d.freq();
    this.edgeStart = d.edgeStart();
    this.edgeTarget = d.edgeTarget();
    this.edgeInfo = d.edgeInfo();
    this.excPos = d.excPos();
    this.excInflected = d.excInflected();
    this.excLemma = d.excLemma();
    heads = tables.heads();
    tails = tables.tails();
    pairs = tables.pairs();
    edgeSource = d.edgeSource();
    revStart = d.revStart();
    revEdge = d.revEdge();
    revSource = d.revSource();
    revInfo = d.revInfo();
    edgeBucket = d.edgeBucket();
    inverseBucket = d.inverseBucket();
    inverseOrder = d.inverseOrder();
    twin = d.twin();
  }

  /** This lexicon's parts (its arrays themselves, not copies: not to be changed). */
  Parts parts() {
    return new Parts(info, phrases, pos, freq, edgeStart, edgeTarget, edgeInfo, excPos, excInflected, excLemma,
        edgeSource, revStart, revEdge, revSource, revInfo, edgeBucket, inverseBucket, inverseOrder, twin,
        new Tables(table, heads, tails, pairs));
  }

  /** {@code f}'s stored parts with the arrays derived from its edges. */
  private static Parts derive(Parts f) {
    int[] edgeStart = f.edgeStart();
    int[] edgeTarget = f.edgeTarget();
    int[] edgeInfo = f.edgeInfo();
    int n = f.phrases().length;
    int e = edgeTarget.length;
    // Each array by a small method of its own: the compiler takes a loop of a small method in hand
    // sooner than one of a long constructor, and loading is part of start-up.
    int[] edgeSource = edgeSources(edgeStart, e);
    // Reverse lists: edges grouped by target (counting sort), each group ordered by prior bucket.
    byte[] edgeBucket = new byte[e];
    byte[] inverseBucket = new byte[e];
    int[] revStart = new int[n + 1];
    buckets(edgeStart, edgeTarget, edgeInfo, edgeSource, f.freq(), edgeBucket, inverseBucket, revStart);
    int[] revEdge = new int[e];
    sortSegments(byTarget(edgeTarget, revStart), revEdge, revStart, edgeBucket);
    // Reverse lists copy source and info next to the edge id: look-ups then read memory in order.
    int[] revSource = gather(edgeSource, revEdge);
    int[] revInfo = gather(edgeInfo, revEdge);
    // Forward lists again, each in the order of the edge's prior as an inverse candidate for its target.
    int[] identity = new int[e];
    for (int k = 0; k < e; k++) {
      identity[k] = k;
    }
    int[] inverseOrder = new int[e];
    sortSegments(identity, inverseOrder, edgeStart, inverseBucket);
    int[] twin = twins(edgeStart, edgeTarget, revStart, revEdge, revSource);
    return new Parts(f.info(), f.phrases(), f.pos(), f.freq(), edgeStart, edgeTarget, edgeInfo, f.excPos(),
        f.excInflected(), f.excLemma(), edgeSource, revStart, revEdge, revSource, revInfo, edgeBucket, inverseBucket,
        inverseOrder, twin, null);
  }

  /** Per edge, the phrase it leaves. */
  private static int[] edgeSources(int[] edgeStart, int e) {
    int[] source = new int[e];
    for (int p = 0; p + 1 < edgeStart.length; p++) {
      for (int k = edgeStart[p]; k < edgeStart[p + 1]; k++) {
        source[k] = p;
      }
    }
    return source;
  }

  /**
   * Per edge, its prior bucket as a candidate for its source and as an inverse candidate for its
   * target ({@link #prior}); counts the edges into each phrase into {@code revStart} and turns the
   * counts into list starts.
   */
  private static void buckets(int[] edgeStart, int[] edgeTarget, int[] edgeInfo, int[] edgeSource, byte[] freq,
      byte[] bucket, byte[] inverseBucket, int[] revStart) {
    int n = edgeStart.length - 1;
    int maxFanOut = 0;
    for (int p = 0; p < n; p++) {
      maxFanOut = Math.max(maxFanOut, edgeStart[p + 1] - edgeStart[p]);
    }
    double[] choice = log2Choices(maxFanOut);
    int[] wordnetFan = new int[n];
    for (int k = 0; k < edgeTarget.length; k++) {
      if (wordnetSynonym(edgeInfo[k])) {
        wordnetFan[edgeSource[k]]++;
      }
    }
    for (int k = 0; k < edgeTarget.length; k++) {
      int src = edgeSource[k];
      int tg = edgeTarget[k];
      int info = edgeInfo[k];
      boolean first = k == edgeStart[src];
      int srcFan = edgeStart[src + 1] - edgeStart[src];
      // An original without edges of its own gets the listing's fan-outs: its real ones are unknown.
      int tgFan = edgeStart[tg + 1] - edgeStart[tg];
      int invFan = tgFan > 0 ? tgFan : srcFan;
      double forward;
      double inverse;
      if (wordnetSynonym(info)) {
        forward = log2Choice(srcFan, wordnetFan[src], first);
        inverse = log2Choice(invFan, tgFan > 0 ? Math.max(1, wordnetFan[tg]) : wordnetFan[src], false);
      } else {
        forward = choice[2 * srcFan + (first ? 1 : 0)];
        inverse = choice[2 * invFan];
      }
      bucket[k] = (byte) prior(info, freq[src], forward);
      inverseBucket[k] = (byte) Math.min(PRIOR_BUCKETS - 1, prior(info, freq[tg], inverse) + INVERSE_PENALTY);
      revStart[tg + 1]++;
    }
    for (int p = 0; p < n; p++) {
      revStart[p + 1] += revStart[p];
    }
  }

  /** The edge ids grouped by target, in edge order within a group ({@code revStart}: the group starts). */
  private static int[] byTarget(int[] edgeTarget, int[] revStart) {
    int[] out = new int[edgeTarget.length];
    int[] fill = new int[revStart.length - 1];
    for (int k = 0; k < edgeTarget.length; k++) {
      int tg = edgeTarget[k];
      out[revStart[tg] + fill[tg]++] = k;
    }
    return out;
  }

  /** {@link #sortSegment} of every segment {@code start[p] .. start[p + 1]}. */
  private static void sortSegments(int[] in, int[] out, int[] start, byte[] key) {
    int[] counts = new int[PRIOR_BUCKETS + 1];
    for (int p = 0; p + 1 < start.length; p++) {
      sortSegment(in, out, start[p], start[p + 1], key, counts);
    }
  }

  /** {@code values[index[i]]} for every {@code i}. */
  private static int[] gather(int[] values, int[] index) {
    int[] out = new int[index.length];
    for (int i = 0; i < index.length; i++) {
      out[i] = values[index[i]];
    }
    return out;
  }

  /**
   * Twins: for each phrase, its reverse list marks the phrases with an edge into it; its forward
   * edges to those phrases then have one. One pass over the edges, two stamp arrays.
   */
  private static int[] twins(int[] edgeStart, int[] edgeTarget, int[] revStart, int[] revEdge, int[] revSource) {
    int n = edgeStart.length - 1;
    int[] twin = new int[edgeTarget.length];
    int[] stamp = new int[n];
    int[] into = new int[n];
    java.util.Arrays.fill(stamp, -1);
    for (int p = 0; p < n; p++) {
      for (int at = revStart[p]; at < revStart[p + 1]; at++) {
        stamp[revSource[at]] = p;
        into[revSource[at]] = revEdge[at];
      }
      for (int k = edgeStart[p]; k < edgeStart[p + 1]; k++) {
        int o = edgeTarget[k];
        twin[k] = stamp[o] == p ? into[o] : -1;
      }
    }
    return twin;
  }

  /** Longest list {@link #sortSegment} orders by insertion rather than counting. */
  private static final int SMALL_SEGMENT = 32;

  /** Stable counting sort of {@code in[from..to)} by {@code key[in[i]]} into {@code out[from..to)}. */
  private static void sortSegment(int[] in, int[] out, int from, int to, byte[] key, int[] counts) {
    if (to - from <= SMALL_SEGMENT) {
      // Most lists are short: a stable insertion sort (the same order) spares clearing and summing
      // all the buckets for each of them.
      for (int i = from; i < to; i++) {
        int v = in[i];
        int kv = key[v];
        int j = i;
        while (j > from && key[out[j - 1]] > kv) {
          out[j] = out[j - 1];
          j--;
        }
        out[j] = v;
      }
      return;
    }
    java.util.Arrays.fill(counts, 0);
    for (int i = from; i < to; i++) {
      counts[key[in[i]] + 1]++;
    }
    for (int b = 0; b < PRIOR_BUCKETS; b++) {
      counts[b + 1] += counts[b];
    }
    for (int i = from; i < to; i++) {
      out[from + counts[key[in[i]]]++] = in[i];
    }
  }

  /** Number of prior buckets of {@link #prior}: costs in half bits, 0 to 127. */
  public static final int PRIOR_BUCKETS = 128;
  /** Buckets per bit of {@link #prior}. */
  public static final int BUCKETS_PER_BIT = 2;
  /**
   * The share of spinners that always write an original's first replacement (the rest pick one at
   * random): DESIGN.md §1 names both habits; {@link #prior} mixes them. The penalties below were
   * tuned one at a time on the dev split (docs/evaluation-lexicon.md); weights other than 1 for the
   * frequency class and the fan-out term did worse there.
   */
  static final double FIRST_SHARE = 0.5;
  /**
   * Among the spinners that pick a replacement at random, the share whose dictionary is WordNet's
   * synonyms (the rest pick among all of the original's entries): the channel's mixture of spinner
   * dictionaries (restore.ChannelWeights#wordnetChoiceShare, the same value), here so that the
   * candidate limit keeps the pairs the channel prices as likelier. Without it a WordNet synonym of
   * a word with a long Moby list ("stock", 659 entries, 44 of them WordNet synonyms, behind
   * "inventory") ranked below dozens of Moby words with short lists and was cut.
   */
  static final double WORDNET_CHOICE_SHARE = 0.3;
  /** Extra cost (in buckets) of WordNet edges other than synonyms of senses 1-3. */
  static final int WORDNET_OTHER_PENALTY = 4;
  /** Extra cost (in buckets) of edges only Moby lists. */
  static final int MOBY_PENALTY = 2;
  /** Extra cost (in buckets) of an inverse candidate (the lexicon lists the edge the other way round). */
  static final int INVERSE_PENALTY = 2;
  /** Extra cost (in buckets) of a candidate found through a lemmatized surface (inflected). */
  static final int ANALYSIS_PENALTY = 0;

  /**
   * A prior cost for "the original of this edge was spun into its replacement", 0 (likeliest) to
   * {@code PRIOR_BUCKETS - 1}, in units of half a bit, that orders each reverse list. It is a
   * negative log2 of P(original) * P(replacement | original): the original's frequency class, plus
   * {@code -log2(FIRST_SHARE * [first] + (1 - FIRST_SHARE) * choice)} for a mix of spinners that
   * write the first replacement and spinners that pick one at random, where {@code choice} is
   * {@code (1 - s) / fanOut + s / wordnetFanOut} for a WordNet synonym ({@code s} = {@link
   * #WORDNET_CHOICE_SHARE}: a random picker whose dictionary is WordNet's synonyms) and {@code (1 -
   * s) / fanOut} for any other edge; plus a penalty for edges a spinner's dictionary is less likely
   * to share: none for WordNet synonyms of senses 1-3, spelling and number variants, {@link
   * #WORDNET_OTHER_PENALTY} for other WordNet edges, {@link #MOBY_PENALTY} for edges only Moby lists.
   *
   * @param fanOut the original's number of edges in the whole lexicon
   * @param wordnetFanOut how many of them are WordNet synonyms ({@link #wordnetSynonym})
   * @param originalFreqClass the original's {@link #freqClass}
   * @param first whether the edge is the original's first replacement (forward order)
   */
  public static int prior(int info, int fanOut, int wordnetFanOut, int originalFreqClass, boolean first) {
    return prior(info, originalFreqClass, log2Choice(fanOut, wordnetSynonym(info) ? wordnetFanOut : 0, first));
  }

  /**
   * {@code log2(FIRST_SHARE * [first] + (1 - FIRST_SHARE) * choice)}, the term of {@link #prior}
   * that depends on the fan-outs alone ({@code wordnetFanOut} 0 for an edge that is not a WordNet
   * synonym): loading takes the other edges' term from a table per fan-out instead of two
   * logarithms per edge (3 million edges, 0.3 to 0.7 s of start-up).
   */
  private static double log2Choice(int fanOut, int wordnetFanOut, boolean first) {
    double choice = (1.0 - WORDNET_CHOICE_SHARE) / Math.max(1, fanOut);
    if (wordnetFanOut > 0) {
      choice += WORDNET_CHOICE_SHARE / wordnetFanOut;
    }
    double p = (first ? FIRST_SHARE : 0.0) + (1.0 - FIRST_SHARE) * choice;
    return Math.log(p) / Math.log(2);
  }

  /**
   * {@link #log2Choice} of an edge that is not a WordNet synonym for every fan-out from 0 to {@code
   * maxFanOut}: index {@code 2 * fanOut + (first ? 1 : 0)}.
   */
  private static double[] log2Choices(int maxFanOut) {
    double[] t = new double[2 * maxFanOut + 2];
    for (int f = 0; f <= maxFanOut; f++) {
      t[2 * f] = log2Choice(f, 0, false);
      t[2 * f + 1] = log2Choice(f, 0, true);
    }
    return t;
  }

  /** Whether an edge with lexicon info {@code info} is a WordNet synonym: WordNet lists it, not as a hypernym. */
  static boolean wordnetSynonym(int info) {
    return LexiconDictionary.wordnetSynonym(resources(info), info);
  }

  private static int prior(int info, int originalFreqClass, double log2Choice) {
    int res = resources(info);
    int penalty;
    if ((res & (Resource.NUMBERS.bit() | Resource.SPELLING.bit())) != 0) {
      penalty = 0;
    } else if ((res & Resource.WORDNET.bit()) != 0) {
      penalty = relation(info) == Relation.SYNONYM && rank(info) <= 3 ? 0 : WORDNET_OTHER_PENALTY;
    } else {
      penalty = MOBY_PENALTY;
    }
    double bits = originalFreqClass - log2Choice;
    return (int) Math.min(PRIOR_BUCKETS - 1, Math.round(bits * BUCKETS_PER_BIT) + penalty);
  }

  // ---------------------------------------------------------------- loading

  /** The lexicon shipped as {@value #DEFAULT_RESOURCE}, loaded once. */
  public static Lexicon loadDefault() {
    return DefaultHolder.INSTANCE;
  }

  /**
   * Whether the shipped lexicon is loaded through a {@link LexiconCache} file in the model cache
   * directory (system property {@code unspin.lexiconCache}, default true; the lexicon is the same
   * either way).
   */
  private static final boolean CACHE = !"false".equals(System.getProperty("unspin.lexiconCache", "true"));

  private static final class DefaultHolder {
    static final Lexicon INSTANCE = loadResource();

    private static Lexicon loadResource() {
      InputStream in = Lexicon.class.getResourceAsStream(DEFAULT_RESOURCE);
      if (in == null) {
        throw new ModelException("classpath:" + DEFAULT_RESOURCE + ": default lexicon missing from the classpath");
      }
      try (in) {
        byte[] compressed = in.readAllBytes();
        String name = "classpath:" + DEFAULT_RESOURCE;
        Lexicon lex = CACHE ? LexiconCache.load(compressed, name, org.unspin.lm.DefaultModels.cacheDirectory())
            : read(new java.io.ByteArrayInputStream(compressed), name);
        lex.shipped = true;
        return lex;
      } catch (IOException e) {
        throw new ModelException("classpath:" + DEFAULT_RESOURCE + ": cannot read: " + e.getMessage(), e);
      }
    }
  }

  /** Reads a compiled lexicon file. */
  public static Lexicon load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new ModelException(file + ": cannot read lexicon: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a compiled lexicon (gzip) from {@code in}; {@code name} is used in error messages.
   *
   * @throws ModelException if the data is not a lexicon, of another version, truncated or inconsistent
   */
  public static Lexicon read(InputStream in, String name) {
    long t0 = System.nanoTime();
    byte[] data;
    try {
      data = new GZIPInputStream(in, 1 << 16).readAllBytes();
    } catch (IOException e) {
      throw new ModelException(name + ": cannot read lexicon (not gzip or corrupt): " + e.getMessage(), e);
    }
    Cursor d = new Cursor(data, name);
    if (d.readInt() != MAGIC) {
      throw new ModelException(name + ": not an Unspin lexicon (bad magic number)");
    }
    int version = d.readInt();
    if (version != VERSION) {
      throw new ModelException(name + ": lexicon format version " + version + ", this build reads " + VERSION);
    }
    String info = d.readString();
    int n = checkCount(d.readInt(), name, "phrase count");
    String[] phrases = new String[n];
    byte[] pos = new byte[n];
    byte[] freq = new byte[n];
    for (int i = 0; i < n; i++) {
      phrases[i] = d.readString();
      pos[i] = d.readByte();
      freq[i] = d.readByte();
      if ((pos[i] & ~Pos.ALL) != 0 || freq[i] < 0 || freq[i] > UNSEEN) {
        throw new ModelException(name + ": bad part of speech or frequency class for phrase " + i);
      }
      if (i > 0 && phrases[i - 1].compareTo(phrases[i]) >= 0) {
        throw new ModelException(name + ": phrases not sorted at " + i + " ('" + phrases[i] + "')");
      }
    }
    int paletteSize = checkCount(d.readInt(), name, "palette size");
    int[] palette = new int[paletteSize];
    for (int i = 0; i < paletteSize; i++) {
      palette[i] = d.readInt();
    }
    int e = checkCount(d.readInt(), name, "edge count");
    int[] start = new int[n + 1];
    int[] target = new int[e];
    int[] infos = new int[e];
    int k = 0;
    for (int p = 0; p < n; p++) {
      int deg = d.readVarInt();
      if (deg < 0 || k + deg > e) {
        throw new ModelException(name + ": edge list of phrase " + p + " overruns the edge count");
      }
      int prev = p;
      for (int j = 0; j < deg; j++) {
        int z = d.readVarInt();
        int t = prev + ((z >>> 1) ^ -(z & 1));
        if (t < 0 || t >= n || t == p) {
          throw new ModelException(name + ": edge " + k + " has a bad target id " + t);
        }
        target[k] = t;
        prev = t;
        int pi = d.readVarInt();
        if (pi < 0 || pi >= paletteSize) {
          throw new ModelException(name + ": edge " + k + " has a bad info index " + pi);
        }
        infos[k] = palette[pi];
        k++;
      }
      start[p + 1] = k;
    }
    if (k != e) {
      throw new ModelException(name + ": " + k + " edges read, header says " + e);
    }
    int x = checkCount(d.readInt(), name, "exception count");
    byte[] excPos = new byte[x];
    String[] excInf = new String[x];
    String[] excLem = new String[x];
    for (int i = 0; i < x; i++) {
      excPos[i] = d.readByte();
      excInf[i] = d.readString();
      excLem[i] = d.readString();
    }
    if (d.readInt() != END || d.remaining() != 0) {
      throw new ModelException(name + ": bad end marker or trailing data (corrupt)");
    }
    Lexicon lex = new Lexicon(info, phrases, pos, freq, start, target, infos, excPos, excInf, excLem);
    LOG.info("Loaded lexicon {}: {} phrases, {} edges in {} ms", name, n, e, (System.nanoTime() - t0) / 1_000_000);
    return lex;
  }

  /** Reads the decompressed file; every read checks bounds and reports truncation with the file name. */
  private static final class Cursor {
    private final byte[] b;
    private final String name;
    private final java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    private int p;

    Cursor(byte[] b, String name) {
      this.b = b;
      this.name = name;
    }

    private void need(int k) {
      if (k < 0 || p + k > b.length) {
        throw new ModelException(name + ": lexicon truncated at byte " + p);
      }
    }

    int remaining() {
      return b.length - p;
    }

    byte readByte() {
      need(1);
      return b[p++];
    }

    int readInt() {
      need(4);
      int v = ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
      p += 4;
      return v;
    }

    int readVarInt() {
      int v = 0;
      for (int shift = 0; shift < 35; shift += 7) {
        need(1);
        int x = b[p++];
        v |= (x & 0x7F) << shift;
        if (x >= 0) {
          return v;
        }
      }
      throw new ModelException(name + ": varint longer than 5 bytes at byte " + p);
    }

    String readString() {
      int len = readVarInt();
      need(len);
      boolean ascii = true;
      for (int i = p; i < p + len; i++) {
        if (b[i] < 0) {
          ascii = false;
          break;
        }
      }
      String s;
      if (ascii) {
        s = new String(b, p, len, java.nio.charset.StandardCharsets.ISO_8859_1);
      } else {
        try {
          s = utf8.decode(java.nio.ByteBuffer.wrap(b, p, len)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
          throw new ModelException(name + ": malformed UTF-8 string at byte " + p, e);
        }
      }
      p += len;
      return s;
    }
  }

  private static int checkCount(int c, String name, String what) {
    if (c < 0) {
      throw new ModelException(name + ": negative " + what + " " + c);
    }
    return c;
  }

  /** Writes this lexicon in the format {@link #read} reads (gzip). */
  public void write(OutputStream out) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
      }
    };
    DataOutputStream d = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
    d.writeInt(MAGIC);
    d.writeInt(VERSION);
    writeString(d, info);
    d.writeInt(phrases.length);
    for (int i = 0; i < phrases.length; i++) {
      writeString(d, phrases[i]);
      d.writeByte(pos[i]);
      d.writeByte(freq[i]);
    }
    // Edge infos repeat a lot: write a palette sorted by frequency and small indexes into it.
    java.util.Map<Integer, int[]> freqOf = new java.util.HashMap<>();
    for (int v : edgeInfo) {
      freqOf.computeIfAbsent(v, x -> new int[1])[0]++;
    }
    Integer[] pal = freqOf.keySet().toArray(new Integer[0]);
    java.util.Arrays.sort(pal, (a, b) -> {
      int c = Integer.compare(freqOf.get(b)[0], freqOf.get(a)[0]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    java.util.Map<Integer, Integer> index = new java.util.HashMap<>();
    d.writeInt(pal.length);
    for (int i = 0; i < pal.length; i++) {
      d.writeInt(pal[i]);
      index.put(pal[i], i);
    }
    d.writeInt(edgeTarget.length);
    for (int p = 0; p < phrases.length; p++) {
      writeVarInt(d, edgeStart[p + 1] - edgeStart[p]);
      int prev = p;
      for (int k = edgeStart[p]; k < edgeStart[p + 1]; k++) {
        int delta = edgeTarget[k] - prev;
        writeVarInt(d, (delta << 1) ^ (delta >> 31));
        prev = edgeTarget[k];
        writeVarInt(d, index.get(edgeInfo[k]));
      }
    }
    d.writeInt(excPos.length);
    for (int i = 0; i < excPos.length; i++) {
      d.writeByte(excPos[i]);
      writeString(d, excInflected[i]);
      writeString(d, excLemma[i]);
    }
    d.writeInt(END);
    d.flush();
    gz.finish();
  }

  private static void writeString(DataOutputStream d, String s) throws IOException {
    byte[] u = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    writeVarInt(d, u.length);
    d.write(u);
  }

  static void writeVarInt(DataOutputStream d, int v) throws IOException {
    while ((v & ~0x7F) != 0) {
      d.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    d.writeByte(v);
  }

  // ---------------------------------------------------------------- views

  /** The forward view over every resource and every entry. */
  public LexiconDictionary dictionary() {
    LexiconDictionary d = dictionary;
    if (d == null) {
      d = new LexiconDictionary(this, Resource.all(), 0.0, 0L, false);
      dictionary = d;
    }
    return d;
  }

  /** Lemmatizer and inflector over this lexicon's exception lists. */
  public Morphology morphology() {
    Morphology m = morphology;
    if (m == null) {
      m = new Morphology(excPos, excInflected, excLemma);
      morphology = m;
    }
    return m;
  }

  // ---------------------------------------------------------------- phrases

  /** Provenance: sources, licences and build parameters, as written by the builder. */
  public String info() {
    return info;
  }

  /** Whether this is the shipped default lexicon ({@link #loadDefault}). */
  boolean shipped() {
    return shipped;
  }

  /** Number of phrases. */
  public int phraseCount() {
    return phrases.length;
  }

  /** Number of edges. */
  public int edgeCount() {
    return edgeTarget.length;
  }

  /** The phrase with id {@code id}. */
  public String phrase(int id) {
    return phrases[id];
  }

  /** The id of {@code phrase}, or -1. */
  public int find(String phrase) {
    return table.find(phrase);
  }

  /** The id of {@code tokens[from..from+len)} joined by spaces, or -1; allocates nothing. */
  public int find(String[] tokens, int from, int len) {
    return table.find(tokens, from, len);
  }

  /** Whether some phrase is {@code tokens[from..from+len)} followed by one more word. */
  public boolean isHead(String[] tokens, int from, int len) {
    return heads.find(tokens, from, len) >= 0;
  }

  /** Whether some phrase is one word followed by {@code tokens[from..from+len)}. */
  public boolean isTail(String[] tokens, int from, int len) {
    return tails.find(tokens, from, len) >= 0;
  }

  /**
   * The first two words of every phrase of two or more words, as a one-sided filter: a span whose
   * first two words (or their lemmas) fail it is no phrase, head or tail of one.
   */
  public WordPairFilter pairFilter() {
    return pairs;
  }

  /** The part-of-speech mask ({@link Pos}) of phrase {@code id}; 0 if unknown. */
  public int pos(int id) {
    return pos[id];
  }

  /**
   * The frequency class of phrase {@code id}: {@code floor(log2(f_max / f))} for its count {@code
   * f} in the builder's frequency corpus (0 = as frequent as the most frequent word), capped at 30;
   * {@link #UNSEEN} if never seen.
   */
  public int freqClass(int id) {
    return freq[id];
  }

  // ---------------------------------------------------------------- edges

  /** First edge of phrase {@code id}. */
  public int edgeStart(int id) {
    return edgeStart[id];
  }

  /** One past the last edge of phrase {@code id}. */
  public int edgeEnd(int id) {
    return edgeStart[id + 1];
  }

  /** The original (source) phrase of an edge. */
  public int edgeSource(int edge) {
    return edgeSource[edge];
  }

  /** The replacement (target) phrase of an edge. */
  public int edgeTarget(int edge) {
    return edgeTarget[edge];
  }

  /** The packed properties of an edge; decode with {@link #resources(int)} and friends. */
  public int info(int edge) {
    return edgeInfo[edge];
  }

  /**
   * First position in the reverse list of phrase {@code id}: the edges whose target is {@code id},
   * ordered by {@link #prior} bucket, then by original id.
   */
  public int reverseStart(int id) {
    return revStart[id];
  }

  /** One past the last position in the reverse list of phrase {@code id}. */
  public int reverseEnd(int id) {
    return revStart[id + 1];
  }

  /** The edge at a position of the reverse lists. */
  public int reverseEdge(int position) {
    return revEdge[position];
  }

  /** The {@link #prior} bucket of an edge, computed once at load. */
  public int bucket(int edge) {
    return edgeBucket[edge];
  }

  /**
   * The edge at a position of the forward edges of a phrase ({@code edgeStart(id) .. edgeEnd(id)-1})
   * reordered by {@link #inverseBucket}.
   */
  public int inverseOrder(int position) {
    return inverseOrder[position];
  }

  /**
   * The prior of an edge read the other way round, "target -> source", as a candidate that the
   * target was spun into the source: {@link #prior} for the target (with the source's fan-out if the
   * target has no edges of its own, never as its first replacement), plus {@link #INVERSE_PENALTY},
   * capped at {@code PRIOR_BUCKETS - 1}.
   */
  public int inverseBucket(int edge) {
    return inverseBucket[edge];
  }

  /**
   * The edge "b -> a" for edge "a -> b", or -1 if the lexicon lists none (the lexicon lists each
   * ordered pair of phrases at most once, with all its resources in one info).
   */
  public int twin(int edge) {
    return twin[edge];
  }

  /** {@code edgeSource(reverseEdge(position))}, stored in reverse order for speed. */
  public int reverseSource(int position) {
    return revSource[position];
  }

  /** {@code info(reverseEdge(position))}, stored in reverse order for speed. */
  public int reverseInfo(int position) {
    return revInfo[position];
  }

  /** Resource mask ({@link Resource#bit()}) of a packed edge info. */
  public static int resources(int info) {
    return info & 0x3F;
  }

  /** Relation of a packed edge info. */
  public static Relation relation(int info) {
    return Relation.of((info >>> 6) & 0xF);
  }

  /** Part-of-speech mask of the sense that links the two phrases (0 if the resource has none). */
  public static int sensePos(int info) {
    return (info >>> 10) & 0x1F;
  }

  /**
   * Rank of the edge for its original, from 1: the WordNet sense number of the original in which
   * the two are related, or the position in a Moby entry (alphabetical there), or 1.
   */
  public static int rank(int info) {
    return (info >>> 15) & 0xFF;
  }

  /** WordNet tag count (semantic-concordance frequency) of the original's sense, capped at 255; 0 if none. */
  public static int tagCount(int info) {
    return (info >>> 23) & 0xFF;
  }

  static int pack(int resources, Relation relation, int sensePos, int rank, int tagCount) {
    return (resources & 0x3F) | (relation.ordinal() << 6) | ((sensePos & 0x1F) << 10)
        | (Math.max(1, Math.min(MAX_RANK, rank)) << 15) | (Math.min(MAX_TAG_COUNT, Math.max(0, tagCount)) << 23);
  }

  static int withResources(int info, int resources) {
    return (info & ~0x3F) | (resources & 0x3F);
  }

  static int withSensePos(int info, int sensePos) {
    return info | ((sensePos & 0x1F) << 10);
  }

  // ---------------------------------------------------------------- package access for views

  int[] edgeInfoArray() {
    return edgeInfo;
  }

  int[] edgeSourceArray() {
    return edgeSource;
  }

  int[] edgeStartArray() {
    return edgeStart;
  }

  int exceptionCount() {
    return excPos.length;
  }

  /** Rough heap bytes held by this lexicon's arrays and strings, for reports. */
  public long estimatedHeapBytes() {
    long b = 0;
    for (String p : phrases) {
      b += 56 + p.length();
    }
    b += 4L * 2 * phrases.length; // table slots
    b += 2L * phrases.length;
    b += 4L * (2L * (phrases.length + 1) + 7L * edgeTarget.length) + 2L * edgeTarget.length;
    for (int i = 0; i < excPos.length; i++) {
      b += 2 * 56 + excInflected[i].length() + excLemma[i].length() + 1;
    }
    return b;
  }
}
