package org.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmQueryCacheTest {
  @TempDir
  Path dir;

  @Test
  void answersExactlyLikeTheModelAndHitsOnRepeatedQueries() {
    long seed = System.nanoTime();
    Random rnd = new Random(seed);
    NgramModelData data = LmTestSupport.random(rnd, 60, 4, 800);
    try (BinaryLm lm = LmTestSupport.write(data, dir, "m.ulm", 8)) {
      // 16 slots: collisions replace entries all the time, which must never change an answer.
      LmQueryCache small = new LmQueryCache(lm, 4);
      LmQueryCache large = new LmQueryCache(lm, 12);
      int[][] queries = new int[300][];
      for (int q = 0; q < queries.length; q++) {
        int len = rnd.nextInt(6);
        queries[q] = new int[len + 1];
        for (int k = 0; k <= len; k++) {
          queries[q][k] = Math.min(59, (int) (Math.abs(rnd.nextGaussian()) * 15));
        }
      }
      for (int round = 0; round < 3; round++) {
        for (int q = 0; q < queries.length; q++) {
          int[] c = queries[q];
          int len = c.length - 1;
          long want = lm.query(c, 0, len, c[len]);
          String msg = "seed=" + seed + " query " + java.util.Arrays.toString(c);
          assertEquals(want, small.query(c, 0, len, c[len]), msg);
          assertEquals(want, large.query(c, 0, len, c[len]), msg);
        }
      }
      assertEquals(900, large.queries());
      // Rounds 2 and 3 find every query again, but for the few that collide in 4096 slots.
      assertTrue(large.hits() >= 500, "seed=" + seed + " hits " + large.hits());
      assertTrue(small.hits() < large.hits(), "seed=" + seed);
    }
  }

  @Test
  void historiesDifferingOnlyBeyondTheOrderShareAnEntry() {
    NgramModelData data = LmTestSupport.random(new Random(7), 30, 3, 200);
    try (BinaryLm lm = LmTestSupport.write(data, dir, "m3.ulm", 32)) {
      LmQueryCache cache = new LmQueryCache(lm, 8);
      cache.query(new int[] {5, 6, 7, 8}, 0, 3, 8);
      cache.query(new int[] {9, 6, 7, 8}, 0, 3, 8); // only the last two history words count
      assertEquals(1, cache.hits());
      cache.query(new int[] {6, 7, 8}, 1, 1, 8); // a shorter history is another query
      assertEquals(1, cache.hits());
    }
  }

  @Test
  void rejectsSlotCountsOutOfRange() {
    NgramModelData data = LmTestSupport.random(new Random(3), 20, 2, 50);
    try (BinaryLm lm = LmTestSupport.write(data, dir, "m2.ulm", 32)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LmQueryCache(lm, 30));
      assertTrue(e.getMessage().contains("30"), e.getMessage());
    }
  }
}
