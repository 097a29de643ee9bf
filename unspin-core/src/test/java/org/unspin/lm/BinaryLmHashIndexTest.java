package org.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The n-gram hash index ({@link NgramHash}) must answer every query bit for bit as the trie walk
 * of the same file does: random models of every order, with blank records, short and long
 * histories, the reserved words, through every query style.
 */
class BinaryLmHashIndexTest {
  @TempDir
  Path dir;

  @Test
  void hashedQueriesAreExactlyTheTriesOnRandomModels() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    boolean sawBlanks = false;
    for (int round = 0; round < 12; round++) {
      int order = 2 + round % 3;
      int vocab = 8 + rnd.nextInt(60);
      String msg = "seed=" + seed + " round=" + round + " order=" + order;
      NgramModelData data = LmTestSupport.random(rnd, vocab, order, 300 + rnd.nextInt(1500));
      boolean fileIndex = rnd.nextBoolean();
      try (BinaryLm trie = LmTestSupport.write(data, dir, "t" + round + ".ulm", 8, fileIndex);
          BinaryLm hashed = LmTestSupport.write(data, dir, "h" + round + ".ulm", 8, fileIndex)) {
        assertTrue(hashed.buildHashIndexNow(), msg);
        assertNotNull(hashed.hashIndex(), msg);
        assertNull(trie.hashIndex(), msg);
        for (int n = 2; n <= order; n++) {
          sawBlanks |= trie.recordCount(n) > trie.ngramCount(n);
        }
        BinaryLm.Cursor cursor = hashed.cursor();
        LmQueryCache cache = new LmQueryCache(hashed, 6);
        for (int q = 0; q < 4000; q++) {
          int len = rnd.nextInt(6);
          int[] ctx = new int[len + 1];
          for (int k = 0; k <= len; k++) {
            ctx[k] = frequent(rnd, vocab);
          }
          String where = msg + " query " + Arrays.toString(ctx);
          long want = trie.query(ctx, 0, len, ctx[len]);
          assertEquals(want, hashed.query(ctx, 0, len, ctx[len]), where);
          assertEquals(want, hashed.query(cursor, ctx, 0, len, ctx[len]), where);
          assertEquals(want, cache.query(ctx, 0, len, ctx[len]), where);
        }
        int[] bad = {1, vocab + 3};
        assertThrows(IndexOutOfBoundsException.class, () -> hashed.query(bad, 0, 1, bad[1]), msg);
        assertThrows(IndexOutOfBoundsException.class, () -> hashed.query(bad, 1, 1, 1), msg);
        assertThrows(IndexOutOfBoundsException.class, () -> hashed.query(bad, 0, 0, -1), msg);
      }
    }
    assertTrue(sawBlanks, "seed=" + seed + ": no random model had blank records");
  }

  @Test
  void warmingQueriesChangesNoAnswerAndAcceptsAnyIds() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    for (int round = 0; round < 6; round++) {
      int order = 2 + round % 3;
      int vocab = 10 + rnd.nextInt(50);
      String msg = "seed=" + seed + " round=" + round;
      NgramModelData data = LmTestSupport.random(rnd, vocab, order, 1000);
      try (BinaryLm trie = LmTestSupport.write(data, dir, "wt" + round + ".ulm", 8, false);
          BinaryLm hashed = LmTestSupport.write(data, dir, "wh" + round + ".ulm", 8, false)) {
        hashed.buildHashIndexNow();
        for (int b = 0; b < 200; b++) {
          int count = 1 + rnd.nextInt(30);
          int[] quads = new int[4 * count];
          for (int i = 0; i < quads.length; i++) {
            quads[i] = rnd.nextInt(12) == 0 ? -1 : rnd.nextInt(12) == 0 ? vocab + rnd.nextInt(5) : rnd.nextInt(vocab);
          }
          hashed.warmQueries(quads, count);
          trie.warmQueries(quads, count);
          for (int i = 0; i < count; i++) {
            int[] ctx = new int[4];
            for (int k = 0; k < 4; k++) {
              ctx[k] = Math.floorMod(quads[4 * i + k], vocab);
            }
            int len = rnd.nextInt(4);
            assertEquals(trie.query(ctx, 3 - len, len, ctx[3]), hashed.query(ctx, 3 - len, len, ctx[3]), msg);
          }
        }
      }
    }
  }

  @Test
  void batchAnswersAreExactlyTheQueriesOneByOne() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    for (int round = 0; round < 9; round++) {
      int order = 2 + round % 3;
      int vocab = 10 + rnd.nextInt(50);
      String msg = "seed=" + seed + " round=" + round + " order=" + order;
      NgramModelData data = LmTestSupport.random(rnd, vocab, order, 300 + rnd.nextInt(1500));
      try (BinaryLm trie = LmTestSupport.write(data, dir, "bt" + round + ".ulm", 8, false);
          BinaryLm hashed = LmTestSupport.write(data, dir, "bh" + round + ".ulm", 8, false)) {
        assertTrue(hashed.buildHashIndexNow(), msg);
        LmQueryCache viaTrie = new LmQueryCache(trie, 6);
        LmQueryCache viaHash = new LmQueryCache(hashed, 6);
        for (int b = 0; b < 200; b++) {
          int count = 1 + rnd.nextInt(40);
          int[] quads = LmTestSupport.randomQuads(rnd, count, () -> frequent(rnd, vocab));
          long[] fromTrie = new long[count];
          long[] fromHash = new long[count];
          viaTrie.answerQuads(quads, count, fromTrie);
          viaHash.answerQuads(quads, count, fromHash);
          for (int i = 0; i < count; i++) {
            int hist = BinaryLm.historyLength(quads, i);
            long want = trie.query(quads, 4 * i + 3 - hist, hist, quads[4 * i + 3]);
            String where = msg + " query " + Arrays.toString(Arrays.copyOfRange(quads, 4 * i, 4 * i + 4));
            assertEquals(want, fromTrie[i], where);
            assertEquals(want, fromHash[i], where);
          }
        }
        int[] bad = {-1, -1, 1, vocab + 2};
        assertThrows(IndexOutOfBoundsException.class, () -> viaHash.answerQuads(bad, 1, new long[1]), msg);
      }
    }
  }

  /** Mostly frequent words, so that long n-grams match; now and then a reserved word. */
  private static int frequent(Random rnd, int vocab) {
    int r = rnd.nextInt(10);
    return r == 0 ? rnd.nextInt(3) : r < 4 ? rnd.nextInt(vocab)
        : Math.min(vocab - 1, (int) (Math.abs(rnd.nextGaussian()) * vocab / 5));
  }

  @Test
  void aModelBuiltInTheBackgroundAnswersTheSameBeforeAndAfter() throws InterruptedException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    NgramModelData data = LmTestSupport.random(rnd, 400, 4, 20000);
    try (BinaryLm trie = LmTestSupport.write(data, dir, "bt.ulm", 8, false);
        BinaryLm hashed = LmTestSupport.write(data, dir, "bh.ulm", 8, false)) {
      assertTrue(hashed.startHashIndex());
      assertTrue(hashed.startHashIndex()); // a second call starts nothing more
      long deadline = System.nanoTime() + 30_000_000_000L;
      int q = 0;
      while (hashed.hashIndex() == null || q < 2000) {
        assertTrue(System.nanoTime() < deadline, "seed=" + seed + ": the index was not built in 30 s");
        int len = rnd.nextInt(4);
        int[] ctx = new int[len + 1];
        for (int k = 0; k <= len; k++) {
          ctx[k] = Math.min(399, (int) (Math.abs(rnd.nextGaussian()) * 60));
        }
        assertEquals(trie.query(ctx, 0, len, ctx[len]), hashed.query(ctx, 0, len, ctx[len]),
            "seed=" + seed + " " + Arrays.toString(ctx));
        q++;
      }
    }
  }

  @Test
  void modelsTheIndexCannotHoldKeepTheTrie() {
    Random rnd = new Random(7);
    NgramModelData wide = LmTestSupport.random(rnd, 30, 3, 500);
    NgramModelData high = LmTestSupport.random(rnd, 30, 5, 500);
    NgramModelData unigrams = LmTestSupport.random(rnd, 30, 1, 50);
    try (BinaryLm w = LmTestSupport.write(wide, dir, "w16.ulm", 16);
        BinaryLm h = LmTestSupport.write(high, dir, "o5.ulm", 8);
        BinaryLm u = LmTestSupport.write(unigrams, dir, "o1.ulm", 8)) {
      for (BinaryLm m : new BinaryLm[] {w, h, u}) {
        assertFalse(m.startHashIndex(), m.toString());
        assertFalse(m.buildHashIndexNow(), m.toString());
        assertNull(m.hashIndex(), m.toString());
      }
    }
  }
}
