package org.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownWordsTest {
  @TempDir
  Path dir;

  /** The gap is the unknown word's unigram less the rarest known word's (sentence markers aside), never below 0. */
  @Test
  void gapIsTheUnknownWordsLeadOverTheRarestKnownWord() {
    NgramModelData data = LmTestSupport.random(new Random(9), 50, 3, 300);
    try (BinaryLm lm = LmTestSupport.write(data, dir, "g.ulm", 32)) {
      int[] none = {};
      double unk = lm.logProb(none, 0, 0, Vocabulary.UNK);
      double rarest = 0;
      for (int id = 0; id < lm.vocabulary().size(); id++) {
        double p = lm.logProb(none, 0, 0, id);
        if (id != Vocabulary.UNK && p > -50) {
          rarest = Math.min(rarest, p);
        }
      }
      assertEquals(Math.max(0, unk - rarest), UnknownWords.gap(lm), 1e-9);
    }
    double shipped = UnknownWords.gap(DefaultModels.languageModel());
    assertTrue(shipped > 4.2 && shipped < 4.3, "the default model's: " + shipped);
  }
}
