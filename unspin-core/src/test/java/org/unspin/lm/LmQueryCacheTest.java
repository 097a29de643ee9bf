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
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    NgramModelData data = LmTestSupport.random(rnd, 60, 4, 800);
    try (BinaryLm lm = LmTestSupport.write(data, dir, "m.ulm", 8)) {
      // 16 slots: collisions replace entries all the time, which must never change an answer.
      LmQueryCache small = new LmQueryCache(lm, 4);
      LmQueryCache large = new LmQueryCache(lm, 16);
      int[][] queries = new int[300][];
      java.util.Set<String> distinct = new java.util.HashSet<>();
      for (int q = 0; q < queries.length; q++) {
        int len = rnd.nextInt(6);
        queries[q] = new int[len + 1];
        for (int k = 0; k <= len; k++) {
          queries[q][k] = Math.min(59, (int) (Math.abs(rnd.nextGaussian()) * 15));
        }
        // The cache's key: the last order - 1 history words (3 here) and the word.
        int n = Math.min(len, 3);
        distinct.add(java.util.Arrays.toString(java.util.Arrays.copyOfRange(queries[q], len - n, len + 1)));
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
      // Every repeat of a query is a hit, but for the few that collide at random in 65,536 slots (about
      // 0.7 colliding pairs expected, each at most 4 misses; 40 is far out in the tail).
      long ideal = 900 - distinct.size();
      assertTrue(large.hits() >= ideal - 40, "seed=" + seed + " hits " + large.hits() + " of " + ideal);
      assertTrue(small.hits() < large.hits(), "seed=" + seed);
    }
  }

  /**
   * With a penalty on the unknown word, every answer for it as the queried word (one by one,
   * cached, and in batches) is the model's less the penalty with the matched order unchanged; the
   * unknown word in the history and every other word are answered as the model does.
   */
  @Test
  void unknownWordPenaltyLowersOnlyTheUnknownWordsOwnScores() {
    NgramModelData data = LmTestSupport.random(new Random(5), 40, 4, 400);
    try (BinaryLm lm = LmTestSupport.write(data, dir, "u.ulm", 32)) {
      LmQueryCache cache = new LmQueryCache(lm, 10, 4.25f);
      assertEquals(4.25f, cache.unknownPenalty());
      int[][] queries = {{Vocabulary.BOS, 5, Vocabulary.UNK}, {7, Vocabulary.UNK}, {Vocabulary.UNK, 9, 12},
          {Vocabulary.UNK, 12}, {Vocabulary.UNK}, {3, 4, 5, 6}};
      int[] quads = new int[4 * queries.length];
      for (int round = 0; round < 2; round++) { // the second round from the cache
        for (int q = 0; q < queries.length; q++) {
          int[] c = queries[q];
          int len = c.length - 1;
          long model = lm.query(c, 0, len, c[len]);
          long got = cache.query(c, 0, len, c[len]);
          String msg = java.util.Arrays.toString(c);
          assertEquals(LanguageModel.matchedOrder(model), LanguageModel.matchedOrder(got), msg);
          float want = LanguageModel.score(model) - (c[len] == Vocabulary.UNK ? 4.25f : 0f);
          assertEquals(want, LanguageModel.score(got), 1e-6, msg);
          assertEquals(got, cache.uncached(c, 0, len, c[len]), msg);
          // Laid out for answerQuads: up to three history words, then the word.
          java.util.Arrays.fill(quads, 4 * q, 4 * q + 4, -1);
          for (int k = 0; k < c.length; k++) {
            quads[4 * q + 4 - c.length + k] = c[k];
          }
        }
      }
      long[] batch = new long[queries.length];
      cache.answerQuads(quads, queries.length, batch);
      for (int q = 0; q < queries.length; q++) {
        int[] c = queries[q];
        assertEquals(cache.uncached(c, 0, c.length - 1, c[c.length - 1]), batch[q], java.util.Arrays.toString(c));
      }
      assertEquals(0f, new LmQueryCache(lm, 10).unknownPenalty());
      assertThrows(IllegalArgumentException.class, () -> new LmQueryCache(lm, 10, -1f));
      assertThrows(IllegalArgumentException.class, () -> new LmQueryCache(lm, 10, Float.NaN));
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

  /**
   * Keys of small ids (the commonest words) spread over the slots as random keys would: every
   * (history word, word) pair of ids below 64, asked twice in 65,536 slots, is a hit the second
   * time but for a few random collisions. (The first hash added the word to a constant and xored
   * the history word into the same low bits: these 4,096 keys met in about a hundred values, and a
   * randomized test of hit counts failed now and then.)
   */
  @Test
  void smallIdsSpreadOverTheSlots() {
    NgramModelData data = LmTestSupport.random(new Random(11), 64, 4, 400);
    try (BinaryLm lm = LmTestSupport.write(data, dir, "s.ulm", 8)) {
      LmQueryCache cache = new LmQueryCache(lm, 16);
      for (int round = 0; round < 2; round++) {
        for (int c = 0; c < 64; c++) {
          for (int w = 0; w < 64; w++) {
            cache.query(new int[] {c, w}, 0, 1, w);
          }
        }
      }
      // 4,096 keys in 65,536 slots: about 125 collide at random; the first hash kept fewer than 500.
      assertTrue(cache.hits() >= 3700, "hits " + cache.hits());
    }
  }
}
