package org.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model written without a bigram index builds one in the heap; it must answer as the file's own. */
class BinaryLmHeapIndexTest {
  @TempDir
  Path dir;

  @Test
  void modelWithoutBigramIndexScoresExactlyLikeTheSameModelWithOne() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    for (int round = 0; round < 4; round++) {
      int vocab = 30 + rnd.nextInt(40);
      String msg = "seed=" + seed + " round=" + round;
      // The random model must have a word that ends more bigrams than the heap index leaves to
      // bisection (the generator draws how many n-grams to make, so draw again when too few).
      NgramModelData data;
      int tries = 0;
      do {
        data = LmTestSupport.random(rnd, vocab, 2 + rnd.nextInt(3), 1500);
        assertTrue(++tries < 50, msg + ": no model with a word of many bigrams");
      } while (maxChildren(data) <= 16);
      try (BinaryLm indexed = LmTestSupport.write(data, dir, "i" + round + ".ulm", 8, true);
          BinaryLm heap = LmTestSupport.write(data, dir, "h" + round + ".ulm", 8, false)) {
        assertTrue(indexed.hasBigramIndex(), msg);
        assertFalse(heap.hasBigramIndex(), msg);
        for (int q = 0; q < 3000; q++) {
          int len = rnd.nextInt(5);
          int[] ctx = new int[len + 1];
          for (int k = 0; k <= len; k++) {
            ctx[k] = rnd.nextInt(4) == 0 ? rnd.nextInt(vocab)
                : Math.min(vocab - 1, (int) (Math.abs(rnd.nextGaussian()) * vocab / 4));
          }
          long want = indexed.query(ctx, 0, len, ctx[len]);
          long got = heap.query(ctx, 0, len, ctx[len]);
          assertEquals(want, got, msg + " query " + java.util.Arrays.toString(ctx));
        }
      }
    }
  }

  @Test
  void warmingEitherIndexChangesNoAnswerAndChecksItsWords() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    for (int round = 0; round < 3; round++) {
      int vocab = 30 + rnd.nextInt(40);
      int order = 2 + rnd.nextInt(3);
      String msg = "seed=" + seed + " round=" + round;
      NgramModelData data = LmTestSupport.random(rnd, vocab, order, 1500);
      try (BinaryLm indexed = LmTestSupport.write(data, dir, "wi" + round + ".ulm", 8, true);
          BinaryLm heap = LmTestSupport.write(data, dir, "wh" + round + ".ulm", 8, false);
          BinaryLm cold = LmTestSupport.write(data, dir, "wc" + round + ".ulm", 8, false)) {
        for (int q = 0; q < 500; q++) {
          int count = 1 + rnd.nextInt(20);
          int[] prevs = new int[count];
          int[] words = new int[count];
          for (int i = 0; i < count; i++) {
            prevs[i] = rnd.nextInt(vocab);
            words[i] = rnd.nextInt(vocab);
          }
          long[] scratch = new long[count];
          indexed.warm(prevs, words, count, scratch);
          heap.warm(prevs, words, count, scratch);
          for (int i = 0; i < count; i++) {
            int[] ctx = {rnd.nextInt(vocab), rnd.nextInt(vocab), prevs[i]};
            int len = 1 + rnd.nextInt(3);
            long want = cold.query(ctx, 3 - len, len, words[i]);
            assertEquals(want, indexed.query(ctx, 3 - len, len, words[i]), msg);
            assertEquals(want, heap.query(ctx, 3 - len, len, words[i]), msg);
          }
        }
        int[] bad = {vocab + 5};
        int[] ok = {1};
        assertThrows(IndexOutOfBoundsException.class, () -> heap.warm(bad, ok, 1, new long[1]), msg);
        assertThrows(IndexOutOfBoundsException.class, () -> indexed.warm(ok, bad, 1, new long[1]), msg);
      }
    }
  }

  /** The most bigrams that end in one word. */
  private static int maxChildren(NgramModelData data) {
    Map<Integer, Set<Integer>> children = new HashMap<>();
    int[] bigrams = data.ngrams(2);
    for (int i = 0; i < data.count(2); i++) {
      children.computeIfAbsent(bigrams[2 * i + 1], k -> new HashSet<>()).add(bigrams[2 * i]);
    }
    return children.values().stream().mapToInt(Set::size).max().orElse(0);
  }
}
