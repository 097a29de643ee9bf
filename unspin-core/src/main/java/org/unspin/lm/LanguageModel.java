package org.unspin.lm;

/**
 * A back-off n-gram language model queried with word ids of its own {@link #vocabulary()}. All
 * scores are log10 probabilities. Implementations are immutable after construction and safe to
 * share between threads (STYLE.md habit 15).
 *
 * <p>Queries return a packed {@code long} that carries both the score and the evidence behind it
 * (STYLE.md habit 10): decode it with {@link #score(long)} and {@link #matchedOrder(long)}, so the
 * restorer can abstain when only a unigram or the unknown word matched.
 */
public interface LanguageModel extends AutoCloseable {

  Vocabulary vocabulary();

  /** The highest n-gram order, 1 to 5 (or more for imported models). */
  int order();

  /**
   * Scores {@code word} after the history {@code context[from, from + length)} (oldest first). Only
   * the last {@code order() - 1} history words are used; a history that begins at a sentence start
   * should start with {@link Vocabulary#BOS}.
   *
   * @return a packed result; see {@link #score(long)} and {@link #matchedOrder(long)}
   */
  long query(int[] context, int from, int length, int word);

  /** log10 P(word | history), the score part of {@link #query}. */
  default float logProb(int[] context, int from, int length, int word) {
    return score(query(context, from, length, word));
  }

  /** Packs a score and the matched n-gram length into the form {@link #query} returns. */
  static long pack(float log10Prob, int matchedOrder) {
    return ((long) Float.floatToRawIntBits(log10Prob) << 32) | (matchedOrder & 0xFFFFFFFFL);
  }

  /** The log10 probability of a packed query result. */
  static float score(long packed) {
    return Float.intBitsToFloat((int) (packed >>> 32));
  }

  /**
   * The length of the longest n-gram ending in the queried word that the model holds: 0 when the
   * word itself is unknown, 1 for a unigram, up to {@link #order()}.
   */
  static int matchedOrder(long packed) {
    return (int) packed;
  }

  /** Releases mapped files or other resources; queries after close are undefined. */
  @Override
  default void close() {}
}
