package org.unspin.lm;

/**
 * A small direct-mapped cache of query results in front of a {@link LanguageModel}, for one
 * thread. A decoder asks the same n-gram many times (the local scores of candidates, then every
 * hypothesis through the lattice, then again in each self-training round), and a query of a
 * memory-mapped model costs a few cache misses, while a hit here costs a hash and a compare.
 *
 * <p>Results are exactly those of the model, but for an optional penalty on the unknown word (see
 * {@link #LmQueryCache(LanguageModel, int, float)}): the key is the whole query (the last {@code
 * order - 1} history words, or fewer at a sentence start, and the word), and a slot holds one key
 * (a colliding query replaces it). Not thread-safe: each thread owns its cache; the model is
 * shared.
 */
public final class LmQueryCache implements LanguageModel {
  private final LanguageModel lm;
  /** The model as a {@link BinaryLm} with this cache's own cursor, or null for other models. */
  private final BinaryLm binary;
  private final BinaryLm.Cursor cursor;
  /** The model as an {@link InterpolatedLm} with this cache's own buffers, or null for other models. */
  private final InterpolatedLm mixture;
  private final InterpolatedLm.Batch batch;
  private final int hist;
  private final int stride;
  /** {@code 32 - slotBits}: a slot is the top bits of the finished hash. */
  private final int shift;
  /** Per slot: history length (-1 for an empty slot), the history words, the word. */
  private final int[] keys;
  private final long[] values;
  /** log10 units taken off every score of {@link Vocabulary#UNK} as the queried word (0: none). */
  private final float unknownPenalty;
  private int[] quadScratch = new int[0];
  private long queries;
  private long hits;

  /**
   * @param lm the model to ask on a miss
   * @param slotBits log2 of the number of slots, 4 to 24 (16 takes about 0.5 MB for order 4)
   */
  public LmQueryCache(LanguageModel lm, int slotBits) {
    this(lm, slotBits, 0f);
  }

  /**
   * A cache whose answers for the unknown word ({@link Vocabulary#UNK} as the queried word, not in
   * the history) score {@code unknownPenalty} log10 units lower than the model's, the matched order
   * unchanged: a caller that reads each word the model does not know as one particular rare word
   * rather than as all of them together.
   *
   * @param unknownPenalty 0 or more, finite
   */
  public LmQueryCache(LanguageModel lm, int slotBits, float unknownPenalty) {
    if (slotBits < 4 || slotBits > 24) {
      throw new IllegalArgumentException("slotBits must be in [4, 24] (got " + slotBits + ")");
    }
    if (!(unknownPenalty >= 0) || Float.isInfinite(unknownPenalty)) {
      throw new IllegalArgumentException("unknownPenalty must be >= 0 and finite (got " + unknownPenalty + ")");
    }
    this.unknownPenalty = unknownPenalty;
    this.lm = lm;
    this.binary = lm instanceof BinaryLm b ? b : null;
    this.cursor = binary != null ? binary.cursor() : null;
    this.mixture = lm instanceof InterpolatedLm m ? m : null;
    this.batch = mixture != null ? mixture.batch() : null;
    this.hist = Math.max(0, lm.order() - 1);
    this.stride = hist + 2;
    this.shift = 32 - slotBits;
    this.keys = new int[stride << slotBits];
    this.values = new long[1 << slotBits];
    for (int s = 0; s < values.length; s++) {
      keys[s * stride] = -1;
    }
  }

  /** The model behind the cache. */
  public LanguageModel model() {
    return lm;
  }

  @Override
  public Vocabulary vocabulary() {
    return lm.vocabulary();
  }

  @Override
  public int order() {
    return lm.order();
  }

  @Override
  public long query(int[] context, int from, int length, int word) {
    int n = Math.min(length, hist);
    int start = from + length - n;
    int slot = slot(context, start, n, word);
    int base = slot * stride;
    queries++;
    if (keys[base] == n && keys[base + 1 + n] == word && sameHistory(base + 1, context, start, n)) {
      hits++;
      return values[slot];
    }
    long r = uncached(context, from, length, word);
    keys[base] = n;
    System.arraycopy(context, start, keys, base + 1, n);
    keys[base + 1 + n] = word;
    values[slot] = r;
    return r;
  }

