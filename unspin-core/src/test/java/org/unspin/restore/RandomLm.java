package org.unspin.restore;

import org.unspin.lm.LanguageModel;
import org.unspin.lm.Vocabulary;

/**
 * Test double for the decoder oracle: log10 scores in [-3, 0) drawn from a hash of the seed, the
 * last {@code order - 1} history ids and the word. Not a normalized distribution; the decoder does
 * not need one.
 */
final class RandomLm implements LanguageModel {
  private final int order;
  private final long seed;
  private final int vocabSize;

  RandomLm(int order, long seed, int vocabSize) {
    this.order = order;
    this.seed = seed;
    this.vocabSize = vocabSize;
  }

  @Override
  public Vocabulary vocabulary() {
    return new Vocabulary() {
      @Override
      public int size() {
        return vocabSize;
      }

      @Override
      public int id(CharSequence word) {
        String s = word.toString();
        return s.startsWith("w") ? Integer.parseInt(s.substring(1)) : UNK;
      }

      @Override
      public String word(int id) {
        return "w" + id;
      }
    };
  }

  @Override
  public int order() {
    return order;
  }

  @Override
  public long query(int[] context, int from, int length, int word) {
    int use = Math.min(length, order - 1);
    long h = seed * 0x9E3779B97F4A7C15L + use;
    for (int i = from + length - use; i < from + length; i++) {
      h = mix(h + context[i]);
    }
    h = mix(h * 31 + word);
    float score = -3f * ((h >>> 40) & 0xFFFFFF) / (1 << 24) - 1e-3f;
    return LanguageModel.pack(score, use + 1);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
