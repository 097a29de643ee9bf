package org.unspin.bench.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unspin.api.Edit;

class EvalMetricsTest {
  private static String[] w(String s) {
    return s.isEmpty() ? new String[0] : s.split(" ");
  }

  @Test
  void wordsAreLmFormsWithoutPunctuation() {
    assertArrayEquals(new String[] {"do", "n't", "stop", "0", "cats", "at", "0.0", "am"},
        EvalMetrics.words("Don't stop, 2 cats! At 9.3 am..."));
    assertArrayEquals(new String[0], EvalMetrics.words(" -- !? "));
  }

  @Test
  void editDistanceCountsWordSubstitutionsInsertionsAndDeletions() {
    assertEquals(0, EvalMetrics.editDistance(w("a b c"), w("a b c")));
    assertEquals(2, EvalMetrics.editDistance(w("a b c d"), w("a x c d e"))); // b->x, +e
    assertEquals(1, EvalMetrics.editDistance(w("central bank"), w("central financial bank"))); // one insertion
    assertEquals(2, EvalMetrics.editDistance(w("the central bank"), w("the financial institution"))); // two subs
    assertEquals(3, EvalMetrics.editDistance(w("a b c"), w("")));
    assertEquals(2, EvalMetrics.editDistance(w(""), w("a b")));
    assertEquals(2, EvalMetrics.editDistance(w("a b"), w("b a")));
  }

  /** Full-matrix recursion as the oracle of the two-row version. */
  private static int slowDistance(String[] a, String[] b, int i, int j, Integer[][] memo) {
    if (i == a.length) {
      return b.length - j;
    }
    if (j == b.length) {
      return a.length - i;
    }
    if (memo[i][j] == null) {
      int sub = slowDistance(a, b, i + 1, j + 1, memo) + (a[i].equals(b[j]) ? 0 : 1);
      int del = slowDistance(a, b, i + 1, j, memo) + 1;
      int ins = slowDistance(a, b, i, j + 1, memo) + 1;
      memo[i][j] = Math.min(sub, Math.min(del, ins));
    }
    return memo[i][j];
  }

  @Test
  void editDistanceAgreesWithTheRecursiveDefinitionOnRandomWordLists() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 300; round++) {
      String[] a = new String[rnd.nextInt(9)];
      String[] b = new String[rnd.nextInt(9)];
      for (int i = 0; i < a.length; i++) {
        a[i] = "w" + rnd.nextInt(4);
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = "w" + rnd.nextInt(4);
      }
      assertEquals(slowDistance(a, b, 0, 0, new Integer[a.length + 1][b.length + 1]), EvalMetrics.editDistance(a, b),
          "seed=" + seed + " a=" + String.join(" ", a) + " b=" + String.join(" ", b));
    }
  }

  @Test
  void wordErrorRateIgnoresPunctuationAndCase() {
    // reference: the cat sat on the mat (6 words); "dog" for "cat" and "the" missing: 2 errors
    assertEquals(2 / 6.0, EvalMetrics.wordErrorRate("The cat sat on the mat.", "the dog sat, on mat"), 1e-12);
    assertEquals(0.0, EvalMetrics.wordErrorRate("Hello, world!", "hello world"), 0.0);
    assertEquals(0.0, EvalMetrics.wordErrorRate("", ""), 0.0);
  }

  @Test
  void overlapMatchesScoreFindingsAndSubstitutionsByAnySharedCharacter() {
    List<int[]> predicted = List.of(new int[] {0, 5}, new int[] {10, 12}, new int[] {20, 30});
    List<int[]> truth = List.of(new int[] {3, 4}, new int[] {12, 15}, new int[] {25, 26}, new int[] {28, 40});
    // [0,5) hits [3,4); [10,12) only touches [12,15) (half-open: no shared character); [20,30) hits two
    assertArrayEquals(new int[] {2, 3}, EvalMetrics.overlapMatches(predicted, truth));
    assertArrayEquals(new int[] {0, 0}, EvalMetrics.overlapMatches(List.of(), truth));
    assertArrayEquals(new int[] {0, 0}, EvalMetrics.overlapMatches(predicted, List.of()));
  }

  @Test
  void revertsNeedsAnEditCoveringTheSubstitutionThatPutsTheOriginalBack() {
    String spun = "The central financial institution raised rates.";
    int start = spun.indexOf("financial institution");
    int end = start + "financial institution".length();
    // exact span, case ignored
    assertTrue(EvalMetrics.reverts(List.of(new Edit(start, end, "financial institution", "Bank", 0.9)), spun, start,
        end, "bank"));
    // a wider edit that keeps the neighbour
    assertTrue(EvalMetrics.reverts(List.of(new Edit(4, end, "central financial institution", "central bank", 0.9)),
        spun, start, end, "bank"));
    // the wrong suggestion, a partial edit, no edit
    assertFalse(EvalMetrics.reverts(List.of(new Edit(start, end, "financial institution", "lender", 0.9)), spun,
        start, end, "bank"));
    assertFalse(EvalMetrics.reverts(List.of(new Edit(start, start + 9, "financial", "bank", 0.9)), spun, start, end,
        "bank"));
    assertFalse(EvalMetrics.reverts(List.of(), spun, start, end, "bank"));
  }

  @Test
  void aucCountsTiesHalf() {
    // pairs (pos, neg): (0.4, 0.1) 1, (0.4, 0.4) 0.5, (0.8, 0.1) 1, (0.8, 0.4) 1 -> 3.5 / 4
    assertEquals(0.875, EvalMetrics.auc(new double[] {0.1, 0.4, 0.4, 0.8}, new int[] {0, 0, 1, 1}), 1e-12);
    assertEquals(0.5, EvalMetrics.auc(new double[] {0.3, 0.3, 0.3}, new int[] {1, 0, 1}), 1e-12);
    assertEquals(0.0, EvalMetrics.auc(new double[] {0.9, 0.2}, new int[] {0, 1}), 1e-12);
    assertTrue(Double.isNaN(EvalMetrics.auc(new double[] {0.9, 0.2}, new int[] {1, 1})));
    assertThrows(IllegalArgumentException.class, () -> EvalMetrics.auc(new double[] {0.1}, new int[] {0, 1}));
  }

  @Test
  void ratioAndF1AreUndefinedWithoutEvidence() {
    assertTrue(Double.isNaN(EvalMetrics.ratio(0, 0)));
    assertEquals(0.25, EvalMetrics.ratio(1, 4), 0.0);
    assertEquals(0.0, EvalMetrics.f1(0, 0), 0.0);
    assertEquals(2 * 0.5 * 0.25 / 0.75, EvalMetrics.f1(0.5, 0.25), 1e-12);
    assertTrue(Double.isNaN(EvalMetrics.f1(Double.NaN, 1)));
  }
}
