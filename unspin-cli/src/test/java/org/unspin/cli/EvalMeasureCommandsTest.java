package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.bench.corpus.Split;

class EvalMeasureCommandsTest {
  @TempDir
  Path dir;

  /** A corpora directory with a BBC-like corpus holding exactly {@code testDocs} test documents. */
  private Path corpora(int testDocs) throws IOException {
    Path cat = dir.resolve("corpora/bbc/business");
    Files.createDirectories(cat);
    List<String> lines = Files.readAllLines(Path.of(resource("toy-corpus.txt")), StandardCharsets.UTF_8);
    int test = 0;
    for (int i = 1; test < testDocs; i++) {
      String name = String.format(Locale.ROOT, "%03d", i);
      StringBuilder text = new StringBuilder("Markets report\n\n");
      for (int k = 0; k < 8; k++) {
        text.append(lines.get((i * 7 + k * 3) % lines.size()).strip()).append(' ');
      }
      Files.writeString(cat.resolve(name + ".txt"), text.append('\n'), StandardCharsets.UTF_8);
      test += Split.of("bbc/business/" + name) == Split.TEST ? 1 : 0;
    }
    return dir.resolve("corpora");
  }

  private static String resource(String name) {
    try {
      return Path.of(EvalMeasureCommandsTest.class.getResource(name).toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void candidatesPrintsRecallAndCandidatesPerTokenForBothSettings() throws IOException {
    Path c = corpora(3);
    MainTest.Result r = MainTest.run("eval", "candidates", "--corpora", c.toString(), "--source", "bbc", "--docs",
        "5", "--seed", "3", "--misses", "2");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].startsWith("setting\tdocuments\ttokens\tsubstitutions\tunaligned\trecall_at_30"), lines[0]);
    String[] known = lines[1].split("\t");
    String[] unknown = lines[2].split("\t");
    assertEquals("known", known[0]);
    assertEquals("unknown", unknown[0]);
    assertEquals("3", known[1], "only the three test documents");
    assertTrue(Long.parseLong(known[3]) > 0, lines[1]);
    double atLimit = Double.parseDouble(known[5]);
    double unlimited = Double.parseDouble(known[6]);
    assertTrue(atLimit <= unlimited && unlimited <= 1 && unlimited > 0.5, lines[1]);
    assertTrue(Double.parseDouble(known[7]) <= Double.parseDouble(known[8]), lines[1]);
    assertTrue(r.out().contains("known\tword\t"), r.out());
    assertTrue(r.err().contains("eval candidates: 3 test documents"), r.err());
  }

  @Test
  void candidatesRunsOneSettingAndRejectsUnknownOnes() throws IOException {
    Path c = corpora(1);
    MainTest.Result r = MainTest.run("eval", "candidates", "--corpora", c.toString(), "--source", "bbc",
        "--setting", "unknown", "--limit", "5");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().split("\n")[1].startsWith("unknown\t1\t"), r.out());
    assertTrue(r.out().startsWith("setting\tdocuments\ttokens\tsubstitutions\tunaligned\trecall_at_5"), r.out());
    MainTest.Result bad = MainTest.run("eval", "candidates", "--corpora", c.toString(), "--setting", "sometimes");
    assertEquals(Main.EXIT_USAGE, bad.code());
    assertTrue(bad.err().contains("--setting"), bad.err());
    MainTest.Result noDir = MainTest.run("eval", "candidates", "--corpora", dir.resolve("none").toString());
    assertEquals(Main.EXIT_USAGE, noDir.code());
  }

  /** A toy order-3 model built from the test corpus. */
  private Path toyModel() {
    Path lm = dir.resolve("toy.ulm");
    MainTest.Result b = MainTest.run("lm", "build", "--order", "3", "--out", lm.toString(), resource("toy-corpus.txt"));
    assertEquals(0, b.code(), b.err());
    return lm;
  }

