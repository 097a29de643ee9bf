package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unspin.cli.MainTest.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.cli.MainTest.Result;

class TuneCommandTest {
  @Test
  void helpListsBothTuners() {
    Result r = run("tune", "--help");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("reranker") && r.out().contains("channel"), r.out());
  }

  @Test
  void missingCleanTextIsAUsageError() {
    Result r = run("tune", "reranker", "--out", "x.tsv");
    assertEquals(Main.EXIT_USAGE, r.code());
    assertTrue(r.err().contains("--clean"), r.err());
  }

  @Test
  void malformedParameterListIsAUsageErrorNamingTheEntry() {
    Result r = run("tune", "channel", "--clean", "no-such-file.txt", "--out", "x.properties", "--params",
        "thesaurusBase");
    assertEquals(Main.EXIT_USAGE, r.code());
    assertTrue(r.err().contains("NAME:STEP") && r.err().contains("thesaurusBase"), r.err());
    Result unknown = run("tune", "channel", "--clean", "no-such-file.txt", "--out", "x.properties", "--params",
        "noSuchWeight:0.5");
    assertEquals(Main.EXIT_USAGE, unknown.code());
    assertTrue(unknown.err().contains("noSuchWeight"), unknown.err());
  }

  @Test
  void aProtectShareOutsideZeroToOneIsAUsageErrorNamingIt() {
    Result channel = run("tune", "channel", "--clean", "no-such-file.txt", "--out", "x.properties",
        "--protect-share", "1.5");
    assertEquals(Main.EXIT_USAGE, channel.code());
    assertTrue(channel.err().contains("--protect-share must be in [0, 1]"), channel.err());
    Result reranker = run("tune", "reranker", "--clean", "no-such-file.txt", "--out", "x.tsv", "--protect-share",
        "-1");
    assertEquals(Main.EXIT_USAGE, reranker.code());
    assertTrue(reranker.err().contains("protectShare"), reranker.err());
  }

  @Test
  void anUnknownShareOrHoldOutOutOfRangeIsAUsageErrorNamingIt() {
    Result share = run("tune", "reranker", "--clean", "no-such-file.txt", "--out", "x.tsv", "--unknown-share", "1.5");
    assertEquals(Main.EXIT_USAGE, share.code());
    assertTrue(share.err().contains("unknownShare must be in [0, 1]"), share.err());
    Result holdOut = run("tune", "reranker", "--clean", "no-such-file.txt", "--out", "x.tsv", "--unknown-share",
        "0.5", "--unknown-hold-out", "1");
    assertEquals(Main.EXIT_USAGE, holdOut.code());
    assertTrue(holdOut.err().contains("--unknown-hold-out must be in (0, 1)"), holdOut.err());
  }

  /**
   * With an unknown share the reranker is trained (on the default models) with a second restorer over
   * the lexicon less a held-out share, whose entries spin that share of the documents; the file says so.
   */
  @Test
  void anUnknownShareTrainsWithTheHeldOutEntriesAndSaysSo(@TempDir Path dir) throws Exception {
    String[] sentences = {"The company said its profits rose sharply in the last quarter of the year.",
        "Officials met on Friday to discuss how to react to the surprise announcement.",
        "The central bank raised interest rates for the third time this year.",
        "Shares in the group fell after it warned that sales would be weaker than expected.",
        "The minister told reporters that the new law would protect workers and their families.",
        "Farmers in many areas are sold out of old crop soybeans, dealers said on Tuesday."};
    List<String> docs = new ArrayList<>();
    for (int d = 0; d < 8; d++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < sentences.length; k++) {
        sb.append(k > 0 ? " " : "").append(sentences[(d + k) % sentences.length]);
      }
      docs.add(sb.toString());
    }
    Path clean = dir.resolve("clean.txt");
    Files.write(clean, docs, StandardCharsets.UTF_8);
    Path out = dir.resolve("r.tsv");
    Result r = run("tune", "reranker", "--clean", clean.toString(), "--max-docs", "8", "--out", out.toString(),
        "--unknown-share", "0.5", "--threads", "2");
    assertEquals(0, r.code(), r.err());
    String file = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(file.contains("the unknown spinner's: its held-out share 0.25 (seed 1001)"), file);
    assertTrue(file.contains("an unknown spinner (the trainer's other dictionary"), file);
  }

  @Test
  void randomLengthCutsAtTheFirstSentenceEndAfterTheWordCount() {
    String text = "One two three. Four five six! Seven eight? Nine ten.";
    assertEquals("One two three.", DetectTrainCommand.cutAfterWords(text, 2));
    assertEquals("One two three.", DetectTrainCommand.cutAfterWords(text, 3));
    assertEquals("One two three. Four five six!", DetectTrainCommand.cutAfterWords(text, 4));
    assertEquals(text, DetectTrainCommand.cutAfterWords(text, 9));
    assertEquals(text, DetectTrainCommand.cutAfterWords(text, 50));
  }
}
