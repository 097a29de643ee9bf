package org.unspin.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairAlignerTest {

  private static String[] w(String s) {
    return s.isEmpty() ? new String[0] : s.split(" ");
  }

  @Test
  void oneWordSubstitutionBetweenAnchors() {
    PairAligner.Alignment a = PairAligner.align(w("the surface region is"), w("the surface area is"));
    assertArrayEquals(new int[] {0, 1, 3}, a.spunAnchors());
    assertEquals(List.of(new PairAligner.Gap(2, 3, 2, 3)), a.gaps());
  }

  @Test
  void phraseSubstitutionOfUnequalLength() {
    PairAligner.Alignment a = PairAligner.align(w("the financial institution rate"), w("the bank rate"));
    assertEquals(List.of(new PairAligner.Gap(1, 3, 1, 2)), a.gaps());
  }

  @Test
  void gapsAtBothEndsAndEmptyInputs() {
    assertEquals(List.of(new PairAligner.Gap(0, 1, 0, 1), new PairAligner.Gap(2, 3, 2, 4)),
        PairAligner.align(w("x a y"), w("z a u v")).gaps());
    assertEquals(List.of(new PairAligner.Gap(0, 0, 0, 2)), PairAligner.align(w(""), w("a b")).gaps());
    assertEquals(List.of(), PairAligner.align(w(""), w("")).gaps());
  }

  /** Brute force: the longest common subsequence length by trying every subsequence of the shorter side. */
  private static int slowLcs(String[] a, String[] b) {
    String[] s = a.length <= b.length ? a : b;
    String[] l = a.length <= b.length ? b : a;
    int best = 0;
    for (int mask = 0; mask < (1 << s.length); mask++) {
      int bits = Integer.bitCount(mask);
      if (bits <= best) {
        continue;
      }
      int j = 0;
      boolean ok = true;
      for (int i = 0; i < s.length && ok; i++) {
        if ((mask & (1 << i)) != 0) {
          while (j < l.length && !l[j].equals(s[i])) {
            j++;
          }
          ok = j < l.length;
          j++;
        }
      }
      if (ok) {
        best = bits;
      }
    }
    return best;
  }

  @Test
  void randomPairsAgreeWithBruteForceLcsAndGapsCoverTheRest() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    String[] vocab = {"a", "b", "c", "d"};
    for (int round = 0; round < 2000; round++) {
      String[] s = new String[rnd.nextInt(9)];
      String[] o = new String[rnd.nextInt(9)];
      for (int i = 0; i < s.length; i++) {
        s[i] = vocab[rnd.nextInt(vocab.length)];
      }
      for (int i = 0; i < o.length; i++) {
        o[i] = vocab[rnd.nextInt(vocab.length)];
      }
      String msg = "seed=" + seed + " round=" + round + " spun=" + Arrays.toString(s) + " orig=" + Arrays.toString(o);
      PairAligner.Alignment a = PairAligner.align(s, o);
      assertEquals(slowLcs(s, o), a.anchorCount(), msg);
      for (int k = 0; k < a.anchorCount(); k++) {
        assertEquals(s[a.spunAnchors()[k]], o[a.origAnchors()[k]], msg);
        if (k > 0) {
          assertTrue(a.spunAnchors()[k] > a.spunAnchors()[k - 1] && a.origAnchors()[k] > a.origAnchors()[k - 1], msg);
        }
      }
      // rebuilding the original from the spun text: anchors plus the original side of each gap
      List<String> rebuilt = new ArrayList<>();
      List<String> rebuiltSpun = new ArrayList<>();
      int g = 0;
      int k = 0;
      int si = 0;
      while (si <= s.length) {
        if (g < a.gaps().size() && a.gaps().get(g).spunStart() == si) {
          PairAligner.Gap gap = a.gaps().get(g++);
          rebuilt.addAll(Arrays.asList(o).subList(gap.origStart(), gap.origEnd()));
          rebuiltSpun.addAll(Arrays.asList(s).subList(gap.spunStart(), gap.spunEnd()));
          si = gap.spunEnd();
          continue;
        }
        if (si == s.length) {
          break;
        }
        assertEquals(a.spunAnchors()[k], si, msg);
        rebuilt.add(o[a.origAnchors()[k]]);
        rebuiltSpun.add(s[si]);
        k++;
        si++;
      }
      assertEquals(Arrays.asList(o), rebuilt, msg);
      assertEquals(Arrays.asList(s), rebuiltSpun, msg);
      assertEquals(a.anchorCount(), k, msg);
    }
  }

  @Test
  void longInputsAreCutAtUniqueTokensAndStillAligned() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    int n = 2600; // 2600 x 2600 cells exceed the DP limit
    String[] o = new String[n];
    for (int i = 0; i < n; i++) {
      o[i] = rnd.nextInt(4) == 0 ? "w" + i : "the";
    }
    String[] s = o.clone();
    int changed = 0;
    for (int i = 0; i < n; i += 50) {
      s[i] = "x" + i;
      changed++;
    }
    PairAligner.Alignment a = PairAligner.align(s, o);
    assertTrue(a.anchorCount() >= n - changed - 5, "seed=" + seed + " anchors=" + a.anchorCount());
  }
}
