package org.unspin.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.lm.BinaryLmWriter;
import org.unspin.lm.InterpolatedLm;
import org.unspin.lm.NgramModelData;

/**
 * A model that carries the interpolation weight fitted for it against the default model (an
 * index's domain model does) gets that weight when no weights are given; the other models share
 * the rest, and weights given explicitly still win.
 */
class UnspinInterpolationTest {
  private static Path model(Path dir, String name, Map<String, String> meta) throws Exception {
    String[] words = {"<unk>", "<s>", "</s>", "tram", "line"};
    int[] ids = {0, 1, 2, 3, 4};
    float[] p = {-2, -99, -1, (float) Math.log10(0.5), (float) Math.log10(0.39)};
    Path out = dir.resolve(name);
    NgramModelData data = new NgramModelData(words, new int[][] {ids}, new float[][] {p}, new float[][] {null},
        Map.of());
    BinaryLmWriter.write(data, out, new BinaryLmWriter.Options(8, meta));
    return out;
  }

  @Test
  void aModelsFittedWeightIsUsedWhenNoneAreGiven(@TempDir Path dir) throws Exception {
    Path domain = model(dir, "domain.ulm", Map.of(Unspin.INTERPOLATION_WEIGHT_KEY, "0.7"));
    Path plain = model(dir, "plain.ulm", Map.of());
    try (Unspin u = Unspin.builder().languageModel(domain).build()) {
      assertArrayEquals(new double[] {0.3, 0.7}, ((InterpolatedLm) u.languageModel()).weights(), 1e-9);
    }
    try (Unspin u = Unspin.builder().languageModel(plain).languageModel(domain).build()) {
      assertArrayEquals(new double[] {0.15, 0.15, 0.7}, ((InterpolatedLm) u.languageModel()).weights(), 1e-9);
    }
    try (Unspin u = Unspin.builder().languageModel(domain).interpolationWeights(0.5, 0.5).build()) {
      assertArrayEquals(new double[] {0.5, 0.5}, ((InterpolatedLm) u.languageModel()).weights(), 1e-9);
    }
    try (Unspin u = Unspin.builder().languageModel(plain).build()) {
      assertArrayEquals(new double[] {0.5, 0.5}, ((InterpolatedLm) u.languageModel()).weights(), 1e-9);
    }
  }

  @Test
  void aBadFittedWeightFailsWithTheModelsName(@TempDir Path dir) throws Exception {
    Path bad = model(dir, "bad.ulm", Map.of(Unspin.INTERPOLATION_WEIGHT_KEY, "1.5"));
    ModelException e = assertThrows(ModelException.class, () -> Unspin.builder().languageModel(bad).build());
    assertTrue(e.getMessage().contains("bad.ulm"), e.getMessage());
    assertEquals(true, e.getMessage().contains(Unspin.INTERPOLATION_WEIGHT_KEY), e.getMessage());
  }
}
