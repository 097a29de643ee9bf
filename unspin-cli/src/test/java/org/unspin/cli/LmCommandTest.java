package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmCommandTest {
  static final String TINY = String.join("\n", "\\data\\", "ngram 1=6", "ngram 2=4", "ngram 3=2", "",
      "\\1-grams:", "-1.0\t<unk>", "-99\t<s>\t-0.5", "-0.7\t</s>", "-0.6\ta\t-0.3", "-0.8\tb\t-0.2", "-1.2\tc\t-0.4", "",
      "\\2-grams:", "-0.3\t<s> a\t-0.25", "-0.4\ta b\t-0.15", "-0.5\tb c\t-0.1", "-0.2\tc </s>", "",
      "\\3-grams:", "-0.1\t<s> a b", "-0.05\ta b c", "", "\\end\\", "");

  @TempDir
  Path dir;

  Path arpa;
  Path model;

  @BeforeEach
  void importTiny() throws IOException {
    arpa = Files.writeString(dir.resolve("tiny.arpa"), TINY);
    model = dir.resolve("tiny.ulm");
    MainTest.Result r = MainTest.run("lm", "import", "--out", model.toString(), "--quant-bits", "16", "--bigram-index",
        arpa.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("wrote " + model + ": order 3, 12 n-grams, "), r.out());
  }

  @Test
  void infoShowsCountsSizeQuantizationAndProvenance() {
    MainTest.Result r = MainTest.run("lm", "info", model.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("order: 3\n"), r.out());
    assertTrue(r.out().contains("vocabulary: 6 words\n"), r.out());
    assertTrue(r.out().contains("ngram 1: 6\nngram 2: 4\nngram 3: 2\n"), r.out());
    assertTrue(r.out().contains("quantization: 16-bit codebooks\n"), r.out());
    assertTrue(r.out().contains("bigram index: yes\n"), r.out());
    assertTrue(r.out().contains("bytes per n-gram: "), r.out());
    assertTrue(r.out().contains("meta sources: tiny.arpa\n"), r.out());
    assertTrue(r.out().contains("meta build-command: unspin lm import --quant-bits 16 --bigram-index tiny.arpa\n"), r.out());
  }

  @Test
  void exportWritesArpaThatImportsToTheSameScores() throws IOException {
    MainTest.Result r = MainTest.run("lm", "export", model.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\\data\\\nngram 1=6\nngram 2=4\nngram 3=2\n"), r.out());
    assertTrue(r.out().contains("-0.05\ta b c\n"), r.out());
    Path gz = dir.resolve("back.arpa.gz");
    assertEquals(0, MainTest.run("lm", "export", model.toString(), "--out", gz.toString()).code());
    Path again = dir.resolve("again.ulm");
    assertEquals(0, MainTest.run("lm", "import", "--out", again.toString(), "--quant-bits", "32", gz.toString()).code());
    Path text = Files.writeString(dir.resolve("t.txt"), "A b c. B c a.\n");
    MainTest.Result p1 = MainTest.run("lm", "perplexity", "--lm", model.toString(), text.toString());
    MainTest.Result p2 = MainTest.run("lm", "perplexity", "--lm", again.toString(), text.toString());
    assertEquals(p1.out(), p2.out());
  }

  @Test
  void perplexityPrintsFiguresForOneModel() throws IOException {
    Path text = Files.writeString(dir.resolve("t.txt"), "A b c\n");
    MainTest.Result r = MainTest.run("lm", "perplexity", "--lm", model.toString(), text.toString());
    assertEquals(0, r.code(), r.err());
    // -0.3 -0.1 -0.05 + p(</s> | b c) = -0.2 - 0.1 -> sum -0.75 over 4 tokens.
    assertEquals(String.format(java.util.Locale.ROOT,
        "perplexity=%.4f oov=0 tokens=3 sentences=1 log10=-0.7500%n", Math.pow(10, 0.75 / 4)), r.out());
  }

  @Test
  void perplexityInterpolatesWithGivenOrFittedWeights() throws IOException {
    Path text = Files.writeString(dir.resolve("t.txt"), "A b c. C b a.\n");
    MainTest.Result r = MainTest.run("lm", "perplexity", "--lm", model.toString(), "--lm", model.toString(),
        "--weights", "0.25,0.75", text.toString());
    assertEquals(0, r.code(), r.err());
    MainTest.Result single = MainTest.run("lm", "perplexity", "--lm", model.toString(), text.toString());
    assertEquals(single.out().strip() + " weights=0.250000,0.750000", r.out().strip());
    r = MainTest.run("lm", "perplexity", "--lm", model.toString(), "--lm", model.toString(),
        "--fit-weights", text.toString(), text.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains(" weights=0.500000,0.500000"), r.out());
  }

  @Test
  void badUsageAndBadInputExitWithTwo() throws IOException {
    Path text = Files.writeString(dir.resolve("t.txt"), "a b\n");
    MainTest.Result r = MainTest.run("lm", "perplexity", "--lm", model.toString(), "--weights", "1,0", text.toString());
    assertEquals(Main.EXIT_USAGE, r.code());
    assertEquals("unspin: --weights has 2 values for 1 models\n", r.err());
    r = MainTest.run("lm", "perplexity", "--lm", model.toString(), "--lm", model.toString(), "--weights", "0.2,0.2",
        text.toString());
    assertEquals(Main.EXIT_USAGE, r.code());
    assertEquals("unspin: --weights must sum to 1 (got 0.4)\n", r.err());
    Path bad = dir.resolve("bad.txt");
    Files.write(bad, new byte[] {'a', ' ', 'b', ' ', (byte) 0xFF, 'c'});
    r = MainTest.run("lm", "perplexity", "--lm", model.toString(), bad.toString());
    assertEquals(Main.EXIT_USAGE, r.code());
    assertEquals("unspin: " + bad + ": invalid UTF-8 at byte offset 4\n", r.err());
    r = MainTest.run("lm", "perplexity", "--lm", model.toString(), dir.resolve("none.txt").toString());
    assertEquals(Main.EXIT_USAGE, r.code());
    assertEquals("unspin: " + dir.resolve("none.txt") + ": no such file\n", r.err());
    r = MainTest.run("lm", "import", "--out", model.toString(), "--quant-bits", "7", arpa.toString());
    assertEquals(Main.EXIT_USAGE, r.code());
  }

  @Test
  void brokenModelsFailWithOneLineAndExitOne() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.ulm"), "not a model at all, just some text here....");
    MainTest.Result r = MainTest.run("lm", "info", broken.toString());
    assertEquals(Main.EXIT_FAILURE, r.code());
    assertEquals("unspin: language model " + broken + ": not an Unspin language model (wrong magic number)\n", r.err());
    Path badArpa = Files.writeString(dir.resolve("bad.arpa"), TINY.replace("ngram 2=4", "ngram 2=5"));
    r = MainTest.run("lm", "import", "--out", dir.resolve("x.ulm").toString(), badArpa.toString());
    assertEquals(Main.EXIT_FAILURE, r.code());
    assertEquals("unspin: ARPA file " + badArpa + ", line 20: \\2-grams: has 4 entries, \\data\\ announced 5\n", r.err());
  }
}
