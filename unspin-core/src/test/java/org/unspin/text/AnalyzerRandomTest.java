package org.unspin.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random input of all kinds: the analyzer never throws and keeps its offset contract. */
class AnalyzerRandomTest {

  @Test
  void randomUnicodeKeepsOffsetContract() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int iter = 0; iter < 2000 * AnalysisAssertions.MULTIPLIER; iter++) {
      String text = AnalysisAssertions.randomText(r, 80);
      String context = "seed=" + seed + " iter=" + iter + " input=" + AnalysisAssertions.escape(text);
      AnalyzedText a;
      try {
        a = Analyzer.english().analyze(text);
      } catch (RuntimeException e) {
        throw new AssertionError("analyze threw; " + context, e);
      }
      AnalysisAssertions.checkInvariants(a, context);
    }
  }

  @Test
  void analysisIsIndependentOfPrefixAfterLineBreak() {
    // A line break always ends a sentence and tokens never span one, so the tokens after it do not
    // depend on what came before.
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int iter = 0; iter < 500 * AnalysisAssertions.MULTIPLIER; iter++) {
      String a = AnalysisAssertions.randomText(r, 30);
      String b = AnalysisAssertions.randomText(r, 30);
      String context = "seed=" + seed + " iter=" + iter + " a=" + AnalysisAssertions.escape(a) + " b="
          + AnalysisAssertions.escape(b);
      AnalyzedText alone = Analyzer.english().analyze(b);
      AnalyzedText joined = Analyzer.english().analyze(a + "\n" + b);
      int offset = a.length() + 1;
      int first = joined.tokenAt(offset);
      first = first < 0 ? -first - 1 : first;
      if (first < joined.tokenCount() && joined.start(first) < offset) {
        continue; // a URL may run across a lone surrogate boundary; not comparable
      }
      assertEquals(alone.tokenCount(), joined.tokenCount() - first, context);
      for (int i = 0; i < alone.tokenCount(); i++) {
        assertEquals(alone.start(i) + offset, joined.start(first + i), context);
        assertEquals(alone.end(i) + offset, joined.end(first + i), context);
        assertEquals(alone.norm(i), joined.norm(first + i), context);
      }
    }
  }

  @Test
  void concurrentAnalysisGivesTheSameResults() throws Exception {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    String[] texts = new String[200];
    java.util.List<java.util.List<Token>> expected = new java.util.ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      texts[i] = AnalysisAssertions.randomText(r, 200);
      expected.add(java.util.List.copyOf(Analyzer.english().analyze(texts[i]).tokens()));
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 2; t++) {
        results.add(pool.submit(() -> {
          for (int rep = 0; rep < 3; rep++) {
            for (int i = 0; i < texts.length; i++) {
              java.util.List<Token> got = java.util.List.copyOf(Analyzer.english().analyze(texts[i]).tokens());
              if (!got.equals(expected.get(i))) {
                return i;
              }
            }
          }
          return -1;
        }));
      }
      for (var f : results) {
        assertEquals(-1, f.get(), "seed=" + seed);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void longRandomDocumentsKeepContract() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int iter = 0; iter < 5; iter++) {
      String text = AnalysisAssertions.randomText(r, 20_000);
      AnalysisAssertions.checkInvariants(Analyzer.english().analyze(text), "seed=" + seed + " iter=" + iter);
    }
  }
}
