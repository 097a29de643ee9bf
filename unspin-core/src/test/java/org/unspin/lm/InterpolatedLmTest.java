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
      // y is <unk> for b: b contributes its <unk> probability.
      assertEquals(Math.log10(0.3 * 0.25 + 0.7 * 0.01), lm.logProb(none, 0, 0, v.id("y")), 1e-6);
      long r = lm.query(none, 0, 0, v.id("z"));
      assertEquals(Math.log10(0.3 * 0.001 + 0.7 * 0.4), LanguageModel.score(r), 1e-6);
      assertEquals(1, LanguageModel.matchedOrder(r));
      assertEquals(0, LanguageModel.matchedOrder(lm.query(none, 0, 0, v.id("nowhere"))));
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
    long seed = System.nanoTime();
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
