package org.unspin.detect;

/**
 * Platt scaling: maps a classifier logit {@code z} to a calibrated probability
 * {@code 1 / (1 + exp(-(a z + b)))} with {@code a > 0}, so the map is strictly increasing and in
 * {@code (0, 1)}. Fitted on a development set apart from the classifier's training data, with
 * Platt's smoothed targets ({@code (N+ + 1) / (N+ + 2)} for positives, {@code 1 / (N- + 2)} for
 * negatives) so that separable dev data does not give an infinite slope (Platt 1999, "Probabilistic
 * outputs for support vector machines").
 *
 * <p>Since session 24 the map may also read the document's length: {@code 1 / (1 + exp(-(a z + b
 * + c (L - m))))} with {@code L = ln(1 + word tokens)} (the detector's {@code log_length}). A
 * classifier trained on texts of 25 to 400 words scores the evidence of a longer text too low (its
 * totals grow with the length, and so does what it subtracts for the length); a calibration fitted
 * on texts of every length ({@link #fitWithLength}) puts that right without touching the weights.
 *
 * @param a slope, {@code > 0} and finite
 * @param b offset, finite
 * @param lengthSlope {@code c}, finite; 0 for a calibration that does not read the length
 * @param lengthCenter {@code m}, finite: the mean {@code L} of the texts it was fitted on
 */
public record PlattCalibration(double a, double b, double lengthSlope, double lengthCenter) {
  /** The slope floor used when the dev set shows no increasing relation (a must stay positive). */
  static final double MIN_SLOPE = 1e-6;
  /** Ridge on the slope during the fit: tiny, only there to keep Newton's method well posed. */
  private static final double SLOPE_RIDGE = 1e-6;

  /** The identity calibration: {@code p = sigmoid(z)}. */
  public static final PlattCalibration IDENTITY = new PlattCalibration(1, 0);

  public PlattCalibration {
    if (!(a > 0 && Double.isFinite(a))) {
      throw new IllegalArgumentException("a must be finite and > 0 (got " + a + ")");
    }
    if (!Double.isFinite(b)) {
      throw new IllegalArgumentException("b must be finite (got " + b + ")");
    }
    if (!Double.isFinite(lengthSlope) || !Double.isFinite(lengthCenter)) {
      throw new IllegalArgumentException("lengthSlope and lengthCenter must be finite (got " + lengthSlope + ", "
          + lengthCenter + ")");
    }
  }

  /** A calibration that does not read the length. */
  public PlattCalibration(double a, double b) {
    this(a, b, 0, 0);
  }

  /** Whether the map reads the document's length. */
  public boolean readsLength() {
    return lengthSlope != 0;
  }

  /** The calibrated probability of logit {@code z} (the length term left out). */
  public double probability(double z) {
    return LogisticRegression.sigmoid(a * z + b);
  }

  /**
   * The calibrated probability of logit {@code z} for a text of {@code logLength = ln(1 + word
   * tokens)}; the same as {@link #probability(double)} for a calibration that does not read the length.
   */
  public double probability(double z, double logLength) {
    return LogisticRegression.sigmoid(a * z + b + lengthSlope * (logLength - lengthCenter));
  }

  /**
   * Fits {@code a}, {@code b} and the length term on logits, log lengths ({@code ln(1 + word
   * tokens)}) and labels, with Platt's smoothed targets; {@code m} is the mean log length. Falls
   * back to {@link #fit} (no length term) when the fitted slope of the logit is not positive.
   *
   * @throws IllegalArgumentException without both a positive and a negative example
   */
  public static PlattCalibration fitWithLength(double[] logits, double[] logLengths, int[] labels) {
    if (logits.length != labels.length || logLengths.length != labels.length) {
      throw new IllegalArgumentException("logits, log lengths and labels differ in length (got " + logits.length
          + ", " + logLengths.length + " and " + labels.length + ")");
    }
    double[] t = smoothedTargets(labels);
    double m = 0;
    for (double l : logLengths) {
      m += l / logLengths.length;
    }
    double[][] x = new double[logits.length][2];
    for (int i = 0; i < logits.length; i++) {
      x[i][0] = logits[i];
      x[i][1] = logLengths[i] - m;
    }
    LogisticRegression.Fit f = LogisticRegression.fit(x, t, SLOPE_RIDGE);
    double a = f.weights()[0];
    if (!(a >= MIN_SLOPE)) {
      return fit(logits, labels);
    }
    return new PlattCalibration(a, f.bias(), f.weights()[1], m);
  }

  /**
   * Fits on development logits and labels.
   *
   * @throws IllegalArgumentException without both a positive and a negative example
   */
  public static PlattCalibration fit(double[] logits, int[] labels) {
    if (logits.length != labels.length) {
      throw new IllegalArgumentException("logits and labels differ in length (got " + logits.length + " and "
          + labels.length + ")");
    }
    double[] t = smoothedTargets(labels);
    double[][] x = new double[logits.length][1];
    for (int i = 0; i < logits.length; i++) {
      x[i][0] = logits[i];
    }
    LogisticRegression.Fit f = LogisticRegression.fit(x, t, SLOPE_RIDGE);
    double a = f.weights()[0];
    if (a >= MIN_SLOPE) {
      return new PlattCalibration(a, f.bias());
    }
    // No increasing relation on the dev set: keep the order of the logits, calibrate to the base rate.
    double[][] shifted = new double[logits.length][0];
    LogisticRegression.Fit base = LogisticRegression.fit(shifted, t, SLOPE_RIDGE);
    double meanZ = 0;
    for (double z : logits) {
      meanZ += z;
    }
    meanZ /= logits.length;
    return new PlattCalibration(MIN_SLOPE, base.bias() - MIN_SLOPE * meanZ);
  }

  /**
   * Platt's smoothed targets of {@code labels}: {@code (N+ + 1) / (N+ + 2)} for a positive,
   * {@code 1 / (N- + 2)} for a negative.
   *
   * @throws IllegalArgumentException for a label other than 0 or 1, or without both a positive and a
   *     negative example
   */
  private static double[] smoothedTargets(int[] labels) {
    int pos = 0;
    int neg = 0;
    for (int y : labels) {
      if (y == 1) {
        pos++;
      } else if (y == 0) {
        neg++;
      } else {
        throw new IllegalArgumentException("labels must be 0 or 1 (got " + y + ")");
      }
    }
    if (pos == 0 || neg == 0) {
      throw new IllegalArgumentException("calibration needs positive and negative examples (got " + pos
          + " positive, " + neg + " negative)");
    }
    double hi = (pos + 1.0) / (pos + 2.0);
    double lo = 1.0 / (neg + 2.0);
    double[] t = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      t[i] = labels[i] == 1 ? hi : lo;
    }
    return t;
  }
}
