package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.bench.corpus.Split;

class EvalRunCommandTest {
  /** Test-split documents written to the fixture corpora. */
  private static final int TEST_DOCS = 5;

  @TempDir
  static Path dir;
  static Path corpora;
  static Path lm;
  static Path detector;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  static String resource(String name) throws IOException {
    try (InputStream in = EvalRunCommandTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * A toy LM and detector (from the toy corpus and thesaurus) and a corpora directory of BBC-style
   * articles made of toy-corpus sentences, with exactly {@link #TEST_DOCS} in the test split.
   */
  @BeforeAll
  static void fixtures() throws IOException {
    String corpus = resource("toy-corpus.txt");
    Path corpusFile = dir.resolve("corpus.txt");
    Files.writeString(corpusFile, corpus, StandardCharsets.UTF_8);
    lm = dir.resolve("toy.ulm");
    Result b = run("lm", "build", "--order", "3", "--out", lm.toString(), corpusFile.toString());
    assertEquals(0, b.code(), b.err());
    String[] lines = corpus.strip().split("\n");
    SplittableRandom rnd = new SplittableRandom(7);
    StringBuilder train = new StringBuilder();
    corpora = dir.resolve("corpora");
    Path bbc = Files.createDirectories(corpora.resolve("bbc/business"));
    int test = 0;
    for (int i = 1; test < TEST_DOCS; i++) {
      StringBuilder doc = new StringBuilder();
      for (int s = 0; s < 5; s++) {
        doc.append(s == 0 ? "" : " ").append(lines[rnd.nextInt(lines.length)].strip());
      }
      String name = String.format(Locale.ROOT, "%03d", i);
      if (Split.of("bbc/business/" + name) == Split.TEST) {
        test++;
        Files.writeString(bbc.resolve(name + ".txt"), "Markets report " + i + "\n\n" + doc + "\n",
            StandardCharsets.UTF_8);
      } else {
        train.append(doc).append('\n');
      }
    }
    Path trainFile = dir.resolve("train/docs.txt");
    Files.createDirectories(trainFile.getParent());
    Files.writeString(trainFile, train, StandardCharsets.UTF_8);
    Path dict = dir.resolve("dict.tsv");
    Files.writeString(dict, resource("toy-thesaurus.tsv"), StandardCharsets.UTF_8);
    detector = dir.resolve("detector.tsv");
    Result t = run("detect", "train", "--clean", trainFile.getParent().toString(), "--dictionary", dict.toString(),
        "--lm", lm.toString(), "--out", detector.toString(), "--min-words", "10", "--source-note", "toy, test only");
    assertEquals(0, t.code(), t.err());
  }

  private static List<String> args(String... extra) {
    List<String> a = new ArrayList<>(List.of("eval", "run", "--corpora", corpora.toString(), "--source", "bbc",
        "--lm", lm.toString(), "--no-default-lm", "--no-default-profile", "--detector", detector.toString()));
    a.addAll(List.of(extra));
    return a;
  }

  /** Data lines of the TSV on stdout, split into fields. */
  private static List<String[]> rows(String out) {
    List<String[]> rows = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.startsWith("#") && !line.startsWith("setting\t") && !line.isBlank()) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  @Test
  void runWritesOneRowPerSettingAndRateWithFiguresInRange() throws IOException {
    Path tsv = dir.resolve("results.tsv");
    Path md = dir.resolve("results.md");
    Path kinds = dir.resolve("kinds.tsv");
    List<String> a = args("--docs", "50", "--rates", "0.4,0.8", "--threads", "2", "--out", tsv.toString(),
        "--markdown", md.toString(), "--kinds", kinds.toString());
    Result r = run(a.toArray(new String[0]));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("sampled " + TEST_DOCS + " documents"), r.err());
    assertTrue(r.err().contains("unknown spinner: " + TEST_DOCS + "/" + TEST_DOCS + " documents"), r.err());
    assertTrue(r.out().contains("setting\trate\tspun_docs\tclean_docs\tdoc_precision"), r.out());
    List<String[]> rows = rows(r.out());
    assertEquals(4, rows.size(), r.out());
    String[] expect = {"known\t0.40", "known\t0.80", "unknown\t0.40", "unknown\t0.80"};
    for (int i = 0; i < 4; i++) {
      String[] f = rows.get(i);
      assertEquals(26, f.length, String.join("|", f));
      assertEquals(expect[i], f[0] + "\t" + f[1]);
      int spun = Integer.parseInt(f[2]);
      assertTrue(spun >= 1 && spun <= TEST_DOCS, "spun docs " + spun);
      assertEquals(TEST_DOCS, Integer.parseInt(f[3]));
      for (int c = 4; c < f.length; c++) {
        double v = Double.parseDouble(f[c]);
        assertTrue(Double.isNaN(v) || v >= 0, "column " + c + " = " + v);
        boolean unbounded = c >= 16 && c <= 19; // speeds
        if (!unbounded && c != 12 && c != 13) { // WER may exceed 1
          assertTrue(Double.isNaN(v) || v <= 1, "column " + c + " = " + v);
        }
      }
      assertTrue(Double.parseDouble(f[12]) > 0, "spun text differs from the original: " + f[12]);
      assertTrue(Double.parseDouble(f[16]) > 0, "check speed measured: " + f[16]);
    }
    // the spinner replaces more at 0.8 than at 0.4
    assertTrue(Double.parseDouble(rows.get(1)[12]) > Double.parseDouble(rows.get(0)[12]), r.out());
    assertEquals(r.out(), Files.readString(tsv, StandardCharsets.UTF_8));
    String markdown = Files.readString(md, StandardCharsets.UTF_8);
    assertTrue(markdown.contains("| setting | rate | spun docs | doc P |"), markdown);
    assertTrue(markdown.contains("| known | 0.4 | "), markdown);
    assertTrue(markdown.contains("| unknown | 0.8 | "), markdown);
    assertTrue(markdown.contains("Substitutions reverted, by kind"), markdown);
    List<String> k = Files.readAllLines(kinds, StandardCharsets.UTF_8);
    assertEquals("setting\trate\tkind\tsubstitutions\treverted\tshare", k.get(0));
    assertEquals(1 + 4 * 6, k.size(), String.join("\n", k));
    int known80 = 0;
    for (String line : k.subList(1, k.size())) {
      String[] f = line.split("\t");
      assertTrue(Integer.parseInt(f[4]) <= Integer.parseInt(f[3]), line);
      if (line.startsWith("known\t0.80\t")) {
        known80 += Integer.parseInt(f[3]);
      }
    }
    assertTrue(known80 > 0, String.join("\n", k));
  }

  @Test
  void figuresDoNotDependOnTheNumberOfThreads() {
    Result one = run(args("--rates", "0.6", "--settings", "unknown", "--threads", "1").toArray(new String[0]));
    Result two = run(args("--rates", "0.6", "--settings", "unknown", "--threads", "2").toArray(new String[0]));
    assertEquals(0, one.code(), one.err());
    assertEquals(0, two.code(), two.err());
    List<String[]> a = rows(one.out());
    List<String[]> b = rows(two.out());
    assertEquals(1, a.size(), one.out());
    for (int c = 0; c < 26; c++) {
      if (c < 16 || c > 19) { // all but the speeds
        assertEquals(a.get(0)[c], b.get(0)[c], "column " + c + "\n" + one.out() + "\n" + two.out());
      }
    }
  }

  @Test
  void eachCellCanBeMeasuredWithAProfileLearnedFromItsSpunTextsAlone() {
    Result r = run(args("--rates", "0.8", "--settings", "known", "--threads", "2", "--batch-profile", "1",
        "--profile-gate", "0.5").toArray(new String[0]));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("known spinner at 0.80: learned "), r.err());
    assertTrue(r.err().contains("known spinner at 0.80 with its batch profile: " + TEST_DOCS + "/" + TEST_DOCS),
        r.err());
    List<String[]> rows = rows(r.out());
    assertEquals(1, rows.size(), r.out());
    assertEquals(TEST_DOCS, Integer.parseInt(rows.get(0)[3]));
    Result bad = run(args("--batch-profile", "-1").toArray(new String[0]));
    assertEquals(2, bad.code(), bad.err());
    assertTrue(bad.err().contains("--batch-profile must be >= 0"), bad.err());
  }

  @Test
  void badOptionsAreUsageErrors() {
    Result r = run(args("--rates", "1.5").toArray(new String[0]));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("rates must be in (0, 1] (got 1.5)"), r.err());
    r = run(args("--settings", "sometimes").toArray(new String[0]));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("setting must be known, unknown, consistent, protected or sparing (got 'sometimes')"), r.err());
    r = run(args("--docs", "1").toArray(new String[0]));
    assertEquals(2, r.code(), r.err());
    r = run("eval", "run", "--corpora", dir.resolve("nowhere").toString(), "--lm", lm.toString(), "--no-default-lm");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--corpora: not a directory"), r.err());
  }
}
