package org.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.api.InputException;

class PerplexityTest {
  @TempDir
  Path dir;

  @Test
  void scoresSentenceEndAndExcludesOovs() {
    try (BinaryLm lm = LmTestSupport.write(LmTestSupport.tinyArpa(), dir, "t.ulm", 32)) {
      // "A b c." -> <s> a b c . </s>: "." is OOV (not in the tiny vocabulary).
      Perplexity.Result r = Perplexity.compute(lm, "A b c.");
      // p(a|<s>) = -0.3, p(b|<s> a) = -0.1, p(c|a b) = -0.05, "." OOV,
      // p(</s>|c <unk>) = p(</s>) + bo(<unk>) [+ bo(c <unk>) absent] = -0.7 + 0.
      double sum = -0.3 - 0.1 - 0.05 - 0.7;
      assertEquals(sum, r.log10Sum(), 1e-5);
      assertEquals(1, r.oov());
      assertEquals(4, r.tokens());
      assertEquals(1, r.sentences());
      assertEquals(4, r.scored());
      assertEquals(Math.pow(10, -sum / 4), r.perplexity(), 1e-4);
    }
  }

  @Test
  void countsEverySentence() {
    try (BinaryLm lm = LmTestSupport.write(LmTestSupport.tinyArpa(), dir, "t.ulm", 32)) {
      Perplexity.Result r = Perplexity.compute(lm, "a b. A b");
      assertEquals(2, r.sentences());
      assertEquals(5, r.tokens(), "a b . a b");
      assertEquals(1, r.oov());
    }
  }

  @Test
  void rejectsTextWithoutWords() {
    try (BinaryLm lm = LmTestSupport.write(LmTestSupport.tinyArpa(), dir, "t.ulm", 8)) {
      assertThrows(InputException.class, () -> Perplexity.compute(lm, "  \n "));
    }
  }
}
