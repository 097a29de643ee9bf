package org.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.api.InputException;
import org.unspin.text.LmText;

class LmBuilderTest {
  @TempDir
  Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private LmBuildConfig config(int order) {
    return LmBuildConfig.of(order, tmp.resolve("spill"));
  }

  private static Map<String, float[]> byWords(NgramModelData m) {
    Map<String, float[]> out = new HashMap<>();
    String[] words = m.words();
    for (int n = 1; n <= m.order(); n++) {
      int[] g = m.ngrams(n);
      for (int i = 0; i < m.count(n); i++) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < n; j++) {
          sb.append(j == 0 ? "" : " ").append(words[g[i * n + j]]);
        }
        float bo = m.backoff(n) == null ? 0f : m.backoff(n)[i];
        out.put(sb.toString(), new float[] {m.logProb(n)[i], bo});
      }
    }
    return out;
  }

  /** Random text over a small alphabet of words with a skewed distribution; sentences end with "." lines. */
  private static String randomText(Random r, int sentences, int vocab) {
    String[] words = new String[vocab];
    for (int i = 0; i < vocab; i++) {
      words[i] = "" + (char) ('a' + i % 26) + (char) ('a' + i / 26);
    }
    StringBuilder sb = new StringBuilder();
    for (int s = 0; s < sentences; s++) {
      int len = 1 + r.nextInt(8);
      for (int i = 0; i < len; i++) {
        double u = r.nextDouble();
        sb.append(words[(int) (vocab * u * u * u)]).append(' ');
      }
      sb.append(r.nextInt(4) == 0 ? "!\n" : ".\n");
    }
    return sb.toString();
  }

  private static List<List<String>> sentences(String text) {
    List<List<String>> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      LmText.forEachSentence(line, (forms, n) -> out.add(List.of(Arrays.copyOf(forms, n))));
    }
    return out;
  }

  @Test
  void matchesBruteForceOracleOnRandomCorpora() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int round = 0; round < 10; round++) {
      int order = 1 + round % 5;
      String text = randomText(r, 20 + r.nextInt(150), 3 + r.nextInt(30));
      Path f = write("oracle" + round + ".txt", text);
      NgramModelData m = new LmBuilder(config(order).withMemoryBytes(1024 + r.nextInt(4096))).build(List.of(f));
      Map<String, double[]> expected = new KneserNeyOracle(order, sentences(text)).model();
      Map<String, float[]> actual = byWords(m);
      assertEquals(expected.keySet(), actual.keySet(), "n-gram set, seed=" + seed + " round=" + round);
      for (Map.Entry<String, double[]> e : expected.entrySet()) {
        float[] a = actual.get(e.getKey());
        String msg = "'" + e.getKey() + "' order=" + order + " seed=" + seed + " round=" + round;
        assertEquals(e.getValue()[0], a[0], 1e-4, "log10 prob of " + msg);
        assertEquals(e.getValue()[1], a[1], 1e-4, "log10 back-off of " + msg);
      }
    }
  }

  /** Reads an ARPA file into n-gram (space-joined words) -> {log10 prob, log10 back-off}. */
  private static Map<String, float[]> readArpa(java.io.InputStream in) throws IOException {
    Map<String, float[]> out = new HashMap<>();
    try (java.io.BufferedReader r = new java.io.BufferedReader(
        new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      boolean data = false;
      int n = 0;
      while ((line = r.readLine()) != null) {
        if (line.equals("\\data\\")) {
          data = true;
        } else if (data && line.startsWith("\\") && line.endsWith("-grams:")) {
          n = Integer.parseInt(line.substring(1, line.indexOf('-')));
        } else if (n > 0 && !line.isEmpty() && !line.startsWith("\\")) {
          String[] f = line.split("\t");
          out.put(f[1], new float[] {Float.parseFloat(f[0]), f.length > 2 ? Float.parseFloat(f[2]) : 0f});
        }
      }
    }
    return out;
  }

  @Test
  void matchesKenLmOnFixture() throws IOException {
    // kenlm-fixture.o4.arpa.gz is KenLM lmplz -o 4 output for kenlm-fixture.txt (see its header).
    Path text = tmp.resolve("kenlm-fixture.txt");
    try (java.io.InputStream in = getClass().getResourceAsStream("kenlm-fixture.txt")) {
      Files.copy(in, text);
    }
    Map<String, float[]> expected;
    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(
        getClass().getResourceAsStream("kenlm-fixture.o4.arpa.gz"))) {
      expected = readArpa(in);
    }
    Map<String, float[]> actual = byWords(new LmBuilder(config(4)).build(List.of(text)));
    assertEquals(expected.keySet(), actual.keySet());
    for (Map.Entry<String, float[]> e : expected.entrySet()) {
      float[] a = actual.get(e.getKey());
      if (e.getKey().equals("<s>")) {
        // KenLM writes 0 for the never-predicted <s>, we write the ARPA "log zero" -99
        assertEquals(LmBuilder.LOG_ZERO, a[0]);
      } else {
        assertEquals(e.getValue()[0], a[0], 1e-5, "log10 prob of " + e.getKey());
      }
      assertEquals(e.getValue()[1], a[1], 1e-5, "log10 back-off of " + e.getKey());
    }
  }

  @Test
  void handComputedBigramModel() throws IOException {
    // Sentences <s> a b </s> and <s> b </s>; vocabulary <unk> <s> </s> a b, so |V| - 1 = 4.
    // Unigram adjusted (continuation) counts: a 1 {<s>}, b 2 {<s>, a}, </s> 1 {b}, <unk> 0; total 4.
    // Count-of-counts n3 = 0 in both orders, so the discounts fall back to D1 .5, D2 1, D3+ 1.5.
    // gamma() = (.5 * 2 + 1 * 1) / 4 = .5, uniform share .5 / 4 = .125:
    //   p(a) = (1 - .5)/4 + .125 = .25, p(b) = (2 - 1)/4 + .125 = .375, p(</s>) = .25, p(<unk>) = .125.
    // Bigrams (raw counts): <s> a 1, <s> b 1, a b 1, b </s> 2.
    //   context <s>: total 2, N1 2, gamma .5: p(a|<s>) = .5/2 + .5 * .25 = .375, p(b|<s>) = .25 + .5 * .375 = .4375
    //   context a: total 1, gamma .5: p(b|a) = .5 + .5 * .375 = .6875
    //   context b: total 2, N2 1, gamma 1/2: p(</s>|b) = (2 - 1)/2 + .5 * .25 = .625
    // Back-offs: <s>, a, b: log10 .5; </s> and <unk> have no extensions: 0.
    Path f = write("hand.txt", "a b\n\nb\n");
    NgramModelData m = new LmBuilder(config(2)).build(List.of(f));
    Map<String, float[]> e = byWords(m);
    double half = Math.log10(0.5);
    assertEquals(9, e.size());
    assertArrayEquals(new float[] {(float) Math.log10(0.25), (float) half}, e.get("a"), 1e-6f);
    assertArrayEquals(new float[] {(float) Math.log10(0.375), (float) half}, e.get("b"), 1e-6f);
    assertArrayEquals(new float[] {(float) Math.log10(0.25), 0f}, e.get("</s>"), 1e-6f);
    assertArrayEquals(new float[] {(float) Math.log10(0.125), 0f}, e.get("<unk>"), 1e-6f);
    assertArrayEquals(new float[] {-99f, (float) half}, e.get("<s>"), 1e-6f);
    assertEquals(Math.log10(0.375), e.get("<s> a")[0], 1e-6);
    assertEquals(Math.log10(0.4375), e.get("<s> b")[0], 1e-6);
    assertEquals(Math.log10(0.6875), e.get("a b")[0], 1e-6);
    assertEquals(Math.log10(0.625), e.get("b </s>")[0], 1e-6);
    assertEquals("interpolated modified Kneser-Ney", m.metadata().get("smoothing"));
  }

  private static void assertEveryContextSumsToOne(NgramModelData m, String msg) {
    BackoffScorer s = new BackoffScorer(m);
    assertEquals(1.0, s.sum(new int[0]), 1e-4, "empty context " + msg);
    for (int[] h : s.contexts) {
      assertEquals(1.0, s.sum(h), 1e-4, "context " + Arrays.toString(h) + " " + msg);
    }
  }

  @Test
  void everyContextDistributionSumsToOne() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int order = 1; order <= 4; order++) {
      Path f = write("sum" + order + ".txt", randomText(r, 120, 25));
      NgramModelData m = new LmBuilder(config(order)).build(List.of(f));
      assertEveryContextSumsToOne(m, "order=" + order + " seed=" + seed);
    }
  }

  @Test
  void pruningKeepsDistributionsNormalisedAndConsistent() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    for (int order = 2; order <= 4; order++) {
      Path f = write("prune" + order + ".txt", randomText(r, 300, 12));
      int[] cut = new int[order];
      for (int k = 1; k < order; k++) {
        cut[k] = k + 1;
      }
      NgramModelData full = new LmBuilder(config(order)).build(List.of(f));
      NgramModelData m = new LmBuilder(config(order).withMinCount(cut)).build(List.of(f));
      String msg = "order=" + order + " seed=" + seed;
      assertTrue(m.count(order) < full.count(order), "pruning removed top-order n-grams " + msg);
      assertEveryContextSumsToOne(m, msg);
      Map<String, float[]> kept = byWords(m);
      Map<String, float[]> all = byWords(full);
      for (String g : kept.keySet()) {
        int sp = g.indexOf(' ');
        if (sp > 0) {
          assertNotNull(kept.get(g.substring(0, g.lastIndexOf(' '))), "context of " + g + " " + msg);
          assertNotNull(kept.get(g.substring(sp + 1)), "suffix of " + g + " " + msg);
        }
        // kept n-grams keep their interpolated probability
        assertEquals(all.get(g)[0], kept.get(g)[0], 1e-5, g + " " + msg);
      }
    }
  }

  @Test
  void spillingManyRunsGivesTheSameModelAsCountingInMemory() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    Path f = write("spill.txt", randomText(r, 600, 40));
    NgramModelData big = new LmBuilder(config(4)).build(List.of(f));
    NgramModelData tiny = new LmBuilder(config(4).withMemoryBytes(LmBuildConfig.MIN_MEMORY_BYTES)).build(List.of(f));
    // the 1 KiB budget holds 32 table slots and spills at 24 distinct 4-gram events
    assertTrue(big.count(4) > 10 * 24, "corpus large enough to force many runs, seed=" + seed);
    assertArrayEquals(big.words(), tiny.words());
    for (int n = 1; n <= 4; n++) {
      assertEquals(byWordsKeys(big, n), byWordsKeys(tiny, n), "order " + n + " seed=" + seed);
    }
    Map<String, float[]> a = byWords(big);
    Map<String, float[]> b = byWords(tiny);
    for (String g : a.keySet()) {
      assertArrayEquals(a.get(g), b.get(g), 0f, g + " seed=" + seed);
    }
  }

  private static java.util.Set<String> byWordsKeys(NgramModelData m, int n) {
    java.util.Set<String> s = new java.util.HashSet<>();
    for (String k : byWords(m).keySet()) {
      if (k.split(" ").length == n) {
        s.add(k);
      }
    }
    return s;
  }

  @Test
  void counterSpillsAndMergesRunsSummingCounts() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random r = new Random(seed);
    Map<List<Integer>, Long> expected = new HashMap<>();
    try (NgramCounter c = new NgramCounter(LmBuildConfig.MIN_MEMORY_BYTES, tmp.resolve("runs"))) {
      int[] w = new int[5];
      for (int i = 0; i < 5_000; i++) {
        int len = 1 + r.nextInt(5);
        for (int j = 0; j < len; j++) {
          // slot 2 straddles the two longs: use ids up to the 25-bit limit there
          w[j] = j == 2 ? NgramKeys.MAX_ID - r.nextInt(40) * 800_000 : r.nextInt(j == 0 ? 5 : 40);
        }
        c.add(NgramKeys.hi(w, 0, len), NgramKeys.lo(w, 0, len), 1 + (i % 3));
        List<Integer> key = new ArrayList<>();
        for (int j = 0; j < len; j++) {
          key.add(w[j]);
        }
        expected.merge(key, 1L + (i % 3), Long::sum);
      }
      assertTrue(c.runCount() > NgramCounter.FAN_IN, "enough runs for a two-level merge, seed=" + seed);
      Map<List<Integer>, Long> actual = new HashMap<>();
      long[] last = {0, 0};
      int[] out = new int[5];
      c.merge((hi, lo, count) -> {
        assertTrue(NgramKeys.compare(last[0], last[1], hi, lo) < 0, "ascending, seed=" + seed);
        last[0] = hi;
        last[1] = lo;
        int len = NgramKeys.unpack(hi, lo, out);
        List<Integer> key = new ArrayList<>();
        for (int j = 0; j < len; j++) {
          key.add(out[j]);
        }
        actual.put(key, count);
      });
      assertEquals(expected.size(), actual.size(), "distinct keys, seed=" + seed);
      for (Map.Entry<List<Integer>, Long> e : expected.entrySet()) {
        assertEquals(e.getValue(), actual.get(e.getKey()), e.getKey() + " seed=" + seed);
      }
    }
  }

  @Test
  void readsDirectoriesRecursivelyAndGzipLikePlainText() throws IOException {
    String text = "the cat sat on the mat .\nthe dog sat .\n";
    Path plain = write("plain/a.txt", text);
    Path dir = tmp.resolve("tree");
    Files.createDirectories(dir.resolve("sub"));
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve("sub/a.txt.gz")))) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("README.md"), "not corpus text with unique words zebra");
    NgramModelData a = new LmBuilder(config(3)).build(List.of(plain));
    NgramModelData b = new LmBuilder(config(3)).build(List.of(dir));
    assertArrayEquals(a.words(), b.words());
    for (int n = 1; n <= 3; n++) {
      assertArrayEquals(a.logProb(n), b.logProb(n), 0f);
    }
  }

  @Test
  void rejectsInvalidUtf8NamingFileAndLine() throws IOException {
    Path f = tmp.resolve("bad.txt");
    byte[] good = "fine line .\nsecond line .\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(good, good.length + 4);
    bytes[good.length] = 'x';
    bytes[good.length + 1] = (byte) 0xC3;
    bytes[good.length + 2] = (byte) 0x28;
    bytes[good.length + 3] = '\n';
    Files.write(f, bytes);
    InputException e = assertThrows(InputException.class, () -> new LmBuilder(config(2)).build(List.of(f)));
    assertTrue(e.getMessage().contains("bad.txt") && e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void lineBreakEndsASentenceEvenWithoutPunctuation() throws IOException {
    Path f = write("lines.txt", "\uFEFFheadline words\r\nbody text . More text\n");
    Map<String, float[]> m = byWords(new LmBuilder(config(2)).build(List.of(f)));
    assertTrue(m.containsKey("<s> headline"), "BOM dropped: " + m.keySet());
    assertTrue(m.containsKey("words </s>"), m.keySet().toString());
    assertTrue(m.containsKey("<s> body"), m.keySet().toString());
    assertTrue(m.containsKey(". </s>") && m.containsKey("<s> more") && m.containsKey("text </s>"));
    assertTrue(!m.containsKey("words body"), m.keySet().toString());
  }

  @Test
  void veryLongLinesAreReadInPieces() throws IOException {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 3 * LmCorpus.MAX_CHUNK_CHARS) {
      sb.append("alpha beta gamma ");
    }
    Path f = write("long.txt", sb.append(".\n").toString());
    NgramModelData m = new LmBuilder(config(3)).build(List.of(f));
    assertArrayEquals(new String[] {"<unk>", "<s>", "</s>", "alpha", "beta", "gamma", "."}, m.words());
    assertEveryContextSumsToOne(m, "long line");
  }

  @Test
  void rejectsMissingInputAndEmptyCorpus() throws IOException {
    assertThrows(InputException.class, () -> new LmBuilder(config(2)).build(List.of(tmp.resolve("nope.txt"))));
    Path empty = write("empty.txt", "\n\n");
    assertThrows(InputException.class, () -> new LmBuilder(config(2)).build(List.of(empty)));
  }

  @Test
  void limitedVocabularyMapsRareWordsToUnk() throws IOException {
    Path f = write("v.txt", "a a a b b c .\na b d .\n");
    NgramModelData m = new LmBuilder(config(2).withMaxVocab(3)).build(List.of(f));
    // a 4, b 3, . 2, then c and d once each: both become <unk>
    assertArrayEquals(new String[] {"<unk>", "<s>", "</s>", "a", "b", "."}, m.words());
    assertTrue(byWords(m).containsKey("b <unk>"));
    assertEveryContextSumsToOne(m, "maxVocab");
    NgramModelData m2 = new LmBuilder(config(2).withMinWordCount(2)).build(List.of(f));
    assertArrayEquals(m.words(), m2.words());
  }

  @Test
  void configRejectsBadValuesNamingThem() {
    Path t = tmp;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LmBuildConfig.of(6, t));
    assertTrue(e.getMessage().contains("order") && e.getMessage().contains("6"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LmBuildConfig.of(3, t).withMinCount(0, 3, 2));
    assertThrows(IllegalArgumentException.class, () -> LmBuildConfig.of(3, t).withMinCount(2, 2, 2));
    assertThrows(IllegalArgumentException.class, () -> LmBuildConfig.of(3, t).withMinCount(0, 2));
    assertThrows(IllegalArgumentException.class, () -> LmBuildConfig.of(3, t).withMemoryBytes(10));
    assertThrows(IllegalArgumentException.class, () -> LmBuildConfig.of(3, t).withMinWordCount(0));
  }
}
