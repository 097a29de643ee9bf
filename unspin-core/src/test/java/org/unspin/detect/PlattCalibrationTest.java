package org.unspin.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattCalibrationTest {

  @Test
  void calibratedProbabilitiesAreMonotoneAndInTheUnitInterval() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    for (int round = 0; round < 20; round++) {
      int n = 2 + rnd.nextInt(100);
      double[] z = new double[n];
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        z[i] = rnd.nextGaussian() * 10;
        y[i] = i < 2 ? i : rnd.nextInt(2); // both classes present
      }
      PlattCalibration c = PlattCalibration.fit(z, y);
      assertTrue(c.a() > 0, "slope " + c.a() + ", seed=" + seed);
      double prev = -1;
      for (double v = -1000; v <= 1000; v += 0.5) {
        double p = c.probability(v);
        assertTrue(p >= 0 && p <= 1, "p=" + p + " at " + v + ", seed=" + seed);
        assertTrue(p >= prev, "not monotone at " + v + ", seed=" + seed);
        prev = p;
      }
    }
  }

  @Test
  void recoversAKnownLogisticRelation() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    int n = 20000;
    double[] z = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      z[i] = rnd.nextGaussian() * 3;
      y[i] = rnd.nextDouble() < LogisticRegression.sigmoid(0.5 * z[i] - 1) ? 1 : 0;
    }
    PlattCalibration c = PlattCalibration.fit(z, y);
    assertEquals(0.5, c.a(), 0.05, "a, seed=" + seed);
    assertEquals(-1, c.b(), 0.1, "b, seed=" + seed);
  }

  @Test
  void fitWithLengthRecoversAKnownLengthTerm() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    int n = 40000;
    double[] z = new double[n];
    double[] len = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      z[i] = rnd.nextGaussian() * 3;
      len[i] = 3 + 4 * rnd.nextDouble();
      y[i] = rnd.nextDouble() < LogisticRegression.sigmoid(0.8 * z[i] - 0.5 + 0.6 * (len[i] - 5)) ? 1 : 0;
    }
    PlattCalibration c = PlattCalibration.fitWithLength(z, len, y);
    assertTrue(c.readsLength());
    assertEquals(0.8, c.a(), 0.06, "a, seed=" + seed);
    assertEquals(0.6, c.lengthSlope(), 0.08, "c, seed=" + seed);
    assertEquals(5, c.lengthCenter(), 0.05, "m, seed=" + seed);
    assertEquals(-0.5, c.b(), 0.1, "b, seed=" + seed);
    assertEquals(c.probability(1.0), c.probability(1.0, c.lengthCenter()), 1e-15);
    assertTrue(c.probability(1.0, 7) > c.probability(1.0, 3));
    assertTrue(!new PlattCalibration(1, 0).readsLength());
    assertThrows(IllegalArgumentException.class, () -> PlattCalibration.fitWithLength(new double[] {1, 2},
        new double[] {1}, new int[] {0, 1}));
    assertThrows(IllegalArgumentException.class, () -> new PlattCalibration(1, 0, Double.NaN, 0));
  }

  @Test
  void separableDevDataGivesAFiniteSlopeThroughSmoothedTargets() {
    PlattCalibration c = PlattCalibration.fit(new double[] {-2, -1, 1, 2}, new int[] {0, 0, 1, 1});
    assertTrue(Double.isFinite(c.a()) && c.a() > 0, "a " + c.a());
    assertTrue(c.probability(2) < 1 && c.probability(-2) > 0);
  }

  @Test
  void reversedDevDataFallsBackToTheBaseRateWithAPositiveSlope() {
    PlattCalibration c = PlattCalibration.fit(new double[] {-2, -1, 1, 2}, new int[] {1, 1, 0, 0});
    assertEquals(PlattCalibration.MIN_SLOPE, c.a());
    assertEquals(0.5, c.probability(0), 0.01);
  }

  @Test
  void needsBothClassesAndValidParameters() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PlattCalibration.fit(new double[] {1, 2}, new int[] {1, 1}));
    assertTrue(e.getMessage().contains("0 negative"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PlattCalibration(0, 1));
    assertTrue(e.getMessage().contains("a must") && e.getMessage().contains("0.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new PlattCalibration(1, Double.NaN));
  }
}
