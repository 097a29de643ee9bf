package org.unspin.restore;

/**
 * What the candidate source knows about one (surface, original) pair; the channel turns it into a
 * cost. Unknown values are {@code -1} for the integers and {@code NaN} for the floats, and then
 * contribute nothing.
 *
 * @param senseRank 0 when the surface is the original's first-listed synonym (first sense), 1 for
 *     the second, ...; {@code -1} unknown
 * @param fanout how many synonyms the original has in the source (a spinner picks among them, so a
 *     large fan-out makes each single replacement less likely); {@code -1} unknown
 * @param logSurfaceFreq log10 occurrences per million words of the surface phrase
 * @param logCandidateFreq log10 occurrences per million words of the candidate original
 * @param posAgree in {@code [0, 1]}: how well the candidate's part of speech fits the surface's
 *     (1 = same tag)
 * @param profileProb in {@code (0, 1]}: P(surface | original) from a spinner profile
 * @param wordnetFanout when the pair is a WordNet synonym (same synset or similar-to, not a
 *     hypernym), how many of the original's {@code fanout} replacements are (a spinner whose
 *     dictionary is WordNet's synonyms picks among those); {@code -1} when the pair is not one or it
 *     is unknown
 * @param replacementPosition the surface's place among the original's replacements in the source's
 *     forward order, 0 for the first (the one a spinner that always takes the first synonym writes;
 *     since session 24); {@code -1} unknown
 */
public record CandidateFeatures(int senseRank, int fanout, float logSurfaceFreq, float logCandidateFreq,
    float posAgree, float profileProb, int wordnetFanout, int replacementPosition) {

  /** Features of a pair whose place among its original's replacements is unknown. */
  public CandidateFeatures(int senseRank, int fanout, float logSurfaceFreq, float logCandidateFreq, float posAgree,
      float profileProb, int wordnetFanout) {
    this(senseRank, fanout, logSurfaceFreq, logCandidateFreq, posAgree, profileProb, wordnetFanout, -1);
  }

  /** Features of a pair that is not known to be a WordNet synonym. */
  public CandidateFeatures(int senseRank, int fanout, float logSurfaceFreq, float logCandidateFreq, float posAgree,
      float profileProb) {
    this(senseRank, fanout, logSurfaceFreq, logCandidateFreq, posAgree, profileProb, -1);
  }

  /** Nothing known. */
  public static final CandidateFeatures NONE =
      new CandidateFeatures(-1, -1, Float.NaN, Float.NaN, Float.NaN, Float.NaN);

  public CandidateFeatures {
    if (replacementPosition < -1) {
      throw new IllegalArgumentException("replacementPosition must be >= -1 (got " + replacementPosition + ")");
    }
    if (senseRank < -1) {
      throw new IllegalArgumentException("senseRank must be >= -1 (got " + senseRank + ")");
    }
    if (fanout < -1 || fanout == 0) {
      throw new IllegalArgumentException("fanout must be -1 (unknown) or >= 1 (got " + fanout + ")");
    }
    if (!Float.isNaN(posAgree) && !(posAgree >= 0 && posAgree <= 1)) {
      throw new IllegalArgumentException("posAgree must be in [0, 1] or NaN (got " + posAgree + ")");
    }
    if (!Float.isNaN(profileProb) && !(profileProb > 0 && profileProb <= 1)) {
      throw new IllegalArgumentException("profileProb must be in (0, 1] or NaN (got " + profileProb + ")");
    }
    if (wordnetFanout < -1 || wordnetFanout == 0 || fanout >= 1 && wordnetFanout > fanout) {
      throw new IllegalArgumentException("wordnetFanout must be -1 or in [1, fanout] (got " + wordnetFanout
          + " with fanout " + fanout + ")");
    }
    if (Float.isInfinite(logSurfaceFreq) || Float.isInfinite(logCandidateFreq)) {
      throw new IllegalArgumentException("log frequencies must be finite or NaN (got " + logSurfaceFreq + ", "
          + logCandidateFreq + ")");
    }
  }

  /** Thesaurus features: sense rank and fan-out, nothing else known. */
  public static CandidateFeatures thesaurus(int senseRank, int fanout) {
    return new CandidateFeatures(senseRank, fanout, Float.NaN, Float.NaN, Float.NaN, Float.NaN);
  }

  /** Profile features: only the profile's probability known. */
  public static CandidateFeatures profile(float profileProb) {
    return new CandidateFeatures(-1, -1, Float.NaN, Float.NaN, Float.NaN, profileProb);
  }
}
