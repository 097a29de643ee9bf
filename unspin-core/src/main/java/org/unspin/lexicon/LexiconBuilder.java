package org.unspin.lexicon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unspin.text.LmText;

/**
 * Collects phrases, edges, frequency counts and exception lists, then compiles an immutable {@link
 * Lexicon}. Not thread-safe; used once. Phrases must already be in LM form (see {@link
 * #normalize(String)}); an edge from a phrase to itself is ignored. When the same edge comes from
 * several resources their resource bits are merged; its relation, sense and rank stay those of the
 * first resource that added it, except that a smaller rank wins.
 *
 * <p>Forward order of a phrase's edges: edges listed by a sense-ordered resource (anything but
 * Moby) first, by rank, hypernyms after the other relations of the same rank, then insertion
 * order; then Moby-only edges in their listed order.
 */
public final class LexiconBuilder {
  /** Longest phrase, in words. */
  public static final int MAX_WORDS = 3;

  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> phrases = new ArrayList<>();
  private byte[] pos = new byte[1024];
  private long[] counts = new long[1024];
  private final LongIntMap edgeIndex = new LongIntMap();
  private int[] eFrom = new int[1024];
  private int[] eTo = new int[1024];
  private int[] eInfo = new int[1024];
  private int edges;
  private final List<byte[]> excPosList = new ArrayList<>();
  private final List<String[]> excList = new ArrayList<>();
  private final StringBuilder info = new StringBuilder();
  private boolean countsSet;

  /**
   * The LM form of a dictionary entry: words tokenized and lower-cased as {@link LmText} does,
   * underscores read as spaces, joined by single spaces; {@code null} if it has no word or more than
   * {@link #MAX_WORDS} tokens.
   */
  public static String normalize(String raw) {
    String s = raw.replace('_', ' ').trim();
    if (s.isEmpty()) {
      return null;
    }
    List<String> toks = new ArrayList<>(4);
    LmText.forEachSentence(s, (tokens, count) -> {
      for (int i = 0; i < count; i++) {
        toks.add(tokens[i]);
      }
    });
    if (toks.isEmpty() || toks.size() > MAX_WORDS) {
      return null;
    }
    return String.join(" ", toks);
  }

  /** Appends a line of provenance to the lexicon's info text. */
  public LexiconBuilder info(String line) {
    info.append(line).append('\n');
    return this;
  }

  /** The id of {@code phrase}, adding it if new. */
  public int phrase(String phrase) {
    if (phrase == null || phrase.isEmpty() || phrase.indexOf("  ") >= 0 || !phrase.equals(phrase.trim())) {
      throw new IllegalArgumentException("phrase: not a normalized phrase: '" + phrase + "'");
    }
    Integer id = ids.get(phrase);
    if (id != null) {
      return id;
    }
    int n = phrases.size();
    ids.put(phrase, n);
    phrases.add(phrase);
    if (n == pos.length) {
      pos = Arrays.copyOf(pos, n * 2);
      counts = Arrays.copyOf(counts, n * 2);
    }
    return n;
  }

  /** Adds parts of speech ({@link Pos} mask) to a phrase. */
  public LexiconBuilder pos(String phrase, int posMask) {
    if ((posMask & ~Pos.ALL) != 0) {
      throw new IllegalArgumentException("posMask: unknown bits in " + posMask);
    }
    int id = phrase(phrase);
    pos[id] |= (byte) posMask;
    return this;
  }

  /** Number of phrases so far. */
  public int phraseCount() {
    return phrases.size();
  }

  /** Number of distinct edges so far. */
  public int edgeCount() {
    return edges;
  }

  /** The phrase with the given builder id. */
  public String phraseAt(int id) {
    return phrases.get(id);
  }

  /** The builder id of {@code phrase}, or -1. */
  public int find(String phrase) {
    Integer id = ids.get(phrase);
    return id == null ? -1 : id;
  }

  /**
   * Adds the edge "{@code from} may be replaced with {@code to}".
   *
   * @param rank 1-based rank for {@code from} (sense number or list position); clamped to 1..255
   * @param tagCount WordNet tag count of the sense, 0 if none
   */
  public LexiconBuilder edge(String from, String to, Resource resource, Relation relation, int sensePos, int rank,
      int tagCount) {
    if (rank < 1) {
      throw new IllegalArgumentException("rank: must be >= 1 (got " + rank + ")");
    }
    int f = phrase(from);
    int t = phrase(to);
    if (f == t) {
      return this;
    }
    long key = ((long) f << 32) | (t & 0xFFFFFFFFL);
    int e = edgeIndex.get(key);
    if (e >= 0) {
      int old = eInfo[e];
      int merged = Lexicon.withResources(old, Lexicon.resources(old) | resource.bit());
      if (rank < Lexicon.rank(old) && Lexicon.relation(old) == relation) {
        merged = Lexicon.pack(Lexicon.resources(merged), relation, Lexicon.sensePos(old) | sensePos, rank,
            Math.max(tagCount, Lexicon.tagCount(old)));
      } else if (Lexicon.relation(old) == relation) {
        merged = Lexicon.withSensePos(merged, sensePos);
      }
      eInfo[e] = merged;
      return this;
    }
    if (edges == eFrom.length) {
      eFrom = Arrays.copyOf(eFrom, edges * 2);
      eTo = Arrays.copyOf(eTo, edges * 2);
      eInfo = Arrays.copyOf(eInfo, edges * 2);
    }
    eFrom[edges] = f;
    eTo[edges] = t;
    eInfo[edges] = Lexicon.pack(resource.bit(), relation, sensePos, rank, tagCount);
    edgeIndex.put(key, edges);
    edges++;
    return this;
  }

