package org.unspin.detect;

import java.util.Objects;

/**
 * L2-regularized logistic regression fitted by Newton's method with backtracking line search:
 * deterministic (no random start, no sampling), a handful of iterations for the few features the
 * detector uses. Targets may be soft (in {@code [0, 1]}), which {@link PlattCalibration} uses.
 *
 * <p>The objective minimized is
 * {@code J(b, w) = sum_i [log(1 + exp(z_i)) - t_i z_i] + (l2 / 2) |w|^2} with
 * {@code z_i = b + w . x_i}; the bias is not penalized. With {@code l2 > 0} it is strictly convex
 * in {@code w}, so the fit is unique and finite even on separable data.
 *
 * <p>Stateless and thread-safe.
 */
public final class LogisticRegression {
  /** Newton steps at most; convergence takes about ten on detector data. */
  static final int MAX_ITERATIONS = 200;
  /** Stop when the largest parameter change of a step is below this. */
  static final double TOLERANCE = 1e-10;
  /** Added to the bias's Hessian entry so that a constant feature column cannot make it singular. */
  private static final double BIAS_RIDGE = 1e-9;

  private LogisticRegression() {}

  /**
   * A fitted model.
   *
   * @param bias the intercept
   * @param weights one weight per feature
   * @param iterations Newton steps taken
   */
  public record Fit(double bias, double[] weights, int iterations) {
    public Fit {
      Objects.requireNonNull(weights, "weights");
      weights = weights.clone();
    }

    @Override
    public double[] weights() {
      return weights.clone();
    }

    /** The logit {@code b + w . x}. */
    public double logit(double[] x) {
      return LogisticRegression.logit(bias, weights, x);
    }
  }

  /** Fits on hard labels (0 or 1). */
  public static Fit fit(double[][] x, int[] labels, double l2) {
    double[] t = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException("labels must be 0 or 1 (got " + labels[i] + " at " + i + ")");
      }
      t[i] = labels[i];
    }
    return fit(x, t, l2);
  }

  /**
   * Fits on targets in {@code [0, 1]}.
   *
   * @param x rows of equal length (may be zero-length: a bias-only model)
   * @param targets one per row
   * @param l2 ridge on the weights, {@code > 0}
   * @throws IllegalArgumentException for empty data, ragged rows, non-finite values, bad targets or l2
   */
  public static Fit fit(double[][] x, double[] targets, double l2) {
    int n = x.length;
    if (n == 0) {
      throw new IllegalArgumentException("x must hold at least one row (got 0)");
    }
    if (targets.length != n) {
      throw new IllegalArgumentException("targets must have one entry per row (got " + targets.length + " for " + n
          + " rows)");
    }
    if (!(l2 > 0 && Double.isFinite(l2))) {
      throw new IllegalArgumentException("l2 must be finite and > 0 (got " + l2 + ")");
    }
    int d = x[0].length;
    for (int i = 0; i < n; i++) {
      if (x[i].length != d) {
        throw new IllegalArgumentException("rows must have equal length (row 0 has " + d + ", row " + i + " has "
            + x[i].length + ")");
      }
      for (double v : x[i]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("x must be finite (got " + v + " in row " + i + ")");
        }
      }
      if (!(targets[i] >= 0 && targets[i] <= 1)) {
        throw new IllegalArgumentException("targets must be in [0, 1] (got " + targets[i] + " at " + i + ")");
      }
    }
    double bias = 0;
    double[] w = new double[d];
    double obj = objective(x, targets, l2, bias, w);
    int m = d + 1;
    double[][] h = new double[m][m];
    double[] g = new double[m];
    double[] cand = new double[d];
    int it = 0;
    while (it < MAX_ITERATIONS) {
      it++;
      gradientAndHessian(x, targets, l2, bias, w, g, h);
      double[] step = solve(h, g);
      double t = 1;
      double newObj;
      double newBias;
      while (true) {
        newBias = bias - t * step[0];
        for (int j = 0; j < d; j++) {
          cand[j] = w[j] - t * step[j + 1];
        }
        newObj = objective(x, targets, l2, newBias, cand);
        if (newObj <= obj + 1e-4 * t * -dot(g, step) || t < 1e-12) {
          break;
        }
        t /= 2;
      }
      double change = 0;
      for (double s : step) {
        change = Math.max(change, Math.abs(t * s));
      }
      bias = newBias;
      System.arraycopy(cand, 0, w, 0, d);
      obj = newObj;
      if (change < TOLERANCE) {
        break;
      }
    }
    return new Fit(bias, w, it);
  }

  /** The objective {@code J(b, w)} (see the class comment). */
  static double objective(double[][] x, double[] t, double l2, double bias, double[] w) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double z = logit(bias, w, x[i]);
      s += log1pExp(z) - t[i] * z;
    }
    return s + 0.5 * l2 * dot(w, w);
  }

  /** The gradient of {@link #objective}: entry 0 for the bias, then one per weight. */
  static double[] gradient(double[][] x, double[] t, double l2, double bias, double[] w) {
    double[] g = new double[w.length + 1];
    gradientAndHessian(x, t, l2, bias, w, g, null);
    return g;
  }

  private static void gradientAndHessian(double[][] x, double[] t, double l2, double bias, double[] w, double[] g,
      double[][] h) {
    int d = w.length;
    java.util.Arrays.fill(g, 0);
    if (h != null) {
      for (double[] row : h) {
        java.util.Arrays.fill(row, 0);
      }
    }
    for (int i = 0; i < x.length; i++) {
      double[] xi = x[i];
      double p = sigmoid(logit(bias, w, xi));
      double r = p - t[i];
      g[0] += r;
      for (int j = 0; j < d; j++) {
        g[j + 1] += r * xi[j];
      }
      if (h != null) {
        double v = p * (1 - p);
        h[0][0] += v;
        for (int j = 0; j < d; j++) {
          double vx = v * xi[j];
          h[0][j + 1] += vx;
          for (int k = 0; k <= j; k++) {
            h[j + 1][k + 1] += vx * xi[k];
          }
        }
      }
    }
    for (int j = 0; j < d; j++) {
      g[j + 1] += l2 * w[j];
    }
    if (h != null) {
      h[0][0] += BIAS_RIDGE;
      for (int j = 0; j < d; j++) {
        h[j + 1][j + 1] += l2;
        h[j + 1][0] = h[0][j + 1];
        for (int k = 0; k < j; k++) {
          h[k + 1][j + 1] = h[j + 1][k + 1];
        }
      }
    }
  }

  /** Solves {@code a x = b} for symmetric positive definite {@code a} by Cholesky decomposition. */
  static double[] solve(double[][] a, double[] b) {
    int m = b.length;
    double[][] l = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          // a tiny floor keeps a numerically semi-definite matrix (all p near 0 or 1) solvable
          l[i][i] = Math.sqrt(Math.max(s, 1e-300));
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    double[] out = new double[m];
    for (int i = m - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < m; k++) {
        s -= l[k][i] * out[k];
      }
      out[i] = s / l[i][i];
    }
    return out;
  }

  static double logit(double bias, double[] w, double[] x) {
    double z = bias;
    for (int j = 0; j < w.length; j++) {
      z += w[j] * x[j];
    }
    return z;
  }

  /** {@code 1 / (1 + exp(-z))}, without overflow. */
  public static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }

  /** {@code log(1 + exp(z))}, without overflow. */
  static double log1pExp(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
