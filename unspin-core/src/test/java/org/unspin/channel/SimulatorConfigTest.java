package org.unspin.channel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

  @Test
  void consecutiveSeedsDrawSpreadRates() {
    double min = 1;
    double max = 0;
    for (long seed = 0; seed < 50; seed++) {
      double rate = SimulatorConfig.random(seed).rate();
      assertTrue(rate >= 0.1 && rate <= 0.8, "rate " + rate + " for seed " + seed);
      min = Math.min(min, rate);
      max = Math.max(max, rate);
    }
    assertTrue(max - min > 0.4, "rates of seeds 0..49 span only [" + min + ", " + max + "]");
  }
}
