package org.unspin.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unspin.testing.CountingLm;
import org.unspin.testing.ToyThesaurus;

/**
 * The restorer's speed paths (span cache, per-thread LM query cache, primitive sorts) against the
 * plain paths as oracle: every result must be exactly the same.
 */
class RestorerFastPathsTest {
  static String corpus;
  static CountingLm lm;
  static ToyThesaurus thesaurus;
  static String[] vocabulary;

  @BeforeAll
  static void setUp() {
    corpus = RestorerTest.resource("toy-corpus.txt");
    lm = CountingLm.fromText(3, corpus);
    thesaurus = ToyThesaurus.load("/org/unspin/restore/toy-thesaurus.tsv");
    vocabulary = corpus.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z ]", " ").trim().split(" +");
  }

  /** The toy thesaurus answered span by span (its candidates depend only on the span's forms). */
  static final class SpanThesaurus implements SpanCandidateGenerator {
    @Override
    public void spanCandidates(List<InputToken> sentence, int from, int length, List<Candidate> out) {
      for (Candidate c : thesaurus.candidates(sentence.subList(from, from + length))) {
        if (c.from() == 0 && c.length() == length) {
          out.add(new Candidate(from, length, c.words(), c.display(), c.source(), c.features()));
        }
      }
    }
  }

  /**
   * A second source that repeats some thesaurus candidates as profile entries (duplicates the
   * restorer must merge, keeping the profile's evidence) and proposes corpus words and phrases
   * drawn from a hash of the span's forms.
   */
  static final class HashedProfile implements SpanCandidateGenerator {
    @Override
    public void spanCandidates(List<InputToken> sentence, int from, int length, List<Candidate> out) {
      StringBuilder sb = new StringBuilder();
      for (int i = from; i < from + length; i++) {
        if (sentence.get(i).kind() == TokenKind.PUNCT) {
          return;
        }
        sb.append(sentence.get(i).lmForm()).append(' ');
      }
      int h = sb.toString().hashCode();
      if (length == 1 && (h & 1) == 0) {
        for (Candidate c : thesaurus.candidates(sentence.subList(from, from + 1))) {
          out.add(new Candidate(from, 1, c.words(), c.display(), CandidateSource.PROFILE,
              CandidateFeatures.profile(0.25f)));
        }
      }
      if ((h & 6) == 0) {
        int words = 1 + Math.floorMod(h >> 3, Candidate.MAX_SPAN);
        StringBuilder phrase = new StringBuilder();
        for (int k = 0; k < words; k++) {
          phrase.append(k > 0 ? " " : "").append(vocabulary[Math.floorMod(h * 31 + k * 17, vocabulary.length)]);
        }
        out.add(Candidate.of(from, length, phrase.toString(), CandidateSource.PROFILE,
            CandidateFeatures.profile(0.5f)));
      }
    }
  }

  static void assertSameRestoration(RestoredText want, RestoredText got, String msg) {
    assertEquals(want.text(), got.text(), msg);
    assertEquals(want.edits(), got.edits(), msg);
    assertArrayEquals(want.tokenGain(), got.tokenGain(), msg);
    assertEquals(want.inputLogProb(), got.inputLogProb(), msg);
    assertEquals(want.restoredLogProb(), got.restoredLogProb(), msg);
  }

  /** Corpus sentences with some words replaced by thesaurus synonyms, so spans repeat across texts. */
  static String randomText(Random rnd) {
    String[] lines = corpus.split("\n");
    StringBuilder sb = new StringBuilder();
    int sentences = 1 + rnd.nextInt(6);
    for (int s = 0; s < sentences; s++) {
      String line = lines[rnd.nextInt(lines.length)];
      for (String w : line.split(" ")) {
        List<String> syns = thesaurus.synonyms(w.toLowerCase(java.util.Locale.ROOT));
        sb.append(!syns.isEmpty() && rnd.nextInt(3) == 0 ? syns.get(rnd.nextInt(syns.size())) : w);
        sb.append(rnd.nextInt(20) == 0 ? "\n" : " ");
      }
    }
    return sb.toString();
  }

  @Test
  void spanCacheAndQueryCacheGiveExactlyThePlainResult() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    CandidateGenerator union = CandidateGenerator.union(List.of(new SpanThesaurus(), new HashedProfile()));
    CandidateGenerator opaque = union::candidates; // not a span generator: the plain path
    Restorer cached = Restorer.builder(lm).candidates(union).build();
    Restorer tiny = Restorer.builder(lm).candidates(union).spanCacheSize(40).build();
    Restorer uncached = Restorer.builder(lm).candidates(union).spanCacheSize(0).build();
    Restorer plain = Restorer.builder(lm).candidates(opaque).build();
    for (int iter = 0; iter < 150; iter++) {
      String text = randomText(rnd);
      String msg = "seed=" + seed + " iter=" + iter + " text='" + text + "'";
      RestoredText want = plain.restore(text);
      assertSameRestoration(want, cached.restore(text), msg + " (cache)");
      assertSameRestoration(want, tiny.restore(text), msg + " (small cache)");
      assertSameRestoration(want, uncached.restore(text), msg + " (no cache)");
    }
  }

  @Test
  void learningFromABatchIsTheSameWithTheSpanCache() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    List<String> batch = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      batch.add(randomText(rnd));
    }
    CandidateGenerator union = CandidateGenerator.union(List.of(new SpanThesaurus(), new HashedProfile()));
    SubstitutionCounts want = Restorer.builder(lm).candidates(union::candidates).build().learnFromBatch(batch);
    SubstitutionCounts got = Restorer.builder(lm).candidates(union).build().learnFromBatch(batch);
    assertEquals(want.toTsv(), got.toTsv(), "seed=" + seed);
  }

  @Test
  void aSpanGeneratorAnsweringForAnotherSpanIsRejected() {
    SpanCandidateGenerator wrong = (sentence, from, length, out) -> out.add(Candidate.of(0, 1, "stock",
        CandidateSource.THESAURUS, CandidateFeatures.thesaurus(0, 1)));
    Restorer r = Restorer.builder(lm).candidates(wrong).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.restore("The inventory market."));
    assertTrue(e.getMessage().contains("when asked for [0, 2)"), e.getMessage());
  }

  @Test
  void spanCacheSizeMustNotBeNegative() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Restorer.builder(lm).spanCacheSize(-1));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
  }

  @Test
  void primitiveSortOrdersLikeAStableSortByDescendingKey() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    float[] pool = {0f, -0f, 1.5f, -1.5f, -2f, 3f, Float.MIN_VALUE, -Float.MAX_VALUE};
    for (int iter = 0; iter < 300; iter++) {
      int m = 33 + rnd.nextInt(200);
      float[] key = new float[m + 5];
      for (int i = 0; i < key.length; i++) {
        key[i] = rnd.nextBoolean() ? pool[rnd.nextInt(pool.length)] : (float) rnd.nextGaussian();
      }
      int[] order = new int[m];
      for (int i = 0; i < m; i++) {
        order[i] = i;
      }
      // shuffle so that ties must keep the given (not the index) order
      for (int i = m - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
      Arrays.sort(boxed, (x, y) -> Float.compare(key[y], key[x]));
      int[] again = order.clone();
      Restorer.sortByLocalDescending(order, m, key);
      assertArrayEquals(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), order, "seed=" + seed);
      // with reused scratch arrays longer than needed and holding an earlier sort's values
      long[] packed = new long[m + rnd.nextInt(40)];
      Arrays.fill(packed, Long.MIN_VALUE);
      Restorer.sortByLocalDescending(again, m, key, packed, new int[m + rnd.nextInt(40)]);
      assertArrayEquals(order, again, "seed=" + seed + " (scratch)");
    }
  }

  /**
   * {@link PerStartTop} against the plain way as oracle: sort all candidates by key (ties by their
   * order) and keep the first {@code cap} of each start. Keys repeat often and include NaN and
   * signed zeros; one instance serves every round, so its scratch holds earlier rounds' values.
   */
  @Test
  void perStartTopKeepsWhatTheGlobalSortKeeps() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    float[] pool = {0f, -0f, 1.5f, -2f, Float.NaN, Float.NEGATIVE_INFINITY, 3f};
    PerStartTop top = new PerStartTop();
    for (int iter = 0; iter < 500; iter++) {
      int n = 1 + rnd.nextInt(40);
      int m = rnd.nextInt(300);
      int cap = rnd.nextInt(6);
      float[] key = new float[m];
      int[] from = new int[m];
      for (int i = 0; i < m; i++) {
        key[i] = rnd.nextBoolean() ? pool[rnd.nextInt(pool.length)] : (float) rnd.nextGaussian();
        // crowded starts as well as empty ones
        from[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(Math.min(n, 3)) : rnd.nextInt(n);
      }
      // a subset of the candidates, ascending, as the restorer passes them
      int[] idx = java.util.stream.IntStream.range(0, m).filter(i -> rnd.nextInt(5) > 0).toArray();
      boolean[] keep = new boolean[m];
      for (int i = 0; i < m; i++) {
        keep[i] = rnd.nextInt(7) > 0;
      }
      boolean[] expected = keep.clone();
      int[] order = idx.clone();
      Restorer.sortByLocalDescending(order, order.length, key);
      int[] perStart = new int[n];
      for (int x : order) {
        if (perStart[from[x]]++ >= cap) {
          expected[x] = false;
        }
      }
      top.keep(idx.clone(), idx.length, from, n, key, cap, keep);
      assertArrayEquals(expected, keep, "seed=" + seed + " iter=" + iter);
    }
  }
}
