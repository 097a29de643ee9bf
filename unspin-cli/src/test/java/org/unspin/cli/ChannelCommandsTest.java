package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.channel.PairJsonl;
import org.unspin.channel.ProfileFormat;
import org.unspin.channel.SpinnerProfile;
import org.unspin.channel.SpunText;
import org.unspin.channel.fingerprint.CleanCounts;
import org.unspin.util.Json;

class ChannelCommandsTest {

  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void fingerprintsMatchPrintsOffsetsWithTheDefaultList() throws IOException {
    Path text = write("paper.txt", "We train a neural organization on big data.\nThe surface region was huge.\n");
    Result r = run("fingerprints", "match", text.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("11-30\tneural organization\tneural network\t\"neural organization\""), r.out());
    assertTrue(!r.out().contains("surface region"), "AND needs 'surface area' too: " + r.out());
  }

  @Test
  void fingerprintsMatchJsonWithACustomList() throws IOException {
    Path list = write("list.csv", "tortured_phrase,expected_phrase,num_papers\n\"\"\"huge information\"\"\",big data,3\n");
    Path text = write("t.txt", "So much Huge  Information.");
    Result r = run("fingerprints", "match", "--list", list.toString(), "--json", text.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, Object> doc = Json.parseObject(r.out().trim());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> ms = (List<Map<String, Object>>) doc.get("matches");
    assertEquals(1, ms.size());
    assertEquals(8L, ms.get(0).get("start"));
    assertEquals(25L, ms.get(0).get("end"));
    assertEquals("big data", ms.get(0).get("expected"));
  }

  @Test
  void fingerprintsCleanCountsCountsDocumentsOnceAndWords() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("clean"));
    Files.writeString(corpus.resolve("a.txt"), "A neural organization and another neural organization here.\n\n"
        + "The surface region and the surface area.\n");
    try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(corpus.resolve("b.txt.gz")))) {
      gz.write("Nothing listed in this one.\nA neural organization again.\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(corpus.resolve("skip.md"), "neural organization\n");
    Path out = dir.resolve("counts.tsv");
    Result r = run("fingerprints", "clean-counts", "--out", out.toString(), "--source", "a test", corpus.toString());
    assertEquals(0, r.code(), r.err());
    CleanCounts c = CleanCounts.load(out);
    assertEquals(4, c.documents());
    assertEquals(8 + 7 + 5 + 4, c.words());
    assertEquals(2, c.documentsMatched("\"neural organization\""), "once a document");
    assertEquals(1, c.documentsMatched("\"surface region\" AND \"surface area\""));
    assertEquals("a test", c.provenance().get("clean-text"));
    assertTrue(r.err().contains("wrote " + out + ": 2 entries matched 3 times"), r.err());
    Result none = run("fingerprints", "clean-counts", "--out", out.toString(), dir.resolve("nope").toString());
    assertEquals(Main.EXIT_USAGE, none.code());
    assertEquals("unspin: " + dir.resolve("nope") + ": no such file or directory", none.err().strip());
  }

  @Test
  void invalidUtf8InputIsAUsageError() throws IOException {
    Path text = dir.resolve("bin.txt");
    Files.write(text, new byte[] {'a', (byte) 0xFF, 'b'});
    Result r = run("fingerprints", "match", text.toString());
    assertEquals(Main.EXIT_USAGE, r.code());
    assertEquals("unspin: " + text + ": invalid UTF-8 at byte offset 1", r.err().strip());
    Result missing = run("fingerprints", "match", dir.resolve("nope.txt").toString());
    assertEquals(Main.EXIT_USAGE, missing.code());
  }

  @Test
  void malformedListIsAFailureWithFileAndLine() throws IOException {
    Path list = write("bad.csv", "tortured_phrase,expected_phrase\n\"\"\"open\",x\n");
    Path text = write("t.txt", "x");
    Result r = run("fingerprints", "match", "--list", list.toString(), text.toString());
    assertEquals(Main.EXIT_FAILURE, r.code());
    assertTrue(r.err().startsWith("unspin: " + list + ":2: malformed query"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void profileLearnFromJsonlThenShow() throws IOException {
    Path pairs = write("pairs.jsonl", """
        {"spun": "the surface region is big", "original": "the surface area is big"}
        {"id": "b", "spun": "a region of land", "original": "an area of land", "weight": 0.5}
        """);
    Path out = dir.resolve("p.tsv");
    Result r = run("profile", "learn", "--pairs", pairs.toString(), "--out", out.toString(), "--name", "t",
        "--created", "2026-01-02");
    assertEquals(0, r.code(), r.err());
    SpinnerProfile p = ProfileFormat.load(out);
    assertEquals(1.5, p.entry("region", "area").count(), 1e-9);
    assertEquals("2026-01-02", p.info().created());
    Result show = run("profile", "show", out.toString(), "--top", "5");
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains("name              t"), show.out());
    assertTrue(show.out().contains("region"), show.out());
  }

  @Test
  void profileLearnFromADirectoryOfTextPairs() throws IOException {
    write("d/one.spun.txt", "Huge information matters.");
    write("d/one.orig.txt", "Big data matters.");
    write("d/two.spun.txt", "The bosom is fine.");
    write("d/two.orig.txt", "The breast is fine.");
    Path out = dir.resolve("p.tsv");
    Result r = run("profile", "learn", "--pairs", dir.resolve("d").toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    SpinnerProfile p = ProfileFormat.load(out);
    assertEquals(3, p.size());
    assertEquals(2, p.info().pairs());
  }

  @Test
  void profileLearnFromPpsWithHoldout() throws IOException {
    Path out = dir.resolve("p.tsv");
    Path held = dir.resolve("held.jsonl");
    Result r = run("profile", "learn", "--pps", "default", "--holdout", "0.2", "--seed", "7", "--heldout-out",
        held.toString(), "--out", out.toString(), "--created", "2026-11-29");
    assertEquals(0, r.code(), r.err());
    List<org.unspin.channel.TextPair> heldOut = PairJsonl.readPairs(held);
    SpinnerProfile p = ProfileFormat.load(out);
    assertEquals(heldOut.size() * 4, p.info().pairs(), 4.0);
    assertTrue(p.info().source().contains("seed 7"), p.info().source());
  }

  @Test
  void profileLearnFromABatchOfSpunTextsAlone() throws IOException {
    write("farm/1.txt", "The inventory market fell sharply on Monday as investors sold.");
    write("farm/2.txt", "Investors watched the inventory market closely after the central financial institution spoke.");
    write("farm/3.html", "<html><body><p>The inventory market closed higher on Friday, traders said.</p></body></html>");
    write("farm/more.jsonl", "{\"text\": \"The central financial institution raised rates of interest again.\"}\n"
        + "{\"text\": broken\n"
        + "{\"text\": \"Shares on the inventory market rose as the central financial institution held rates.\"}\n");
    Files.write(dir.resolve("farm/zz.txt"), new byte[] {0, 1, 2, 3, 0, 0, (byte) 0xff});
    Path out = dir.resolve("farm.tsv");
    Result r = run("profile", "learn", "--from-batch", dir.resolve("farm").toString(), "--out", out.toString(),
        "--name", "farm", "--created", "2026-12-02", "--threads", "2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("skipped") && r.err().contains("more.jsonl") && r.err().contains("zz.txt"), r.err());
    assertTrue(r.out().contains("from 5 documents") && r.out().contains("2 records skipped"), r.out());
    SpinnerProfile p = ProfileFormat.load(out);
    assertEquals("batch-self-training", p.info().method());
    assertEquals(5, p.info().pairs());
    assertTrue(p.entry("inventory", "stock") != null, () -> p.entries().toString());
    assertTrue(p.entry("inventory", "stock").count() >= 2);
    // the learned profile restores the spinner's next text
    Path next = write("next.txt", "Prices on the inventory market were mixed.");
    Result restored = run("restore", "--profile", out.toString(), next.toString());
    assertEquals(0, restored.code(), restored.err());
    assertTrue(restored.out().contains("stock market"), restored.out());
  }

  @Test
  void profileLearnFromABatchRefusesWhatItCannotLearnFrom() throws IOException {
    write("none/a.bin", "not an input kind");
    Result empty = run("profile", "learn", "--from-batch", dir.resolve("none").toString(), "--out",
        dir.resolve("x.tsv").toString());
    assertEquals(Main.EXIT_USAGE, empty.code());
    assertTrue(empty.err().contains("no readable input files"), empty.err());
    write("german/a.txt", "Der Hund läuft schnell über die Straße und die Katze schläft im Garten, während die Kinder"
        + " in der Schule sind.");
    Result foreign = run("profile", "learn", "--from-batch", dir.resolve("german").toString(), "--out",
        dir.resolve("x.tsv").toString());
    assertEquals(Main.EXIT_USAGE, foreign.code());
    assertTrue(foreign.err().contains("no text to learn from (1 records skipped)"), foreign.err());
    write("plain/a.txt", "The committee met on Tuesday and agreed on the budget for next year.");
    Result nothing = run("profile", "learn", "--from-batch", dir.resolve("plain").toString(), "--out",
        dir.resolve("x.tsv").toString());
    assertEquals(Main.EXIT_USAGE, nothing.code());
    assertTrue(nothing.err().contains("no substitution was restored at least 2.0 times"), nothing.err());
    assertTrue(Files.notExists(dir.resolve("x.tsv")));
    Result zero = run("profile", "learn", "--from-batch", dir.resolve("plain").toString(), "--min-count", "0",
        "--out", dir.resolve("x.tsv").toString());
    assertEquals(Main.EXIT_USAGE, zero.code());
    assertTrue(zero.err().contains("--min-count must be > 0"), zero.err());
    Result noDocs = run("profile", "learn", "--from-batch", dir.resolve("plain").toString(), "--min-documents", "0",
        "--out", dir.resolve("x.tsv").toString());
    assertEquals(Main.EXIT_USAGE, noDocs.code());
    assertTrue(noDocs.err().contains("--min-documents must be >= 1"), noDocs.err());
    Result pairsToo = run("profile", "learn", "--pairs", dir.resolve("plain").toString(), "--min-count", "3",
        "--out", dir.resolve("x.tsv").toString());
    assertEquals(Main.EXIT_USAGE, pairsToo.code());
    assertTrue(pairsToo.err().contains("work with --from-batch only"), pairsToo.err());
    // the model options set the restorer that learns from a batch; aligned pairs are counted without one
    Result modelToo = run("profile", "learn", "--pps", "default", "--no-reranker", "--lm-weights", "1",
        "--out", dir.resolve("x.tsv").toString());
    assertEquals(Main.EXIT_USAGE, modelToo.code());
    assertTrue(modelToo.err().contains("the model options (here --lm-weights, --no-reranker) set the restorer that"
        + " learns and work with --from-batch only"), modelToo.err());
    assertTrue(Files.notExists(dir.resolve("x.tsv")));
    Result tooMany = run("profile", "learn", "--from-batch", dir.resolve("plain").toString(), "--threads", "0",
        "--out", dir.resolve("x.tsv").toString());
    assertEquals(Main.EXIT_USAGE, tooMany.code());
    assertTrue(tooMany.err().contains("--threads must be in 1..1024 (got 0)"), tooMany.err());
    Result missing = run("profile", "learn", "--from-batch", dir.resolve("gone").toString(), "--out",
        dir.resolve("x.tsv").toString());
    assertEquals(Main.EXIT_USAGE, missing.code());
    assertTrue(missing.err().contains("no such file or directory"), missing.err());
  }

  @Test
  void profileShowDefaultAndErrors() throws IOException {
    Result r = run("profile", "show");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("pps-learned"), r.out());
    Path bad = write("bad.tsv", "@format\tunspin-profile\t1\n@replacement_rate\t2\n");
    Result e = run("profile", "show", bad.toString());
    assertEquals(Main.EXIT_FAILURE, e.code());
    assertTrue(e.err().contains("replacementRate must be in [0, 1]"), e.err());
    Result missing = run("profile", "learn", "--out", dir.resolve("x").toString());
    assertEquals(Main.EXIT_USAGE, missing.code());
    Result noFile = run("profile", "learn", "--pairs", dir.resolve("none.jsonl").toString(), "--out",
        dir.resolve("x").toString());
    assertEquals(Main.EXIT_USAGE, noFile.code());
  }

  @Test
  void evalSimulateWritesConsistentDeterministicPairs() throws IOException {
    Path dict = write("dict.tsv", "# toy\nbank\tfinancial institution|depository\nbig\thuge\ndata\tinformation\n");
    write("in/a.txt", "The bank has big data. The bank is big.");
    write("in/b.txt", "Big banks, big data.");
    Path out1 = dir.resolve("o1.jsonl");
    Path out2 = dir.resolve("o2.jsonl");
    Result r = run("eval", "simulate", "--rate", "0.8", "--seed", "3", "--synonym", "random", "--dictionary",
        dict.toString(), "--out", out1.toString(), dir.resolve("in").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("spun 2 documents"), r.err());
    run("eval", "simulate", "--rate", "0.8", "--seed", "3", "--synonym", "random", "--dictionary", dict.toString(),
        "--out", out2.toString(), dir.resolve("in").toString());
    List<String> lines = Files.readAllLines(out1);
    assertEquals(lines, Files.readAllLines(out2));
    assertEquals(2, lines.size());
    int subs = 0;
    for (String line : lines) {
      SpunText t = PairJsonl.parseSpunText(line, "o1");
      assertEquals(t.spun(), t.applySubstitutions());
      subs += t.substitutions().size();
    }
    assertTrue(subs > 0, lines.toString());
    Result bad = run("eval", "simulate", "--rate", "1.5", "--dictionary", dict.toString(), "--out",
        out1.toString(), dir.resolve("in").toString());
    assertEquals(Main.EXIT_USAGE, bad.code());
    assertTrue(bad.err().startsWith("unspin: --rate must be in [0, 1]"), bad.err());
  }

  @Test
  void evalSimulateProtectsFunctionWordsWhenAsked() throws IOException {
    Path dict = write("fdict.tsv", "# toy\nof\tregarding\nin\twithin\nbank\tdepository\n");
    write("fin/a.txt", "The bank of the city in the north. A bank in the bank of banks.");
    Path plain = dir.resolve("plain.jsonl");
    Path kept = dir.resolve("kept.jsonl");
    assertEquals(0, run("eval", "simulate", "--rate", "1", "--seed", "2", "--synonym", "first", "--dictionary",
        dict.toString(), "--out", plain.toString(), dir.resolve("fin").toString()).code());
    Result r = run("eval", "simulate", "--rate", "1", "--seed", "2", "--synonym", "first", "--dictionary",
        dict.toString(), "--protect-function-words", "--out", kept.toString(), dir.resolve("fin").toString());
    assertEquals(0, r.code(), r.err());
    SpunText all = PairJsonl.parseSpunText(Files.readAllLines(plain).get(0), "plain");
    SpunText protect = PairJsonl.parseSpunText(Files.readAllLines(kept).get(0), "kept");
    assertTrue(all.spun().contains("regarding") && all.spun().contains("within"), all.spun());
    assertEquals("The depository of the city in the north. A depository in the depository of depositories.",
        protect.spun());
  }
}
