package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.bench.corpus.Split;

class EvalCorpusCommandTest {
  private static final String SENTENCE = "The council approved a new budget for the city parks on Monday after a long "
      + "debate about costs, staff and the summer programme for children.";

  @TempDir
  Path tmp;
  Path corpora;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** Writes a corpora directory: 30 BBC articles, 30 Reuters elements, 30 AG News records. */
  @BeforeEach
  void writeCorpora() throws IOException {
    corpora = tmp.resolve("corpora");
    Path bbc = Files.createDirectories(corpora.resolve("bbc/politics"));
    StringBuilder sgm = new StringBuilder("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n");
    StringBuilder csv = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      Files.writeString(bbc.resolve(String.format("%03d.txt", i)), "Headline " + i + "\n\n" + SENTENCE + "\n",
          StandardCharsets.UTF_8);
      sgm.append("<REUTERS NEWID=\"").append(i).append("\">\n<TEXT>&#2;\n<TITLE>TITLE ").append(i)
          .append("</TITLE>\n<BODY>").append(SENTENCE).append("\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n");
      csv.append("\"1\",\"Title ").append(i).append("\",\"").append(SENTENCE).append("\"\n");
    }
    Files.createDirectories(corpora.resolve("reuters21578"));
    Files.writeString(corpora.resolve("reuters21578/reut2-000.sgm"), sgm, StandardCharsets.UTF_8);
    Files.createDirectories(corpora.resolve("agnews"));
    Files.writeString(corpora.resolve("agnews/test.csv"), csv, StandardCharsets.UTF_8);
  }

  @Test
  void jsonlDumpsExactlyTheDocumentsOfTheSplit() throws IOException {
    Set<String> seen = new HashSet<>();
    for (String split : List.of("train", "dev", "test")) {
      Path out = tmp.resolve(split + ".jsonl");
      Result r = run("eval", "corpus", "--corpora", corpora.toString(), "--split", split, "--format", "jsonl",
          "--out", out.toString());
      assertEquals(0, r.code(), r.err());
      assertTrue(r.err().contains("(read 90, 0 too short"), r.err());
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        assertTrue(line.startsWith("{\"id\":\""), line);
        String id = line.substring(7, line.indexOf('"', 7));
        assertEquals(Split.parse(split), Split.of(id), id);
        assertTrue(seen.add(id), "duplicate " + id);
      }
    }
    assertEquals(90, seen.size());
  }

  @Test
  void textToStdoutHasOneDocumentPerLineAndSourceFilter() {
    Result r = run("eval", "corpus", "--corpora", corpora.toString(), "--split", "train", "--source", "bbc");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertFalse(lines.isEmpty());
    for (String line : lines) {
      assertTrue(line.matches("Headline \\d+ " + java.util.regex.Pattern.quote(SENTENCE)), line);
    }
  }

  @Test
  void lmtokensWritesLowerCasedTokensOneSentencePerLine() {
    Result r = run("eval", "corpus", "--corpora", corpora.toString(), "--split", "train", "--source", "reuters",
        "--format", "lmtokens");
    assertEquals(0, r.code(), r.err());
    List<String> lines = new ArrayList<>(r.out().lines().toList());
    assertTrue(lines.size() >= 2 && lines.size() % 2 == 0, r.out());
    assertTrue(lines.get(0).matches("title 0+"), lines.get(0));
    assertTrue(lines.get(1).startsWith("the council approved a new budget") && lines.get(1).endsWith("children ."),
        lines.get(1));
  }

  @Test
  void outputThroughSymlinkWritesTheLinkedFileAndKeepsTheLink() throws IOException {
    Path real = Files.writeString(tmp.resolve("real.txt"), "old");
    Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), real);
    Result r = run("eval", "corpus", "--corpora", corpora.toString(), "--split", "train", "--source", "bbc",
        "--out", link.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.readString(real).startsWith("Headline "), Files.readString(real));
  }

  /** Regression: writing to /dev/null once renamed a temporary file over the device. */
  @Test
  void existingNonRegularTargetIsWrittenInPlaceNotReplaced() throws Exception {
    Path fifo = tmp.resolve("pipe");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo not available");
    java.util.concurrent.CompletableFuture<byte[]> reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try (java.io.InputStream in = Files.newInputStream(fifo)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Result r = run("eval", "corpus", "--corpora", corpora.toString(), "--split", "train", "--source", "bbc",
        "--out", fifo.toString());
    assertEquals(0, r.code(), r.err());
    // A bounded wait: with the old bug nobody ever opens the pipe for writing.
    assertTrue(new String(reader.get(60, java.util.concurrent.TimeUnit.SECONDS), StandardCharsets.UTF_8)
        .startsWith("Headline "));
    assertFalse(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the pipe was replaced");
    assertFalse(Files.exists(tmp.resolve("pipe.tmp")));
  }

  @Test
  void badSplitIsUsageErrorNamingTheValue() {
    Result r = run("eval", "corpus", "--corpora", corpora.toString(), "--split", "validation");
    assertEquals(Main.EXIT_USAGE, r.code());
    assertEquals("unspin: split must be train, dev or test (got 'validation')", r.err().strip());
  }

  @Test
  void missingCorpusIsUsageError() {
    Result r = run("eval", "corpus", "--corpora", tmp.resolve("nowhere").toString(), "--split", "dev");
    assertEquals(Main.EXIT_USAGE, r.code());
    assertTrue(r.err().startsWith("unspin: --corpora: not a directory"), r.err());
  }

  @Test
  void evalWithoutSubcommandPrintsUsage() {
    Result r = run("eval");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("corpus"), r.out());
  }
}
