package org.unspin.index;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.unspin.lm.LanguageModel;
import org.unspin.lm.Vocabulary;

/**
 * How much a short word sequence is a fixed phrase, by a language model: the sum, over each word
 * after the first, of its log10 probability after the words of the sequence before it minus its
 * unigram log10 probability (a pointwise mutual information within the sequence), each term at
 * least 0. "as far as" is high (each word nearly certain after the ones before it), "far as pampa"
 * low (only "as" after "far" counts; "pampa" after "far as" backs off). A word the model does not
 * know adds 0. Terms are floored at 0 so that a spinner's phrase the model knows only in part
 * ("makes a projection") is not pushed below a piece that crosses its end ("makes a").
 *
 * <p>The alignment uses it to tell where a phrase that replaced one word ends among neighbouring
 * replacements when no lexicon or document evidence does ({@link DocumentAlignment}). Word keys are
 * the lower-cased keys of {@link Words}; digits are mapped to {@code 0} as in the model's forms.
 * Values are cached per sequence (up to {@value #MAX_CACHED}, then the cache starts afresh).
 * Thread-safe when the model is.
 */
public final class PhraseCohesion {
  /** Longest sequence scored, in words (longer ones score 0). */
  public static final int MAX_WORDS = 4;
  static final int MAX_CACHED = 200_000;

  private final LanguageModel model;
  private final ConcurrentHashMap<String, Float> cache = new ConcurrentHashMap<>();

  public PhraseCohesion(LanguageModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  /**
   * The cohesion of the space-separated word keys {@code phrase} (2..{@value #MAX_WORDS} words;
   * one word, or more than {@value #MAX_WORDS}, gives 0).
   */
  public float cohesion(String phrase) {
    Float c = cache.get(phrase);
    if (c == null) {
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      c = compute(phrase);
      cache.put(phrase, c);
    }
    return c;
  }

  private float compute(String phrase) {
    String[] words = phrase.split(" ");
    if (words.length < 2 || words.length > MAX_WORDS) {
      return 0f;
    }
    Vocabulary v = model.vocabulary();
    int[] ids = new int[words.length];
    for (int k = 0; k < words.length; k++) {
      ids[k] = v.id(lmForm(words[k]));
    }
    float sum = 0f;
    for (int k = 1; k < ids.length; k++) {
      if (ids[k] == Vocabulary.UNK) {
        continue;
      }
      float joint = model.logProb(ids, 0, k, ids[k]);
      float alone = model.logProb(ids, 0, 0, ids[k]);
      sum += Math.max(0f, joint - alone);
    }
    return sum;
  }

  /** The model's form of a word key: ASCII digits become 0. */
  private static String lmForm(String key) {
    for (int i = 0; i < key.length(); i++) {
      char ch = key.charAt(i);
      if (ch >= '1' && ch <= '9') {
        char[] cs = key.toCharArray();
        for (int j = i; j < cs.length; j++) {
          if (cs[j] >= '1' && cs[j] <= '9') {
            cs[j] = '0';
          }
        }
        return new String(cs);
      }
    }
    return key;
  }
}
