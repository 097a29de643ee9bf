package org.unspin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

  @Test
  void gradientMatchesFiniteDifferences() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    for (int round = 0; round < 20; round++) {
      int n = 1 + rnd.nextInt(30);
      int d = rnd.nextInt(5);
      double[][] x = new double[n][d];
      double[] t = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          x[i][j] = rnd.nextGaussian() * 3;
        }
        t[i] = rnd.nextBoolean() ? rnd.nextInt(2) : rnd.nextDouble();
      }
      double l2 = 0.01 + rnd.nextDouble() * 5;
      double bias = rnd.nextGaussian();
      double[] w = new double[d];
      for (int j = 0; j < d; j++) {
        w[j] = rnd.nextGaussian();
      }
      double[] g = LogisticRegression.gradient(x, t, l2, bias, w);
      double h = 1e-6;
      double num = (LogisticRegression.objective(x, t, l2, bias + h, w)
          - LogisticRegression.objective(x, t, l2, bias - h, w)) / (2 * h);
      assertEquals(num, g[0], 1e-5 * Math.max(1, Math.abs(num)), "d/dbias, seed=" + seed);
      for (int j = 0; j < d; j++) {
        double[] wp = w.clone();
        double[] wm = w.clone();
        wp[j] += h;
        wm[j] -= h;
        num = (LogisticRegression.objective(x, t, l2, bias, wp) - LogisticRegression.objective(x, t, l2, bias, wm))
            / (2 * h);
        assertEquals(num, g[j + 1], 1e-5 * Math.max(1, Math.abs(num)), "d/dw" + j + ", seed=" + seed);
      }
    }
  }

  @Test
  void fitIsAStationaryPointOfTheObjective() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    double[][] x = new double[200][3];
    int[] y = new int[200];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = rnd.nextGaussian();
      }
      y[i] = rnd.nextDouble() < LogisticRegression.sigmoid(0.5 + x[i][0] - 2 * x[i][1]) ? 1 : 0;
    }
    LogisticRegression.Fit f = LogisticRegression.fit(x, y, 0.5);
    double[] t = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      t[i] = y[i];
    }
    for (double gi : LogisticRegression.gradient(x, t, 0.5, f.bias(), f.weights())) {
      assertEquals(0, gi, 1e-6, "gradient at the fit, seed=" + seed);
    }
  }

  @Test
  void separableDataGivesFiniteWeightsThatClassifyEveryPoint() {
    double[][] x = {{-3}, {-2}, {-1}, {1}, {2}, {3}};
    int[] y = {0, 0, 0, 1, 1, 1};
    LogisticRegression.Fit f = LogisticRegression.fit(x, y, 0.1);
    assertTrue(Double.isFinite(f.weights()[0]) && f.weights()[0] > 0, "weight " + f.weights()[0]);
    for (int i = 0; i < x.length; i++) {
      assertEquals(y[i] == 1, f.logit(x[i]) > 0, "point " + i);
    }
    assertTrue(f.iterations() < LogisticRegression.MAX_ITERATIONS, "converged in " + f.iterations());
  }

  @Test
  void nonSeparableDataRecoversTheGeneratingWeights() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    int n = 20000;
    double[][] x = new double[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = rnd.nextGaussian();
      x[i][1] = rnd.nextGaussian();
      y[i] = rnd.nextDouble() < LogisticRegression.sigmoid(-1 + 2 * x[i][0] - 0.5 * x[i][1]) ? 1 : 0;
    }
    LogisticRegression.Fit f = LogisticRegression.fit(x, y, 1e-3);
    assertEquals(-1, f.bias(), 0.1, "bias, seed=" + seed);
    assertEquals(2, f.weights()[0], 0.15, "w0, seed=" + seed);
    assertEquals(-0.5, f.weights()[1], 0.1, "w1, seed=" + seed);
  }

  @Test
  void biasOnlyModelIsTheLogOddsOfTheTargets() {
    double[][] x = new double[10][0];
    int[] y = {1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
    LogisticRegression.Fit f = LogisticRegression.fit(x, y, 1);
    assertEquals(Math.log(3.0 / 7.0), f.bias(), 1e-8);
  }

  @Test
  void isDeterministic() {
    double[][] x = {{0.1, 2}, {0.5, -1}, {-0.3, 0.7}, {2, 2}, {-1, -2}};
    int[] y = {0, 1, 0, 1, 0};
    LogisticRegression.Fit a = LogisticRegression.fit(x, y, 0.3);
    LogisticRegression.Fit b = LogisticRegression.fit(x, y, 0.3);
    assertEquals(a.bias(), b.bias());
    assertEquals(a.weights()[0], b.weights()[0]);
    assertEquals(a.weights()[1], b.weights()[1]);
  }

  @Test
  void rejectsBadInputNamingTheProblem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LogisticRegression.fit(new double[][] {{1}}, new int[] {1}, 0));
    assertTrue(e.getMessage().contains("l2") && e.getMessage().contains("0.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> LogisticRegression.fit(new double[][] {{1}, {1, 2}}, new int[] {1, 0}, 1));
    assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> LogisticRegression.fit(new double[][] {{Double.NaN}}, new int[] {1}, 1));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(new double[][] {{1}}, new int[] {2},
        1));
    assertTrue(e.getMessage().contains("labels"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(new double[0][], new int[0], 1));
  }
}