  /** Eight tortured phrases with their expected originals, in the PPS list's CSV format. */
  private Path toyPpsList() throws IOException {
    StringBuilder csv = new StringBuilder("tortured_phrase,expected_phrase,num_papers\n");
    String[][] pairs = {{"stock exchange", "stock market"}, {"stock trade", "stock market"},
        {"financial specialists", "investors"}, {"securities exchange", "stock market"}, {"offers fell", "shares fell"},
        {"the offers", "the shares"}, {"stock business sector", "stock market"}, {"shut higher", "closed higher"}};
    for (String[] p : pairs) {
      csv.append("\"\"\"").append(p[0]).append("\"\"\",").append(p[1]).append(",\"3\"\n");
    }
    return Files.writeString(dir.resolve("list.csv"), csv, StandardCharsets.UTF_8);
  }

  @Test
  void ppsLearnsFromTheRestAndCountsExactRestorations() throws IOException {
    Path lm = toyModel();
    Path list = toyPpsList();
    Path rows = dir.resolve("rows.tsv");
    MainTest.Result r = MainTest.run("eval", "pps", "--pps", list.toString(), "--holdout", "0.5", "--seed", "2",
        "--no-default-lm", "--lm", lm.toString(), "--rows", rows.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("held-out pairs: 4 (holdout 0.5, seed 2; phrase alone)"), r.out());
    assertTrue(r.out().contains("exact without profile:"), r.out());
    assertTrue(r.out().contains("exact with learned profile:"), r.out());
    List<String> tsv = Files.readAllLines(rows, StandardCharsets.UTF_8);
    assertEquals(5, tsv.size(), String.join("\n", tsv));
    long exactWith = tsv.stream().skip(1).filter(l -> l.split("\t")[6].equals("true")).count();
    long covered = tsv.stream().skip(1).filter(l -> l.endsWith("\ttrue")).count();
    assertTrue(r.out().contains("covered word for word by the learned profile: " + covered + " "), r.out() + tsv);
    assertTrue(r.out().contains("exact with learned profile: " + exactWith + " "), r.out() + tsv);
    assertTrue(r.out().matches("(?s).*held-out wordings \\(clean\\) changed with the learned profile: \\d+ of \\d+ .*"
        + "\n  of them no training pair's wording: \\d+ of \\d+ .*"), r.out());
  }

  @Test
  void ppsAppliesChannelWeightsAndCanLeaveTheRerankerOut() throws IOException {
    Path lm = toyModel();
    Path list = toyPpsList();
    String[] common = {"eval", "pps", "--pps", list.toString(), "--holdout", "0.5", "--seed", "2", "--no-default-lm",
        "--lm", lm.toString(), "--no-reranker"};
    MainTest.Result shipped = MainTest.run(common);
    assertEquals(0, shipped.code(), shipped.err());
    assertTrue(shipped.out().contains("exact without profile:      0 (0.0%), changed 0"), shipped.out());
    // Changes made free: the same phrases now change.
    Path free = Files.writeString(dir.resolve("free.properties"), "thesaurusBase=2\nprofileBase=2\nfanoutWeight=0\n",
        StandardCharsets.UTF_8);
    String[] withWeights = java.util.Arrays.copyOf(common, common.length + 2);
    withWeights[common.length] = "--channel-weights";
    withWeights[common.length + 1] = free.toString();
    MainTest.Result cheap = MainTest.run(withWeights);
    assertEquals(0, cheap.code(), cheap.err());
    assertTrue(cheap.out().contains("exact without profile:") && !cheap.out().contains("changed 0"), cheap.out());
    Path bad = Files.writeString(dir.resolve("bad.properties"), "fanoutWeight=lots\n", StandardCharsets.UTF_8);
    MainTest.Result e = MainTest.run("eval", "pps", "--pps", list.toString(), "--no-default-lm", "--lm", lm.toString(),
        "--channel-weights", bad.toString());
    assertTrue(e.code() != 0, e.out());
    assertTrue(e.err().contains("bad.properties"), e.err());
  }