  /**
   * The model's answer, without looking in the cache or storing the answer there: for queries that
   * rarely repeat (see {@link #remember}).
   */
  public long uncached(int[] context, int from, int length, int word) {
    long r = binary != null ? binary.query(cursor, context, from, length, word) : lm.query(context, from, length, word);
    return word == Vocabulary.UNK && unknownPenalty != 0 ? penalized(r) : r;
  }

  private long penalized(long r) {
    return LanguageModel.pack(LanguageModel.score(r) - unknownPenalty, LanguageModel.matchedOrder(r));
  }

  /** The penalty on the unknown word's scores (0: answers are the model's). */
  public float unknownPenalty() {
    return unknownPenalty;
  }

  /** See {@link BinaryLm#warmQueries}; nothing for other models. */
  public long warmQueries(int[] quads, int count) {
    return binary != null ? binary.warmQueries(quads, count) : 0;
  }

  /**
   * The model's answers to the {@code count} queries of {@code quads} (see {@link
   * BinaryLm#answerQuads}), without looking in the cache or storing them there; for a {@link
   * BinaryLm}, and for an {@link InterpolatedLm} of them, all at once so that their cache misses
   * overlap.
   */
  public void answerQuads(int[] quads, int count, long[] out) {
    answerQuadsRaw(quads, count, out);
    if (unknownPenalty != 0) {
      for (int i = 0; i < count; i++) {
        if (quads[4 * i + 3] == Vocabulary.UNK) {
          out[i] = penalized(out[i]);
        }
      }
    }
  }

  private void answerQuadsRaw(int[] quads, int count, long[] out) {
    if (binary != null) {
      if (quadScratch.length < BinaryLm.QUAD_SCRATCH * count) {
        quadScratch = new int[Math.max(BinaryLm.QUAD_SCRATCH * count, 2 * quadScratch.length)];
      }
      binary.answerQuads(quads, count, out, quadScratch, cursor);
      return;
    }
    if (mixture != null) {
      mixture.answerQuads(quads, count, out, batch);
      return;
    }
    for (int i = 0; i < count; i++) {
      int n = BinaryLm.historyLength(quads, i);
      out[i] = lm.query(quads, 4 * i + 3 - n, n, quads[4 * i + 3]);
    }
  }

  /** {@link #remember} for query {@code i} of {@code quads} (laid out as for {@link #answerQuads}). */
  public void rememberQuad(int[] quads, int i, long result) {
    int n = BinaryLm.historyLength(quads, i);
    remember(quads, 4 * i + 3 - n, n, quads[4 * i + 3], result);
  }

  /**
   * Stores {@code result}, which must be what the model answers to this query, so that the next
   * {@link #query} of it is a hit. For callers that ask {@link #uncached} the queries that rarely
   * repeat and keep only the answers that will be needed again.
   */
  public void remember(int[] context, int from, int length, int word, long result) {
    int n = Math.min(length, hist);
    int start = from + length - n;
    int slot = slot(context, start, n, word);
    int base = slot * stride;
    keys[base] = n;
    System.arraycopy(context, start, keys, base + 1, n);
    keys[base + 1 + n] = word;
    values[slot] = result;
  }

  private int slot(int[] context, int start, int n, int word) {
    // Spread (n, word) over all 32 bits before the first history word is folded in: with the word
    // only added to n times a constant, word and history id shared the low bits, and thousands of
    // (history, word) pairs of small ids met in a few hundred values whatever came after.
    int h = (n * 0x9E3779B9 + word) * 0x85EBCA6B;
    for (int k = 0; k < n; k++) {
      h = (h ^ context[start + k]) * 0x9E3779B9;
    }
    // Finish with a full avalanche (MurmurHash3's 32-bit finalizer) and take the high bits: the
    // multiplications above carry each input only toward the high bits.
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h >>> shift;
  }

  private boolean sameHistory(int at, int[] context, int start, int n) {
    for (int k = 0; k < n; k++) {
      if (keys[at + k] != context[start + k]) {
        return false;
      }
    }
    return true;
  }

  /** Queries answered so far. */
  public long queries() {
    return queries;
  }

  /** Queries answered from the cache so far. */
  public long hits() {
    return hits;
  }
}
