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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.detect.DetectorModel;
import org.unspin.detect.DocumentFeatures;
import org.unspin.detect.SignalAnalyzer;

class DetectCommandTest {
  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  static String resource(String name) throws IOException {
    try (InputStream in = DetectCommandTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A toy LM, the toy thesaurus, and 40 documents of 4 corpus sentences, one per line. */
  private Path[] fixtures() throws IOException {
    String corpus = resource("toy-corpus.txt");
    Path corpusFile = dir.resolve("corpus.txt");
    Files.writeString(corpusFile, corpus, StandardCharsets.UTF_8);
    Path lm = dir.resolve("toy.ulm");
    Result b = run("lm", "build", "--order", "3", "--out", lm.toString(), corpusFile.toString());
    assertEquals(0, b.code(), b.err());
    Path dict = dir.resolve("dict.tsv");
    Files.writeString(dict, resource("toy-thesaurus.tsv"), StandardCharsets.UTF_8);
    String[] lines = corpus.strip().split("\n");
    SplittableRandom rnd = new SplittableRandom(5);
    StringBuilder docs = new StringBuilder();
    for (int d = 0; d < 40; d++) {
      for (int s = 0; s < 4; s++) {
        docs.append(s == 0 ? "" : " ").append(lines[rnd.nextInt(lines.length)].strip());
      }
      docs.append('\n');
    }
    Path clean = dir.resolve("clean/docs.txt");
    Files.createDirectories(clean.getParent());
    Files.writeString(clean, docs, StandardCharsets.UTF_8);
    return new Path[] {lm, dict, clean.getParent()};
  }

  @Test
  void trainWritesAModelWithProvenanceAndReportsProgress() throws IOException {
    Path[] f = fixtures();
    Path out = dir.resolve("detector.tsv");
    Result r = run("detect", "train", "--clean", f[2].toString(), "--dictionary", f[1].toString(), "--lm",
        f[0].toString(), "--out", out.toString(), "--min-words", "10", "--source-note", "toy corpus, test only");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("read 40 documents from 1 files"), r.err());
    assertTrue(r.err().contains("restored and analyzed 40/40 documents"), r.err());
    assertTrue(r.err().contains("dev: "), r.err());
    DetectorModel m = DetectorModel.load(out);
    assertEquals(DocumentFeatures.namesFor(SignalAnalyzer.standardRules()), m.featureNames());
    assertTrue(m.provenance().get("source").startsWith("toy corpus, test only"), m.provenance().toString());
    assertEquals(f[0].toString(), m.provenance().get("language_model"));
    assertEquals(f[1].toString(), m.provenance().get("dictionary"));
  }

  @Test
  void fingerprintSpinsAreRecordedInTheProvenance() throws IOException {
    Path[] f = fixtures();
    Path out = dir.resolve("detector.tsv");
    Result r = run("detect", "train", "--fingerprint-spins", "--clean", f[2].toString(), "--dictionary",
        f[1].toString(), "--lm", f[0].toString(), "--out", out.toString(), "--min-words", "10");
    assertEquals(0, r.code(), r.err());
    assertTrue(DetectorModel.load(out).provenance().get("dictionary").endsWith("fingerprint list"), r.err());
  }

  @Test
  void evalPrintsATableForCleanAndEachRate() throws IOException {
    Path[] f = fixtures();
    Path model = dir.resolve("detector.tsv");
    assertEquals(0, run("detect", "train", "--clean", f[2].toString(), "--dictionary", f[1].toString(), "--lm",
        f[0].toString(), "--out", model.toString(), "--min-words", "10").code());
    Result r = run("detect", "eval", "--model", model.toString(), "--clean", f[2].toString(), "--dictionary",
        f[1].toString(), "--lm", f[0].toString(), "--max-docs", "12", "--rates", "0.3,0.9", "--threshold", "0.5");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals(5, lines.length, r.out());
    assertTrue(lines[0].contains("p >= 0.500") && lines[0].contains("12 clean documents"), lines[0]);
    assertEquals("setting\tdocuments\tauc\trecall\tprecision\tf1\tfalse_positive_rate", lines[1]);
    assertTrue(lines[2].startsWith("clean\t12\t"), lines[2]);
    assertTrue(lines[3].startsWith("rate=0.30\t12\t") && lines[4].startsWith("rate=0.90\t12\t"), r.out());
    double auc = Double.parseDouble(lines[4].split("\t")[2]);
    assertTrue(auc > 0.8, "AUC at rate 0.9: " + r.out());
    assertTrue(r.err().contains("checked 12/12 documents"), r.err());
    r = run("detect", "eval", "--model", model.toString(), "--clean", f[2].toString(), "--dictionary",
        f[1].toString(), "--documents", "pages");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--documents must be 'lines' or 'files' (got 'pages')"), r.err());
  }

  @Test
  void badSettingsAndMissingInputAreUsageErrors() throws IOException {
    Path[] f = fixtures();
    Result r = run("detect", "train", "--clean", f[2].toString(), "--dictionary", f[1].toString(), "--lm",
        f[0].toString(), "--out", dir.resolve("x.tsv").toString(), "--dev-share", "1.5");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("devShare must be in (0, 1) (got 1.5)"), r.err());
    r = run("detect", "train", "--clean", dir.resolve("nothing").toString(), "--dictionary", f[1].toString(),
        "--out", dir.resolve("x.tsv").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("no such file or directory"), r.err());
    r = run("detect", "train", "--clean", f[2].toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--dictionary") || r.err().contains("--out"), r.err());
  }

  @Test
  void recalibrateKeepsTheShippedWeightsAndWritesALengthTerm() throws IOException {
    Path shipped = dir.resolve("shipped.tsv");
    Files.writeString(shipped, resource(DetectorModel.DEFAULT_RESOURCE), StandardCharsets.UTF_8);
    String sentence = "The central bank raised interest rates on Thursday as prices kept rising faster than wages. ";
    StringBuilder docs = new StringBuilder("skipped first line\n");
    for (int d = 1; d <= 8; d++) {
      docs.append(sentence.repeat(d).strip()).append('\n');
    }
    Path clean = dir.resolve("news.txt");
    Files.writeString(clean, docs, StandardCharsets.UTF_8);
    Path out = dir.resolve("recal.tsv");
    Result r = run("detect", "train", "--recalibrate", shipped.toString(), "--clean", clean.toString(), "--skip-docs",
        "1", "--min-words", "10", "--out", out.toString(), "--source-note", "test text");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("recalibrated: a="), r.err());
    DetectorModel before = DetectorModel.load(shipped);
    DetectorModel after = DetectorModel.load(out);
    assertEquals(before.features(), after.features());
    assertTrue(after.calibration().readsLength(), after.calibration().toString());
    assertTrue(after.provenance().get("calibration_source").contains("documents after the first 1"),
        after.provenance().toString());
    assertTrue(after.provenance().get("calibration_documents").startsWith("8 of 8"), after.provenance().toString());
    r = run("detect", "train", "--recalibrate", shipped.toString(), "--clean", clean.toString(), "--dictionary",
        shipped.toString(), "--out", out.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--recalibrate"), r.err());
    r = run("detect", "train", "--clean", clean.toString(), "--skip-docs", "-1", "--out", out.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--skip-docs must be >= 0"), r.err());
  }

  @Test
  void helpDescribesTheInputAndTheLicenceRule() {
    Result r = run("detect", "train", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("permissively"), r.out());
    assertTrue(r.out().contains("--dictionary"), r.out());
  }

  /**
   * {@code detect clean-edits} restores each document with the default model and counts its words
   * and distinct confident edits; the file it writes is the one the detector reads.
   */
  @Test
  void cleanEditsCountsTheDefaultModelsConfidentEdits() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("clean-edits"));
    String spun = "The world's biggest carmaker said the accelerator pedal crataegus oxycantha not work properly in"
        + " extremely cold temperatures, requiring surplus braking, and that earnings this millisecond would be lower.";
    Files.writeString(corpus.resolve("a.txt"), spun + "\n\nThe company said its profit rose in the third quarter.\n");
    Path out = dir.resolve("edits.tsv");
    Result r = run("detect", "clean-edits", "--out", out.toString(), "--source", "a test", "--threads", "2",
        corpus.toString());
    assertEquals(0, r.code(), r.err());
    org.unspin.detect.EditEvidence e = org.unspin.detect.EditEvidence.load(out);
    assertEquals(2, e.documents());
    assertEquals(29 + 10, e.words(), "words as the detector counts them (\"'s\" is one)");
    long expected;
    try (org.unspin.api.Unspin u = org.unspin.api.Unspin.withDefaults()) {
      expected = org.unspin.detect.EditEvidence.confidentEdits(u.restore(spun).edits(), 0.9)
          + org.unspin.detect.EditEvidence.confidentEdits(
              u.restore("The company said its profit rose in the third quarter.").edits(), 0.9);
    }
    assertTrue(expected >= 1, "the spun document has a confident edit");
    assertEquals(expected, e.edits());
    assertEquals(0.9, e.minConfidence());
    assertEquals("a test", e.provenance().get("clean-text"));
    assertTrue(r.err().contains("wrote " + out + ": " + e.edits() + " confident edits in 2 documents of 39 words"),
        r.err());
    Result bad = run("detect", "clean-edits", "--out", out.toString(), "--min-confidence", "0", corpus.toString());
    assertEquals(Main.EXIT_USAGE, bad.code());
    assertEquals("unspin: --min-confidence must be in (0, 1] (got 0.0)", bad.err().strip());
    Result none = run("detect", "clean-edits", "--out", out.toString(), dir.resolve("nope").toString());
    assertEquals(Main.EXIT_USAGE, none.code());
    assertEquals("unspin: " + dir.resolve("nope") + ": no such file or directory", none.err().strip());
  }
}
