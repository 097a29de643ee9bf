package org.unspin.restore;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link Restorer}'s cache of span candidates ready for scoring: for a span's LM forms and
 * token traits ({@link #key}), the candidates of every generator part after validation (known
 * words, not the surface itself, one per original), with their word ids and first-pass channel
 * cost. Running text repeats its words and short phrases, so after a few documents most spans are
 * found here and skip the lexicon, the vocabulary and the channel prior.
 *
 * <p>Bounded by {@code limit} candidates per generation, two generations: a hit in the older one
 * moves the entry to the current one, and when the current one is full it becomes the older one
 * and the oldest is dropped. So the spans in use stay and memory stays bounded (about 200 bytes a
 * candidate). Thread-safe: entries are immutable, races only cost a recomputation.
 */
final class SpanCache {
  /** A span's candidates; arrays are read-only after construction. */
  static final class Entry {
    static final Entry EMPTY = new Entry(new Candidate[0], new int[0][], new float[0], new int[] {0}, false,
        new String[0], new String[0], new double[0], new double[0]);

    /** The candidates as first generated: their {@code from} is that of the first occurrence. */
    final Candidate[] candidates;
    final int[][] ids;
    /** First-pass channel cost of each candidate. */
    final float[] prior;
    /** The candidates of generator part {@code g} are {@code [partStart[g], partStart[g + 1])}. */
    final int[] partStart;
    /** Whether the language model knows every word of the surface. */
    final boolean surfaceKnown;
    /** Each candidate's original phrase ({@link Candidate#phrase}). */
    final String[] originals;
    /** Each candidate's surface LM forms, a tab and its original phrase: the channel's pair key. */
    final String[] pairKeys;
    /** Each candidate's {@link ChannelModel#candidateCost}. */
    final double[] candidateCost;
    /**
     * Each candidate's {@link ChannelModel#immutableCost}: the same at every occurrence of the key,
     * which holds the traits it depends on.
     */
    final double[] immutableCost;

    Entry(Candidate[] candidates, int[][] ids, float[] prior, int[] partStart, boolean surfaceKnown,
        String[] originals, String[] pairKeys, double[] candidateCost, double[] immutableCost) {
      this.candidates = candidates;
      this.ids = ids;
      this.prior = prior;
      this.partStart = partStart;
      this.surfaceKnown = surfaceKnown;
      this.originals = originals;
      this.pairKeys = pairKeys;
      this.candidateCost = candidateCost;
      this.immutableCost = immutableCost;
    }

    int size() {
      return candidates.length;
    }
  }

  private final long limit;
  private final AtomicLong weight = new AtomicLong();
  private volatile ConcurrentHashMap<String, Entry> current = new ConcurrentHashMap<>();
  private volatile ConcurrentHashMap<String, Entry> previous = new ConcurrentHashMap<>();

  /** @param limit candidates per generation, {@code > 0} */
  SpanCache(long limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0 (got " + limit + ")");
    }
    this.limit = limit;
  }

  /**
   * The cache key of the span {@code [from, from + length)}: for each token its LM form and the
   * traits the candidates and their channel cost depend on (kind, case pattern, name, sentence
   * start, compound).
   */
  static String key(List<InputToken> tokens, int from, int length, StringBuilder sb) {
    sb.setLength(0);
    for (int i = from; i < from + length; i++) {
      InputToken t = tokens.get(i);
      int traits = t.kind().ordinal() | t.casePattern().ordinal() << 4 | (t.name() ? 1 << 8 : 0)
          | (t.sentenceStart() ? 1 << 9 : 0) | (t.isCompound() ? 1 << 10 : 0);
      sb.append((char) t.lmForm().length()).append(t.lmForm()).append((char) traits);
    }
    return sb.toString();
  }

  /** The entry for {@code key}, or null. */
  Entry get(String key) {
    Entry e = current.get(key);
    if (e == null) {
      e = previous.get(key);
      if (e != null) {
        put(key, e);
      }
    }
    return e;
  }

  void put(String key, Entry e) {
    ConcurrentHashMap<String, Entry> cur = current;
    cur.put(key, e);
    if (weight.addAndGet(1 + e.size()) > limit) {
      synchronized (this) {
        if (current == cur) {
          previous = cur;
          // Sized for as many entries as the generation that just filled up: a map that grew from
          // the default size would resize a dozen times, and while it moves its entries every look-up
          // of a moved bin takes a second step into the new table.
          current = new ConcurrentHashMap<>(Math.max(16, cur.size()));
          weight.set(0);
        }
      }
    }
  }
}
