package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.unspin.lm.LanguageModel;
import org.unspin.lm.Vocabulary;

/** Compares the decoder with a brute-force enumeration of every path on small random lattices. */
class DecoderOracleTest {

  /** All complete paths of the lattice, each as its arc list. */
  private static void enumerate(Lattice lat, int pos, List<Integer> prefix, List<int[]> out) {
    if (pos == lat.tokens()) {
      out.add(prefix.stream().mapToInt(Integer::intValue).toArray());
      return;
    }
    for (int a = lat.firstArc(pos); a >= 0; a = lat.nextArc(a)) {
      prefix.add(a);
      enumerate(lat, lat.to(a), prefix, out);
      prefix.remove(prefix.size() - 1);
    }
  }

  /** The score the decoder should give a path, computed the slow, obvious way. */
  private static double slowScore(Lattice lat, LanguageModel lm, int[] path) {
    List<Integer> words = new ArrayList<>();
    words.add(Vocabulary.BOS);
    double score = 0;
    for (int a : path) {
      score += lat.channel(a);
      for (int k = 0; k < lat.wordCount(a); k++) {
        words.add(lat.word(a, k));
      }
    }
    words.add(Vocabulary.EOS);
    int[] seq = words.stream().mapToInt(Integer::intValue).toArray();
    for (int i = 1; i < seq.length; i++) {
      int h = Math.min(i, lm.order() - 1);
      score += LanguageModel.score(lm.query(seq, i - h, h, seq[i]));
    }
    return score;
  }

  private static Lattice randomLattice(Random rnd, int vocab) {
    Lattice lat = new Lattice();
    int n = 1 + rnd.nextInt(6);
    lat.reset(n);
    int[] buf = new int[3];
    for (int i = 0; i < n; i++) {
      buf[0] = 3 + rnd.nextInt(vocab - 3);
      lat.addArc(i, 1, buf, 1, -rnd.nextFloat() * 0.5f, -1);
      int extra = rnd.nextInt(4);
      for (int e = 0; e < extra; e++) {
        int len = 1 + rnd.nextInt(Math.min(3, n - i));
        int wc = 1 + rnd.nextInt(3);
        for (int k = 0; k < wc; k++) {
          // a small vocabulary makes equal LM states on different paths, so recombination is exercised
          buf[k] = 3 + rnd.nextInt(vocab - 3);
        }
        lat.addArc(i, len, buf, wc, -rnd.nextFloat() * 2, e);
      }
    }
    return lat;
  }

  @Test
  void exactSearchFindsTheBestPathAndExactPosteriors() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    for (int iter = 0; iter < 300; iter++) {
      int order = 1 + rnd.nextInt(4);
      int vocab = 5 + rnd.nextInt(4);
      LanguageModel lm = new RandomLm(order, rnd.nextLong(), vocab);
      Lattice lat = randomLattice(rnd, vocab);
      List<int[]> paths = new ArrayList<>();
      enumerate(lat, 0, new ArrayList<>(), paths);
      double best = Double.NEGATIVE_INFINITY;
      double second = Double.NEGATIVE_INFINITY;
      int[] bestPath = null;
      double[] scores = new double[paths.size()];
      for (int p = 0; p < paths.size(); p++) {
        scores[p] = slowScore(lat, lm, paths.get(p));
        if (scores[p] > best) {
          second = best;
          best = scores[p];
          bestPath = paths.get(p);
        } else if (scores[p] > second) {
          second = scores[p];
        }
      }
      double scale = 0.5 + rnd.nextDouble();
      Decoder dec = new Decoder(lm);
      dec.decode(lat, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, true, scale);
      String msg = "seed=" + seed + " iter=" + iter + " order=" + order + " paths=" + paths.size();
      assertEquals(best, dec.bestScore(), 1e-4, msg);
      int[] got = new int[dec.pathLength()];
      for (int k = 0; k < got.length; k++) {
        got[k] = dec.pathArc(k);
      }
      assertEquals(best, slowScore(lat, lm, got), 1e-4, msg);
      if (best - second > 1e-3) {
        assertArrayEquals(bestPath, got, msg);
      }
      // posteriors: sum over the paths through each arc of exp(scale * ln10 * score) / Z
      double max = best * scale * Math.log(10);
      double z = 0;
      double[] arcMass = new double[lat.arcs()];
      for (int p = 0; p < paths.size(); p++) {
        double w = Math.exp(scores[p] * scale * Math.log(10) - max);
        z += w;
        for (int a : paths.get(p)) {
          arcMass[a] += w;
        }
      }
      for (int a = 0; a < lat.arcs(); a++) {
        assertEquals(arcMass[a] / z, dec.posterior(a), 1e-6, msg + " arc=" + a);
      }
    }
  }

  @Test
  void beamSearchReturnsAConsistentPathNoBetterThanExact() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    Decoder reused = null;
    for (int iter = 0; iter < 200; iter++) {
      int order = 2 + rnd.nextInt(3);
      LanguageModel lm = new RandomLm(order, rnd.nextLong(), 12);
      Lattice lat = randomLattice(rnd, 12);
      Decoder exact = new Decoder(lm);
      exact.decode(lat, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, false, 1);
      Decoder beam = new Decoder(lm);
      double threshold = rnd.nextBoolean() ? 1 + 3 * rnd.nextDouble() : Double.POSITIVE_INFINITY;
      beam.decode(lat, 1 + rnd.nextInt(3), threshold, true, 1);
      int[] got = new int[beam.pathLength()];
      for (int k = 0; k < got.length; k++) {
        got[k] = beam.pathArc(k);
      }
      String msg = "seed=" + seed + " iter=" + iter;
      assertEquals(slowScore(lat, lm, got), beam.bestScore(), 1e-4, msg);
      assertTrue(beam.bestScore() <= exact.bestScore() + 1e-6, msg);
      double sum = 0;
      for (int a = lat.firstArc(0); a >= 0; a = lat.nextArc(a)) {
        sum += beam.posterior(a);
      }
      assertEquals(1.0, sum, 1e-6, "posteriors of the arcs leaving position 0 sum to 1; " + msg);
      // a reused decoder gives the same answer as a fresh one
      if (reused == null || reused.languageModel() != lm) {
        reused = new Decoder(lm);
        reused.decode(randomLattice(rnd, 12), 4, 2.0, true, 1);
      }
      reused.decode(lat, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, false, 1);
      assertEquals(exact.bestScore(), reused.bestScore(), 1e-9, msg);
    }
  }

  @Test
  void emptySentenceScoresSentenceEndAfterStart() {
    LanguageModel lm = new RandomLm(3, 7, 10);
    Lattice lat = new Lattice();
    lat.reset(0);
    Decoder dec = new Decoder(lm);
    dec.decode(lat, 4, 5.0, true, 1);
    assertEquals(0, dec.pathLength());
    assertEquals(LanguageModel.score(lm.query(new int[] {Vocabulary.BOS}, 0, 1, Vocabulary.EOS)), dec.bestScore(),
        1e-6);
  }

  @Test
  void latticeRejectsArcsOutsideTheSentenceAndChannelScoresThatAreNotFinite() {
    Lattice lat = new Lattice();
    lat.reset(2);
    int[] w = {5};
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> lat.addArc(1, 2, w, 1, -1f, 0));
    assertTrue(e.getMessage().contains("[1, 3)"), e.getMessage());
    e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> lat.addArc(0, 1, w, 1, Float.NaN, 0));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> lat.addArc(0, 1, w, 1, Float.NEGATIVE_INFINITY, 0));
    assertEquals(0, lat.arcs(), Arrays.toString(w));
  }
}
