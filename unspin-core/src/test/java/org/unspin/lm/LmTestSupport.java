package org.unspin.lm;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Fixtures shared by the LM tests. */
final class LmTestSupport {
  private LmTestSupport() {}

  static NgramModelData tinyArpa() {
    try (Reader r = new InputStreamReader(LmTestSupport.class.getResourceAsStream("tiny.arpa"),
        StandardCharsets.UTF_8)) {
      return ArpaReader.read(r, "tiny.arpa");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BinaryLm write(NgramModelData data, Path dir, String name, int quantBits) {
    return write(data, dir, name, quantBits, true);
  }

  static BinaryLm write(NgramModelData data, Path dir, String name, int quantBits, boolean bigramIndex) {
    Path file = dir.resolve(name);
    try {
      BinaryLmWriter.write(data, file, BinaryLmWriter.Options.defaults().withQuantBits(quantBits)
          .withBigramIndex(bigramIndex));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return BinaryLm.open(file);
  }

  static int[] ids(Vocabulary v, String... words) {
    int[] r = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      r[i] = v.id(words[i]);
    }
    return r;
  }

  /**
   * A random model: {@code vocab} words, orders up to {@code order}, random n-grams (so prefixes
   * and suffixes are often missing and the writer must add blanks), random scores and back-offs.
   * Unigrams cover most but not all words.
   */
  static NgramModelData random(Random rnd, int vocab, int order, int perOrder) {
    String[] words = new String[vocab];
    words[0] = Vocabulary.UNK_WORD;
    words[1] = Vocabulary.BOS_WORD;
    words[2] = Vocabulary.EOS_WORD;
    for (int i = 3; i < vocab; i++) {
      words[i] = "w" + i + (i % 7 == 0 ? "é" : "") + (i % 11 == 0 ? "\uD83D\uDE00" : "");
    }
    int[][] g = new int[order][];
    float[][] p = new float[order][];
    float[][] b = new float[order][];
    for (int n = 1; n <= order; n++) {
      List<int[]> list = new ArrayList<>();
      if (n == 1) {
        for (int w = 0; w < vocab; w++) {
          if (w < 3 ? rnd.nextBoolean() : rnd.nextInt(10) != 0) {
            list.add(new int[] {w});
          }
        }
      } else {
        Set<String> seen = new HashSet<>();
        int target = rnd.nextInt(perOrder + 1);
        for (int t = 0; t < target * 3 && list.size() < target; t++) {
          int[] ng = new int[n];
          for (int k = 0; k < n; k++) {
            // Skewed choice so that n-grams share words and long matches happen.
            ng[k] = Math.min(vocab - 1, (int) (Math.abs(rnd.nextGaussian()) * vocab / 4));
          }
          if (seen.add(Arrays.toString(ng))) {
            list.add(ng);
          }
        }
      }
      g[n - 1] = new int[list.size() * n];
      p[n - 1] = new float[list.size()];
      b[n - 1] = n == order ? null : new float[list.size()];
      for (int i = 0; i < list.size(); i++) {
        System.arraycopy(list.get(i), 0, g[n - 1], i * n, n);
        p[n - 1][i] = -rnd.nextFloat() * 5;
        if (n < order) {
          b[n - 1][i] = rnd.nextInt(4) == 0 ? 0f : -rnd.nextFloat() * 2 + 0.3f;
        }
      }
    }
    return new NgramModelData(words, g, p, b, Map.of("test.seed", "random"));
  }

  /**
   * {@code count} random queries laid out as {@link BinaryLm#answerQuads} reads them: a history
   * shorter than three words starts with -1s, and runs of queries share a history (the first looks
   * of one position, the case whose look-ups are shared); words from {@code word}.
   */
  static int[] randomQuads(Random rnd, int count, java.util.function.IntSupplier word) {
    int[] quads = new int[4 * count];
    for (int i = 0; i < count; i++) {
      if (i > 0 && rnd.nextInt(3) > 0) {
        System.arraycopy(quads, 4 * (i - 1), quads, 4 * i, 3);
      } else {
        int hist = rnd.nextInt(4);
        for (int k = 0; k < 3; k++) {
          quads[4 * i + k] = k < 3 - hist ? -1 : word.getAsInt();
        }
      }
      quads[4 * i + 3] = word.getAsInt();
    }
    return quads;
  }
}
