package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unspin.cli.MainTest.run;

import org.junit.jupiter.api.Test;
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
  void randomLengthCutsAtTheFirstSentenceEndAfterTheWordCount() {
    String text = "One two three. Four five six! Seven eight? Nine ten.";
    assertEquals("One two three.", DetectTrainCommand.cutAfterWords(text, 2));
    assertEquals("One two three.", DetectTrainCommand.cutAfterWords(text, 3));
    assertEquals("One two three. Four five six!", DetectTrainCommand.cutAfterWords(text, 4));
    assertEquals(text, DetectTrainCommand.cutAfterWords(text, 9));
    assertEquals(text, DetectTrainCommand.cutAfterWords(text, 50));
  }
}
