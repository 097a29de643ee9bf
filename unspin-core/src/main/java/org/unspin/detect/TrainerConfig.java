package org.unspin.detect;

/**
 * Settings of the {@link DetectorTrainer}.
 *
 * @param seed seeds the train/dev split and every simulated spinner
 * @param devShare share of documents held out for calibration and dev figures, in {@code (0, 1)}
 * @param l2 ridge of the logistic regression on standardized features, {@code > 0}
 * @param spunThreshold verdict threshold written into the model, in {@code [0, 1]}
 * @param cleanThreshold verdict threshold written into the model, in {@code [0, spunThreshold]}
 * @param minWords documents with fewer whitespace-separated words are skipped, {@code >= 1}
 * @param minRate lowest replacement rate of the simulated spinners, in {@code (0, 1]}
 * @param maxRate highest replacement rate, in {@code [minRate, 1]}
 */
public record TrainerConfig(long seed, double devShare, double l2, double spunThreshold, double cleanThreshold,
    int minWords, double minRate, double maxRate) {

  /**
   * Seed 1, a quarter held out, l2 1.0, thresholds 0.5 / 0.2 (see {@link DetectorConfig#DEFAULTS}), documents of 20 words or more,
   * spinner rates 5%–80% (real spinners: 10%–80%, DESIGN.md §1; the margin below teaches the
   * calibration what light spinning looks like).
   */
  public static final TrainerConfig DEFAULTS = new TrainerConfig(1, 0.25, 1.0, 0.5, 0.2, 20, 0.05, 0.8);

  public TrainerConfig {
    if (!(devShare > 0 && devShare < 1)) {
      throw new IllegalArgumentException("devShare must be in (0, 1) (got " + devShare + ")");
    }
    if (!(l2 > 0 && Double.isFinite(l2))) {
      throw new IllegalArgumentException("l2 must be finite and > 0 (got " + l2 + ")");
    }
    new DetectorConfig(spunThreshold, cleanThreshold, 0.5, 1, 1); // validates the thresholds
    if (minWords < 1) {
      throw new IllegalArgumentException("minWords must be >= 1 (got " + minWords + ")");
    }
    if (!(minRate > 0 && minRate <= 1)) {
      throw new IllegalArgumentException("minRate must be in (0, 1] (got " + minRate + ")");
    }
    if (!(maxRate >= minRate && maxRate <= 1)) {
      throw new IllegalArgumentException("maxRate must be in [minRate, 1] (got minRate=" + minRate + ", maxRate="
          + maxRate + ")");
    }
  }
}
