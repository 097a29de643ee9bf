package org.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpolatedLmTest {
  @TempDir
  Path dir;

  /** A unigram model over the given words with the given log10 probabilities. */
  private static NgramModelData unigrams(String[] words, float[] logProb) {
    int[] g = new int[words.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = i;
    }
    return new NgramModelData(words, new int[][] {g}, new float[][] {logProb}, new float[][] {null}, Map.of());
  }

  @Test
  void mixesInProbabilitySpaceOverTheUnionVocabulary() {
    NgramModelData a = unigrams(new String[] {"<unk>", "<s>", "</s>", "x", "y"},
        new float[] {-3, -99, -1, (float) Math.log10(0.5), (float) Math.log10(0.25)});
    NgramModelData b = unigrams(new String[] {"<unk>", "<s>", "</s>", "z", "x"},
        new float[] {-2, -99, -1, (float) Math.log10(0.4), (float) Math.log10(0.1)});
    try (BinaryLm la = LmTestSupport.write(a, dir, "a.ulm", 32); BinaryLm lb = LmTestSupport.write(b, dir, "b.ulm", 32)) {
      InterpolatedLm lm = new InterpolatedLm(List.of(la, lb), new double[] {0.3, 0.7});
      Vocabulary v = lm.vocabulary();
      assertEquals(6, v.size());
      assertEquals(3, v.id("x"));
      assertEquals(4, v.id("y"));
      assertEquals(5, v.id("z"));
      int[] none = {};
      assertEquals(Math.log10(0.3 * 0.5 + 0.7 * 0.1), lm.logProb(none, 0, 0, v.id("x")), 1e-6);
      // y is the only word b lacks: b gives it all of its <unk> probability.
      assertEquals(Math.log10(0.3 * 0.25 + 0.7 * 0.01), lm.logProb(none, 0, 0, v.id("y")), 1e-6);
      long r = lm.query(none, 0, 0, v.id("z"));
      assertEquals(Math.log10(0.3 * 0.001 + 0.7 * 0.4), LanguageModel.score(r), 1e-6);
      assertEquals(1, LanguageModel.matchedOrder(r));
      assertEquals(0, LanguageModel.matchedOrder(lm.query(none, 0, 0, v.id("nowhere"))));
    }
  }

  /**
   * A small domain model's {@code <unk>} stands for every word it lacks at once. Given whole to each
   * such word it would make any word rare in the domain (a spinner's odd synonym above all) as
   * likely as the domain's unknown-word class; it is shared out instead, in proportion to the
   * other components' unigram probabilities, so the mixture stays a distribution.
   */
  @Test
  void sharesAComponentsUnknownWordMassAmongTheWordsItLacks() {
    NgramModelData general = unigrams(new String[] {"<unk>", "<s>", "</s>", "x", "y", "w"},
        new float[] {(float) Math.log10(0.025), -99, -1, (float) Math.log10(0.5), (float) Math.log10(0.25),
            (float) Math.log10(0.125)});
    NgramModelData domain = unigrams(new String[] {"<unk>", "<s>", "</s>", "z", "x"},
        new float[] {(float) Math.log10(0.4), -99, -1, (float) Math.log10(0.4), (float) Math.log10(0.1)});
    try (BinaryLm lg = LmTestSupport.write(general, dir, "g.ulm", 32);
        BinaryLm ld = LmTestSupport.write(domain, dir, "d.ulm", 32)) {
      InterpolatedLm lm = new InterpolatedLm(List.of(lg, ld), new double[] {0.3, 0.7});
      Vocabulary v = lm.vocabulary();
      int[] none = {};
      // the domain lacks y and w (general unigrams 0.25 and 0.125): its 0.4 of <unk> goes 2:1
      assertEquals(Math.log10(0.3 * 0.25 + 0.7 * 0.4 * (0.25 / 0.375)), lm.logProb(none, 0, 0, v.id("y")), 1e-6);
      assertEquals(Math.log10(0.3 * 0.125 + 0.7 * 0.4 * (0.125 / 0.375)), lm.logProb(none, 0, 0, v.id("w")), 1e-6);
      // the general model lacks only z: all of its <unk>
      assertEquals(Math.log10(0.3 * 0.025 + 0.7 * 0.4), lm.logProb(none, 0, 0, v.id("z")), 1e-6);
      double sum = 0;
      for (String word : new String[] {"x", "y", "w", "z", "</s>"}) {
        sum += Math.pow(10, lm.logProb(none, 0, 0, v.id(word)));
      }
      assertEquals(1.0, sum, 1e-5, "the mixture over the union vocabulary sums to 1");
    }
  }

  /**
   * Through a query cache, a sentence's queries are answered in one batch per component (a hashed
   * model overlaps their cache misses); the answers must be exactly those of {@link
   * InterpolatedLm#query} one by one, for components of other orders and vocabularies.
   */
  @Test
  void batchAnswersAreExactlyTheQueriesOneByOne() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    for (int round = 0; round < 6; round++) {
      String msg = "seed=" + seed + " round=" + round;
      NgramModelData big = LmTestSupport.random(rnd, 20 + rnd.nextInt(40), 4, 300 + rnd.nextInt(1200));
      NgramModelData small = LmTestSupport.random(rnd, 10 + rnd.nextInt(40), 2 + rnd.nextInt(2),
          200 + rnd.nextInt(600));
      try (BinaryLm a = LmTestSupport.write(big, dir, "ia" + round + ".ulm", 8, false);
          BinaryLm b = LmTestSupport.write(small, dir, "ib" + round + ".ulm", 8, false)) {
        if (round % 2 == 0) {
          assertTrue(a.buildHashIndexNow(), msg);
        }
        double w = 0.1 + 0.8 * rnd.nextDouble();
        InterpolatedLm lm = new InterpolatedLm(round % 3 == 2 ? List.of(b, a) : List.of(a, b), new double[] {w, 1 - w});
        LmQueryCache cache = new LmQueryCache(lm, 6);
        int vocab = lm.vocabulary().size();
        for (int q = 0; q < 100; q++) {
          int count = 1 + rnd.nextInt(30);
          int[] quads = LmTestSupport.randomQuads(rnd, count, () -> rnd.nextInt(vocab));
          long[] batch = new long[count];
          cache.answerQuads(quads, count, batch);
          for (int i = 0; i < count; i++) {
            int hist = BinaryLm.historyLength(quads, i);
            long want = lm.query(quads, 4 * i + 3 - hist, hist, quads[4 * i + 3]);
            assertEquals(want, batch[i], msg + " query " + java.util.Arrays.toString(
                java.util.Arrays.copyOfRange(quads, 4 * i, 4 * i + 4)));
          }
        }
      }
    }
  }

  @Test
  void rejectsBadWeights() {
    try (BinaryLm la = LmTestSupport.write(LmTestSupport.tinyArpa(), dir, "a.ulm", 8)) {
      assertThrows(IllegalArgumentException.class, () -> new InterpolatedLm(List.of(la, la), new double[] {0.5}));
      assertThrows(IllegalArgumentException.class, () -> new InterpolatedLm(List.of(la, la), new double[] {0.5, 0.6}));
      assertThrows(IllegalArgumentException.class, () -> new InterpolatedLm(List.of(la, la), new double[] {-0.5, 1.5}));
      assertThrows(IllegalArgumentException.class, () -> new InterpolatedLm(List.of(), new double[] {}));
    }
  }

  @Test
  void fittedWeightsRaiseDevLikelihoodAndFavourTheMatchingModel() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    String[] words = {"<unk>", "<s>", "</s>", "alpha", "beta", "gamma", "delta"};
    // Model a prefers alpha/beta, model b gamma/delta; the dev text is mostly alpha/beta.
    NgramModelData a = unigrams(words, new float[] {-3, -99, -0.8f, -0.5f, -0.6f, -2, -2});
    NgramModelData b = unigrams(words, new float[] {-3, -99, -0.8f, -2, -2, -0.5f, -0.6f});
    StringBuilder dev = new StringBuilder();
    for (int s = 0; s < 50; s++) {
      for (int t = 0; t < 8; t++) {
        int r = rnd.nextInt(10);
        dev.append(r < 8 ? (r % 2 == 0 ? "alpha " : "beta ") : (r % 2 == 0 ? "gamma " : "delta "));
      }
      dev.append(". ");
    }
    try (BinaryLm la = LmTestSupport.write(a, dir, "a.ulm", 32); BinaryLm lb = LmTestSupport.write(b, dir, "b.ulm", 32)) {
      List<BinaryLm> models = List.of(la, lb);
      double[] w = InterpolatedLm.fitWeights(models, dev);
      assertEquals(1.0, w[0] + w[1], 1e-9, "seed=" + seed);
      assertTrue(w[0] > 0.6, "seed=" + seed + " weights " + w[0] + "," + w[1]);
      double fitted = Perplexity.compute(new InterpolatedLm(models, w), dev).log10Sum();
      for (double other : new double[] {0.5, w[0] - 0.05, Math.min(1, w[0] + 0.05)}) {
        double ll = Perplexity.compute(new InterpolatedLm(models, new double[] {other, 1 - other}), dev).log10Sum();
        assertTrue(fitted >= ll - 1e-6, "seed=" + seed + " fitted " + fitted + " vs " + ll + " at " + other);
      }
    }
  }
}