  /** Adds a morphological exception: {@code inflected} is a form of {@code lemma} with part of speech {@code posBit}. */
  public LexiconBuilder exception(int posBit, String inflected, String lemma) {
    if (Integer.bitCount(posBit) != 1 || (posBit & (Pos.NOUN | Pos.VERB | Pos.ADJ | Pos.ADV)) == 0) {
      throw new IllegalArgumentException("posBit: must be one of NOUN, VERB, ADJ, ADV (got " + posBit + ")");
    }
    excPosList.add(new byte[] {(byte) posBit});
    excList.add(new String[] {inflected, lemma});
    return this;
  }

  /** Adds {@code count} occurrences of an existing phrase to the frequency counts. */
  public void addCount(int id, long count) {
    counts[id] += count;
    countsSet = true;
  }

  /** Compiles the lexicon. */
  public Lexicon build() {
    int n = phrases.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> phrases.get(a).compareTo(phrases.get(b)));
    int[] newId = new int[n];
    String[] sorted = new String[n];
    byte[] sPos = new byte[n];
    byte[] sFreq = new byte[n];
    long max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, counts[i]);
    }
    for (int i = 0; i < n; i++) {
      int old = order[i];
      newId[old] = i;
      sorted[i] = phrases.get(old);
      sPos[i] = pos[old];
      sFreq[i] = (byte) freqClass(counts[old], max, countsSet);
    }
    // Sort edges by (new source id, Moby-only last, rank, insertion order).
    long[] keys = new long[edges];
    int mobyOnly = Resource.MOBY.bit();
    for (int e = 0; e < edges; e++) {
      int info = eInfo[e];
      long late = Lexicon.resources(info) == mobyOnly ? 1 : 0;
      long hyper = Lexicon.relation(info) == Relation.HYPERNYM ? 1 : 0;
      keys[e] = ((long) newId[eFrom[e]] << 35) | (late << 34) | ((long) Lexicon.rank(info) << 26) | (hyper << 25);
    }
    Integer[] eo = new Integer[edges];
    for (int e = 0; e < edges; e++) {
      eo[e] = e;
    }
    Arrays.sort(eo, (a, b) -> keys[a] != keys[b] ? Long.compare(keys[a], keys[b]) : Integer.compare(a, b));
    int[] start = new int[n + 1];
    int[] target = new int[edges];
    int[] infos = new int[edges];
    for (int k = 0; k < edges; k++) {
      int e = eo[k];
      start[newId[eFrom[e]] + 1]++;
      target[k] = newId[eTo[e]];
      infos[k] = eInfo[e];
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int x = excList.size();
    byte[] xp = new byte[x];
    String[] xi = new String[x];
    String[] xl = new String[x];
    for (int i = 0; i < x; i++) {
      xp[i] = excPosList.get(i)[0];
      xi[i] = excList.get(i)[0];
      xl[i] = excList.get(i)[1];
    }
    return new Lexicon(info.toString(), sorted, sPos, sFreq, start, target, infos, xp, xi, xl);
  }

  static int freqClass(long count, long max, boolean countsSet) {
    if (!countsSet || count <= 0) {
      return Lexicon.UNSEEN;
    }
    int c = 63 - Long.numberOfLeadingZeros(max / count);
    return Math.min(30, Math.max(0, c));
  }

  /** Open-addressing long -> int map (non-negative values), for edge de-duplication. */
  private static final class LongIntMap {
    private long[] keys = new long[1 << 12];
    private int[] vals = new int[1 << 12];
    private boolean[] used = new boolean[1 << 12];
    private int size;

    int get(long key) {
      int mask = keys.length - 1;
      int i = slot(key) & mask;
      while (used[i]) {
        if (keys[i] == key) {
          return vals[i];
        }
        i = (i + 1) & mask;
      }
      return -1;
    }

    void put(long key, int val) {
      if (2 * (size + 1) > keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int i = slot(key) & mask;
      while (used[i]) {
        if (keys[i] == key) {
          vals[i] = val;
          return;
        }
        i = (i + 1) & mask;
      }
      used[i] = true;
      keys[i] = key;
      vals[i] = val;
      size++;
    }

    private void grow() {
      long[] ok = keys;
      int[] ov = vals;
      boolean[] ou = used;
      keys = new long[ok.length * 2];
      vals = new int[ok.length * 2];
      used = new boolean[ok.length * 2];
      size = 0;
      for (int i = 0; i < ok.length; i++) {
        if (ou[i]) {
          put(ok[i], ov[i]);
        }
      }
    }

    private static int slot(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32));
    }
  }
}
