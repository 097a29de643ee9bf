package org.unspin.detect;

/**
 * Settings of the {@link Detector} and its rules (STYLE.md habit 14: one typed config, validated at
 * construction).
 *
 * @param spunThreshold verdict {@code spun} when the calibrated probability is at least this, in
 *     {@code [0, 1]}
 * @param cleanThreshold verdict {@code clean} when the probability is at most this, in
 *     {@code [0, spunThreshold]}; between the two the verdict is {@code uncertain}
 * @param editConfidence a restoration edit becomes a {@code RESTORATION_EDIT} finding at this
 *     posterior or above, in {@code [0, 1]}
 * @param improbableGain an edit becomes an {@code LM_IMPROBABLE_SPAN} finding when the LM scores the
 *     restored words (and the words after them, through their history) at least this many log10
 *     units above the input, {@code > 0}
 * @param rareSynonymGap an edit counts as rare-synonym use when the suggestion's unigram log10
 *     probability exceeds the surface's by at least this, {@code > 0}
 */
public record DetectorConfig(double spunThreshold, double cleanThreshold, double editConfidence,
    double improbableGain, double rareSynonymGap) {

  /**
   * Verdict spun from 0.5 (the Bayes decision of the calibrated probability; measured: no false
   * positive on 400 and one on 200 clean BBC documents, see docs/detect.md), clean up to 0.2;
   * edits reported from 0.6; a 100-fold LM gain; a 10-fold rarer surface.
   */
  public static final DetectorConfig DEFAULTS = new DetectorConfig(0.5, 0.2, 0.6, 2.0, 1.0);

  public DetectorConfig {
    unit("spunThreshold", spunThreshold);
    unit("cleanThreshold", cleanThreshold);
    if (cleanThreshold > spunThreshold) {
      throw new IllegalArgumentException("cleanThreshold must be <= spunThreshold (got cleanThreshold="
          + cleanThreshold + ", spunThreshold=" + spunThreshold + ")");
    }
    unit("editConfidence", editConfidence);
    positive("improbableGain", improbableGain);
    positive("rareSynonymGap", rareSynonymGap);
  }

  /** The same settings with other verdict thresholds. */
  public DetectorConfig withThresholds(double spun, double clean) {
    return new DetectorConfig(spun, clean, editConfidence, improbableGain, rareSynonymGap);
  }

  private static void unit(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1] (got " + v + ")");
    }
  }

  private static void positive(String name, double v) {
    if (!(v > 0 && Double.isFinite(v))) {
      throw new IllegalArgumentException(name + " must be finite and > 0 (got " + v + ")");
    }
  }
}
