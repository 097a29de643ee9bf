package org.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NgramKeysTest {
  @TempDir
  Path tmp;

  private static int[] randomGram(Random r) {
    int[] w = new int[1 + r.nextInt(5)];
    for (int i = 0; i < w.length; i++) {
      w[i] = r.nextBoolean() ? r.nextInt(4) : NgramKeys.MAX_ID - r.nextInt(4);
    }
    return w;
  }

  /** Brute-force suffix order: compare last words first; a proper suffix sorts first. */
  private static int suffixCompare(int[] a, int[] b) {
    for (int j = 0; j < Math.min(a.length, b.length); j++) {
      int c = Integer.compare(a[a.length - 1 - j], b[b.length - 1 - j]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  @Test
  void packsAndUnpacksEveryLengthAndSortsInSuffixOrder() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    int[] out = new int[5];
    for (int round = 0; round < 20_000; round++) {
      int[] a = randomGram(r);
      int[] b = randomGram(r);
      long ah = NgramKeys.hi(a, 0, a.length);
      long al = NgramKeys.lo(a, 0, a.length);
      long bh = NgramKeys.hi(b, 0, b.length);
      long bl = NgramKeys.lo(b, 0, b.length);
      assertEquals(a.length, NgramKeys.unpack(ah, al, out), "seed=" + seed);
      assertArrayEquals(a, Arrays.copyOf(out, a.length), "seed=" + seed);
      assertTrue(ah >= 0 && (ah != 0 || al != 0), "seed=" + seed);
      assertEquals(Integer.signum(suffixCompare(a, b)), Integer.signum(NgramKeys.compare(ah, al, bh, bl)),
          Arrays.toString(a) + " vs " + Arrays.toString(b) + " seed=" + seed);
    }
  }

  @Test
  void tokenCacheReplaysSentencesExactly() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    List<int[]> written = new ArrayList<>();
    try (TokenCache cache = new TokenCache(tmp)) {
      for (int s = 0; s < 5_000; s++) {
        int[] ids = new int[r.nextInt(r.nextInt(10) == 0 ? 600 : 20)];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = r.nextInt(4) == 0 ? r.nextInt(Integer.MAX_VALUE) : r.nextInt(300);
        }
        written.add(ids);
        cache.add(ids, ids.length);
      }
      cache.finishWriting();
      List<int[]> read = new ArrayList<>();
      cache.forEachSentence((ids, n) -> read.add(Arrays.copyOf(ids, n)));
      assertEquals(written.size(), read.size(), "seed=" + seed);
      for (int i = 0; i < written.size(); i++) {
        assertArrayEquals(written.get(i), read.get(i), "sentence " + i + " seed=" + seed);
      }
    }
  }
}