  @Test
  void traceEvaluationTakesOnlyTheKnownAndUnknownSpinners() {
    MainTest.Result r = MainTest.run("eval", "trace", "--work", dir.resolve("work").toString(), "--settings",
        "known,consistent");
    assertEquals(Main.EXIT_USAGE, r.code(), r.err());
    assertTrue(r.err().contains("--settings: eval trace takes known or unknown (got 'consistent')"), r.err());
    r = MainTest.run("eval", "trace", "--work", dir.resolve("work").toString(), "--settings", "protected");
    assertEquals(Main.EXIT_USAGE, r.code(), r.err());
    assertTrue(r.err().contains("--settings: eval trace takes known or unknown (got 'protected')"), r.err());
  }

  @Test
  void ppsListedRestoresTheShippedListsOwnPhrasesAndCleanCountsEditsOfItsWording() throws IOException {
    Path lm = toyModel();
    Path rows = dir.resolve("listed.tsv");
    MainTest.Result r = MainTest.run("eval", "pps", "--listed", "--no-default-lm", "--lm", lm.toString(), "--rows",
        rows.toString());
    assertEquals(0, r.code(), r.err());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("listed pairs: (\\d+) \\(the shipped list, nothing held"
        + " out; phrase alone\\)\nexact without the shipped profile: (\\d+) .*\nexact with the default model: +(\\d+) ")
        .matcher(r.out());
    assertTrue(m.find(), r.out());
    List<String> tsv = Files.readAllLines(rows, StandardCharsets.UTF_8);
    assertEquals(Integer.parseInt(m.group(1)) + 1, tsv.size());
    long exactWith = tsv.stream().skip(1).filter(l -> l.split("\t")[6].equals("true")).count();
    assertEquals(Long.parseLong(m.group(3)), exactWith);
    assertTrue(tsv.stream().skip(1).allMatch(l -> l.endsWith("\t-")), "no learned profile to cover them");
    MainTest.Result c = MainTest.run("eval", "pps", "--clean", "--carrier", "We study {} here.", "--no-default-lm",
        "--lm", lm.toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(c.out().matches("(?s)clean wordings: \\d+ \\(the shipped list's expected phrases, each once; carrier"
        + " 'We study \\{\\} here\\.'\\)\nchanged with the shipped profile everywhere: \\d+ \\(.*%\\), .* edits per 100"
        + " words\n"), c.out());
  }

  @Test
  void ppsDocumentsCountsTheVerdictsOfPaperLikeDocumentsWithKListedPhrases() throws IOException {
    Path lm = toyModel();
    MainTest.Result r = MainTest.run("eval", "pps", "--documents", "--docs", "3", "--sentences", "4", "--tortured",
        "0,2", "--seed", "5", "--no-default-lm", "--lm", lm.toString());
    assertEquals(0, r.code(), r.err());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^([02]) +3 +(\\d+) +(\\d+) +(\\d+) +([0-9.]+)$")
        .matcher(r.out());
    int lines = 0;
    while (m.find()) {
      lines++;
      assertEquals(3, Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)) + Integer.parseInt(m.group(4)),
          r.out());
    }
    assertEquals(2, lines, r.out());
    assertTrue(r.out().startsWith("paper-like documents of 4 sentences, 3 for each k (seed 5;"), r.out());
    assertTrue(r.err().contains("eval pps --documents: k=2, 3/3 documents"), r.err());
    MainTest.Result bad = MainTest.run("eval", "pps", "--documents", "--tortured", "9");
    assertEquals(Main.EXIT_USAGE, bad.code());
    assertTrue(bad.err().contains("--tortured: each k must be in [0, 8] (got 9)"), bad.err());
    bad = MainTest.run("eval", "pps", "--documents", "--listed");
    assertEquals(Main.EXIT_USAGE, bad.code());
    assertTrue(bad.err().contains("separate measurements"), bad.err());
  }

  @Test
  void ppsUnlistedDocumentsHoldTheirPairsOutOfTheListAndTheProfile() throws IOException {
    Path lm = toyModel();
    long before = tempEntries("unspin-pps-profile");
    MainTest.Result r = MainTest.run("eval", "pps", "--documents", "--unlisted", "--docs", "3", "--sentences", "4",
        "--tortured", "0,2", "--seed", "5", "--no-default-lm", "--lm", lm.toString());
    assertEquals(0, r.code(), r.err());
    java.util.regex.Matcher head = java.util.regex.Pattern.compile("the (\\d+) held-out pairs' phrases \\(holdout"
        + " 0.2\\), checked with the list less their (\\d+) entries and a profile learned from the other (\\d+) pairs")
        .matcher(r.out());
    assertTrue(head.find(), r.out());
    assertEquals(head.group(1), head.group(2), "each held-out pair's entry is left out of the list");
    assertTrue(Integer.parseInt(head.group(3)) >= 4 * Integer.parseInt(head.group(1)), r.out());
    assertEquals(2, r.out().lines().filter(l -> l.matches("[02] +3 +\\d+ +\\d+ +\\d+ +[0-9.]+")).count(), r.out());
    assertEquals(before, tempEntries("unspin-pps-profile"), "the learned profile's file is deleted");
    MainTest.Result bad = MainTest.run("eval", "pps", "--unlisted");
    assertEquals(Main.EXIT_USAGE, bad.code());
    assertTrue(bad.err().contains("--unlisted goes with --documents"), bad.err());
  }

  /** The entries of the temporary directory whose names start with {@code prefix}. */
  private static long tempEntries(String prefix) throws IOException {
    try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(f -> f.getFileName().toString().startsWith(prefix)).count();
    }
  }

  @Test
  void ppsTermsLmInterpolatesAModelOfTheTrainingWordingsAndCleansUp() throws IOException {
    Path lm = toyModel();
    Path list = toyPpsList();
    long tmpBefore = tempEntries("unspin-pps-terms");
    MainTest.Result r = MainTest.run("eval", "pps", "--pps", list.toString(), "--holdout", "0.5", "--seed", "2",
        "--no-default-lm", "--lm", lm.toString(), "--terms-lm", "--terms-weight", "0.3");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("held-out pairs: 4 (holdout 0.5, seed 2; phrase alone; the training pairs' wordings"
        + " as a language model at 0.3)"), r.out());
    assertTrue(r.err().contains("a language model of the 4 training pairs' wordings at weight 0.3"), r.err());
    assertEquals(tmpBefore, tempEntries("unspin-pps-terms"), "the temporary model is removed");
    MainTest.Result bad = MainTest.run("eval", "pps", "--listed", "--terms-lm");
    assertEquals(Main.EXIT_USAGE, bad.code());
    assertTrue(bad.err().contains("--terms-lm is for the held-out measurement"), bad.err());
    bad = MainTest.run("eval", "pps", "--terms-lm", "--terms-weight", "1");
    assertEquals(Main.EXIT_USAGE, bad.code());
    assertTrue(bad.err().contains("--terms-weight must be in (0, 1) (got 1.0)"), bad.err());
  }

  @Test
  void ppsMeasurementsAreOneAtATimeAndListedOnesReadTheShippedList() {
    MainTest.Result r = MainTest.run("eval", "pps", "--listed", "--clean");
    assertEquals(Main.EXIT_USAGE, r.code());
    assertTrue(r.err().contains("--listed and --clean are separate measurements"), r.err());
    r = MainTest.run("eval", "pps", "--clean", "--pps", "other.csv");
    assertEquals(Main.EXIT_USAGE, r.code());
    assertTrue(r.err().contains("--clean measures the shipped list"), r.err());
    r = MainTest.run("eval", "pps", "--clean", "--rows", "x.tsv");
    assertEquals(Main.EXIT_USAGE, r.code());
    assertTrue(r.err().contains("--rows is for"), r.err());
  }

  @Test
  void ppsNeedsALanguageModelAndAValidCarrier() {
    MainTest.Result r = MainTest.run("eval", "pps", "--no-default-lm");
    assertEquals(Main.EXIT_USAGE, r.code());
    assertTrue(r.err().contains("--no-default-lm needs"), r.err());
    MainTest.Result c = MainTest.run("eval", "pps", "--carrier", "no placeholder");
    assertEquals(Main.EXIT_USAGE, c.code());
    assertTrue(c.err().contains("--carrier"), c.err());
  }
}
