package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unspin.testing.CountingLm;

/**
 * {@link ChannelWeights#windowSlack()}: a window is scored word by word and given up as soon as the
 * candidate can no longer come within the prune margin (plus the slack) of keeping the input.
 */
class WindowSlackTest {
  static CountingLm lm;

  @BeforeAll
  static void setUp() {
    RestorerFastPathsTest.setUp();
    lm = RestorerFastPathsTest.lm;
  }

  /** Counts the model's queries. */
  static final class Counting extends ForwardingLm {
    long queries;

    Counting() {
      super(WindowSlackTest.lm);
    }

    @Override
    public long query(int[] context, int from, int length, int word) {
      queries++;
      return super.query(context, from, length, word);
    }
  }

  @Test
  void aWindowWithAFloorIsTheWholeWindowOrAPartialSumBelowTheFloor() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    WindowScorer scorer = new WindowScorer(lm);
    int size = lm.vocabulary().size();
    for (int iter = 0; iter < 2000; iter++) {
      int n = 1 + rnd.nextInt(8);
      int[] ids = new int[n];
      for (int i = 0; i < n; i++) {
        ids[i] = rnd.nextInt(size);
      }
      int from = rnd.nextInt(n);
      int length = 1 + rnd.nextInt(Math.min(Candidate.MAX_SPAN, n - from));
      int[] words = new int[1 + rnd.nextInt(Candidate.MAX_SPAN)];
      for (int k = 0; k < words.length; k++) {
        words[k] = rnd.nextInt(size);
      }
      double whole = scorer.score(ids, n, from, length, words, words.length);
      double floor = whole + rnd.nextGaussian() * 4;
      double got = scorer.score(ids, n, from, length, words, words.length, floor);
      String msg = "seed=" + seed + " iter=" + iter;
      if (whole >= floor) {
        assertEquals(whole, got, 0.0, msg);
      } else {
        assertTrue(got < floor && got >= whole, msg + ": " + got + " for the whole " + whole + ", floor " + floor);
      }
      assertEquals(whole, scorer.score(ids, n, from, length, words, words.length, Double.NEGATIVE_INFINITY), 0.0,
          msg);
    }
  }

  /**
   * Without self-training, the first decoding round is the only one, and it prunes every candidate
   * the early stop gives up (a slack of 0.01 only absorbs float rounding at the margin): results
   * are exactly those of scoring every window to its end, with fewer queries of the model.
   */
  @Test
  void stoppingEarlyChangesNothingInTheFirstRoundAndAsksLess() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    CandidateGenerator union = CandidateGenerator.union(List.of(new RestorerFastPathsTest.SpanThesaurus(),
        new RestorerFastPathsTest.HashedProfile()));
    ChannelWeights oneRound = ChannelWeights.DEFAULTS.with("selfTrainingRounds", 0);
    Counting fullCount = new Counting();
    Counting earlyCount = new Counting();
    Restorer full = Restorer.builder(fullCount).candidates(union)
        .weights(oneRound.with("windowSlack", Double.POSITIVE_INFINITY)).build();
    Restorer early = Restorer.builder(earlyCount).candidates(union).weights(oneRound.with("windowSlack", 0.01))
        .build();
    for (int iter = 0; iter < 150; iter++) {
      String text = RestorerFastPathsTest.randomText(rnd);
      RestorerFastPathsTest.assertSameRestoration(full.restore(text), early.restore(text),
          "seed=" + seed + " iter=" + iter + " text='" + text + "'");
    }
    assertTrue(earlyCount.queries < fullCount.queries, earlyCount.queries + " vs " + fullCount.queries);
  }

  @Test
  void theSlackIsNotNegative() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChannelWeights.DEFAULTS.with("windowSlack", -0.5));
    assertTrue(e.getMessage().contains("windowSlack"), e.getMessage());
    assertEquals(Double.POSITIVE_INFINITY, ChannelWeights.DEFAULTS.with("windowSlack", Double.POSITIVE_INFINITY)
        .windowSlack());
  }
}
