package org.unspin.lm;

/**
 * How a model's unknown word compares with the words it knows. A back-off model gives {@link
 * Vocabulary#UNK} the probability of every word it does not know together (the default model:
 * −2.37 as a unigram, likelier than most words), so a caller that asks about one particular unknown
 * word ("hebdomadal") reads it as one of the model's rarest words instead: the unknown word's score
 * less {@link #gap(LanguageModel)}.
 */
public final class UnknownWords {
  private UnknownWords() {}

  /**
   * How much likelier the model finds the unknown word than its rarest known words, in log10 units,
   * by their unigram probabilities (the default model: −2.37 against −6.61, 4.24); 0 if it is not.
   * One unigram query per word of the vocabulary: compute it once per model.
   */
  public static double gap(LanguageModel lm) {
    int[] none = new int[0];
    double unk = lm.logProb(none, 0, 0, Vocabulary.UNK);
    double floor = unk;
    Vocabulary v = lm.vocabulary();
    for (int id = 0; id < v.size(); id++) {
      double p = id == Vocabulary.UNK ? 0 : lm.logProb(none, 0, 0, id);
      if (p > -50 && p < floor) { // (below -50: the sentence markers, which are never predicted)
        floor = p;
      }
    }
    return Math.max(0, unk - floor);
  }
}
