package org.unspin.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.api.ModelException;

class ArpaTest {
  @TempDir
  Path dir;

  private static final String HEAD = "\\data\\\nngram 1=4\nngram 2=1\n\n\\1-grams:\n-1\t<unk>\n-99\t<s>\t-0.5\n"
      + "-0.5\t</s>\n-0.6\tx\t-0.1\n\n\\2-grams:\n";

  private static ModelException fails(String arpa) {
    return assertThrows(ModelException.class, () -> ArpaReader.read(new StringReader(arpa), "t.arpa"));
  }

  @Test
  void readsTinyModelWithReservedIdsFirst() {
    NgramModelData d = LmTestSupport.tinyArpa();
    assertEquals(3, d.order());
    assertArrayEquals(new String[] {"<unk>", "<s>", "</s>", "a", "b", "c"}, d.words());
    assertEquals(6, d.count(1));
    assertEquals(3, d.count(3));
    assertEquals(-0.25f, d.backoff(2)[0]);
    assertEquals("tiny.arpa", d.metadata().get("arpa.source"));
  }

  @Test
  void addsUnkWhenMissing() {
    NgramModelData d = ArpaReader.read(new StringReader("\\data\\\nngram 1=2\n\n\\1-grams:\n-1\t</s>\n-0.5\tx\n\n\\end\\\n"),
        "nounk");
    assertEquals(3, d.count(1));
    assertEquals(Vocabulary.UNK, d.ngrams(1)[2]);
    assertEquals(LmFormat.UNK_FLOOR, d.logProb(1)[2]);
    assertEquals("true", d.metadata().get("arpa.unk-added"));
  }

  @Test
  void rejectsCountThatDisagreesWithDataSection() {
    ModelException e = fails(HEAD + "-0.2\t<s> x\n-0.3\tx </s>\n\n\\end\\\n");
    assertEquals("ARPA file t.arpa, line 13: more 2-grams than the 1 announced in \\data\\", e.getMessage());
    e = fails(HEAD.replace("ngram 2=1", "ngram 2=2") + "-0.2\t<s> x\n\n\\end\\\n");
    assertEquals("ARPA file t.arpa, line 14: \\2-grams: has 1 entries, \\data\\ announced 2", e.getMessage());
  }

  @Test
  void rejectsMalformedLinesWithLineNumbers() {
    assertEquals("ARPA file t.arpa, line 12: expected 3 fields for a 2-gram, found 2",
        fails(HEAD + "-0.2\t<s>\n\n\\end\\\n").getMessage());
    assertEquals("ARPA file t.arpa, line 12: bad log10 probability 'abc'",
        fails(HEAD + "abc\t<s> x\n\n\\end\\\n").getMessage());
    assertEquals("ARPA file t.arpa, line 12: bad log10 probability 'NaN'",
        fails(HEAD + "NaN\t<s> x\n\n\\end\\\n").getMessage());
    assertEquals("ARPA file t.arpa, line 12: word 'y' of this 2-gram has no unigram",
        fails(HEAD + "-0.2\t<s> y\n\n\\end\\\n").getMessage());
    assertEquals("ARPA file t.arpa, line 14: expected \\end\\, found '\\3-grams:'",
        fails(HEAD + "-0.2\t<s> x\n\n\\3-grams:\n").getMessage());
    assertEquals("ARPA file t.arpa, line 12: unexpected end of file, expected \\end\\",
        fails(HEAD + "-0.2\t<s> x\n").getMessage());
    assertEquals("ARPA file t.arpa, line 0: no \\data\\ section", fails("").getMessage());
    assertTrue(fails(HEAD.replace("-0.6\tx", "-0.6\t</s>")).getMessage().contains("duplicate unigram '</s>'"));
  }

