package org.unspin.channel;

/**
 * How {@link ProfileLearner} turns alignment gaps into substitutions.
 *
 * @param maxPhraseWords the longest side of a substitution, 1..{@value SpinnerProfile#MAX_PHRASE_WORDS};
 *     longer gaps are counted as unaligned and learn nothing
 * @param splitEqualLengthGaps when true, a gap of {@code k} spun and {@code k} original words is
 *     learned as {@code k} one-word substitutions (huge&lt;-big, information&lt;-data) rather than
 *     one {@code k:k} phrase; this generalizes to phrases that are not in the training data
 */
public record LearnerConfig(int maxPhraseWords, boolean splitEqualLengthGaps) {
  public LearnerConfig {
    if (maxPhraseWords < 1 || maxPhraseWords > SpinnerProfile.MAX_PHRASE_WORDS) {
      throw new IllegalArgumentException("maxPhraseWords must be in [1, " + SpinnerProfile.MAX_PHRASE_WORDS
          + "] (got " + maxPhraseWords + ")");
    }
  }

  /** Phrases of up to 3 words, equal-length gaps split into single words. */
  public static LearnerConfig defaults() {
    return new LearnerConfig(3, true);
  }
}