  @Test
  void rejectsInvalidUtf8WithLineNumber() throws IOException {
    Path f = dir.resolve("bad.arpa");
    byte[] head = (HEAD + "-0.2\t<s> ").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + 2];
    System.arraycopy(head, 0, all, 0, head.length);
    all[head.length] = (byte) 0xC3;
    all[head.length + 1] = '\n';
    Files.write(f, all);
    ModelException e = assertThrows(ModelException.class, () -> ArpaReader.read(f));
    assertTrue(e.getMessage().startsWith("ARPA file " + f + ", line 12: not valid UTF-8"), e.getMessage());
  }

  @Test
  void readsGzipAndPlainAlike() throws IOException {
    NgramModelData data = LmTestSupport.tinyArpa();
    StringWriter sw = new StringWriter();
    ArpaWriter.write(data, sw);
    Path gz = dir.resolve("m.arpa.gz");
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(gz))) {
      os.write(sw.toString().getBytes(StandardCharsets.UTF_8));
    }
    Path plain = Files.writeString(dir.resolve("m.arpa"), sw.toString());
    assertArpaEquals(ArpaReader.read(plain), ArpaReader.read(gz));
    assertThrows(ModelException.class, () -> ArpaReader.read(dir.resolve("missing.arpa")));
  }

  @Test
  void textRoundTripIsExact() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    NgramModelData data = LmTestSupport.random(new Random(seed), 80, 4, 300);
    // Reserved words without unigram cannot appear in an ARPA file's longer n-grams; the random
    // model may use them, so compare through the binary model instead where needed.
    StringWriter sw = new StringWriter();
    ArpaWriter.write(LmTestSupport.tinyArpa(), sw);
    NgramModelData back = ArpaReader.read(new StringReader(sw.toString()), "rt");
    assertArpaEquals(LmTestSupport.tinyArpa(), back);
    assertTrue(data.count(1) > 0, "seed=" + seed);
  }

  @Test
  void importExportImportKeepsScoresWithinQuantization() throws IOException {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    NgramModelData data = withAllUnigrams(LmTestSupport.random(rnd, 200, 3, 800));
    for (int bits : new int[] {8, 32}) {
      try (BinaryLm first = LmTestSupport.write(data, dir, "a" + bits + ".ulm", bits)) {
        StringWriter sw = new StringWriter();
        ArpaWriter.write(first.toModelData(), sw);
        NgramModelData reread = ArpaReader.read(new StringReader(sw.toString()), "export");
        try (BinaryLm second = LmTestSupport.write(reread, dir, "b" + bits + ".ulm", bits)) {
          BackoffOracle original = new BackoffOracle(data);
          for (int q = 0; q < 2000; q++) {
            int[] ctx = new int[rnd.nextInt(3)];
            for (int k = 0; k < ctx.length; k++) {
              ctx[k] = rnd.nextInt(60);
            }
            int w = rnd.nextInt(60);
            long a = first.query(ctx, 0, ctx.length, w);
            long b = second.query(ctx, 0, ctx.length, w);
            // Requantizing dequantized values may move a value to a neighbouring centre.
            double tol = bits == 32 ? 1e-6 : 0.15;
            String m = "seed=" + seed + " bits=" + bits + " q=" + q;
            assertEquals(LanguageModel.score(a), LanguageModel.score(b), tol, m);
            assertEquals(LanguageModel.matchedOrder(a), LanguageModel.matchedOrder(b), m);
            assertEquals(original.query(ctx, w)[0], LanguageModel.score(b), bits == 32 ? 1e-5 : 0.2, m);
          }
        }
      }
    }
  }

  /** The random model with a unigram for every word, as ARPA requires. */
  private static NgramModelData withAllUnigrams(NgramModelData d) {
    int v = d.words().length;
    int[] g = new int[v];
    float[] p = new float[v];
    float[] b = new float[v];
    boolean[] has = new boolean[v];
    for (int i = 0; i < d.count(1); i++) {
      int w = d.ngrams(1)[i];
      has[w] = true;
      p[w] = d.logProb(1)[i];
      b[w] = d.backoff(1) == null ? 0 : d.backoff(1)[i];
    }
    for (int w = 0; w < v; w++) {
      g[w] = w;
      if (!has[w]) {
        p[w] = -3f;
      }
    }
    int order = d.order();
    int[][] grams = new int[order][];
    float[][] probs = new float[order][];
    float[][] bos = new float[order][];
    grams[0] = g;
    probs[0] = p;
    bos[0] = order == 1 ? null : b;
    for (int n = 2; n <= order; n++) {
      grams[n - 1] = d.ngrams(n);
      probs[n - 1] = d.logProb(n);
      bos[n - 1] = d.backoff(n);
    }
    return new NgramModelData(d.words(), grams, probs, bos, d.metadata());
  }

  static void assertArpaEquals(NgramModelData a, NgramModelData b) {
    assertArrayEquals(a.words(), b.words());
    assertEquals(a.order(), b.order());
    for (int n = 1; n <= a.order(); n++) {
      assertArrayEquals(a.ngrams(n), b.ngrams(n), "order " + n);
      assertArrayEquals(a.logProb(n), b.logProb(n), "order " + n);
      if (n < a.order()) {
        assertArrayEquals(a.backoff(n), b.backoff(n), "order " + n);
      }
    }
  }
}
