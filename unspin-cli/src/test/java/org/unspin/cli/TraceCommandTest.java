package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.util.Json;

class TraceCommandTest {
  static final String SOURCE = "The central bank of Norway raised its key rate to 4.5 percent on Thursday, citing "
      + "stubborn inflation. Governor Ida Wolden Bache said further increases were likely.\n";
  static final String SPUN = "The central financial institution of Norway elevated its key rate to 4.5 percent on "
      + "Thursday, citing persistent inflation. Governor Ida Wolden Bache said additional increases were likely.\n";

  static Path corpus(Path dir) throws IOException {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("norway.txt"), SOURCE, StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("football.txt"), "Manchester United beat Chelsea 2-1 at Old Trafford on Sunday. "
        + "Marcus Rashford scored the winner late in the second half.\n", StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("more.jsonl"), "{\"id\": \"rec-1\", \"url\": \"https://example.org/a\", \"text\": "
        + "\"Heavy rain caused flooding across northern England and hundreds of homes were evacuated.\"}\n"
        + "{\"id\": \"rec-2\"}\n", StandardCharsets.UTF_8);
    return docs;
  }

  @Test
  void buildsAnIndexAndTracesASpunCopyToItsSource(@TempDir Path dir) throws IOException {
    Path docs = corpus(dir);
    Path index = dir.resolve("idx");
    MainTest.Result b = MainTest.run("index", "build", "--index", index.toString(), docs.toString());
    assertEquals(0, b.code(), b.err());
    assertTrue(b.out().contains("indexed 3 documents (1 skipped)"), b.out());
    assertTrue(b.err().contains("more.jsonl#2"), b.err());
    MainTest.Result info = MainTest.run("index", "info", "--index", index.toString());
    assertTrue(info.out().contains("3 documents"), info.out());
    assertTrue(info.out().contains(", 1 segments"), "index build merges into one segment: " + info.out());

    Path spun = dir.resolve("spun.txt");
    Files.writeString(spun, SPUN, StandardCharsets.UTF_8);
    Path profile = dir.resolve("learned.tsv");
    MainTest.Result t = MainTest.run("trace", "--index", index.toString(), "--json", "--no-restore", "--top", "2",
        "--learn-profile", profile.toString(), spun.toString());
    assertEquals(0, t.code(), t.err());
    @SuppressWarnings("unchecked")
    var matches = (java.util.List<java.util.Map<String, Object>>) Json.parseObject(t.out()).get("matches");
    assertEquals(docs.resolve("norway.txt").toString(), matches.get(0).get("id"));
    assertTrue(t.out().contains("{\"surface\": \"elevated\", \"original\": \"raised\", \"count\": 1}"), t.out());
    String learned = Files.readString(profile, StandardCharsets.UTF_8);
    assertTrue(learned.contains("elevated\traised"), learned);
  }

  @Test
  void scanWithAnIndexNamesTheSourceOfEachRecordItFinds(@TempDir Path dir) throws IOException {
    Path index = dir.resolve("idx");
    assertEquals(0, MainTest.run("index", "build", "--index", index.toString(), corpus(dir).toString()).code());
    Path crawl = dir.resolve("crawl.jsonl");
    Files.writeString(crawl, "{\"id\": \"copy\", \"text\": " + Json.quote(SPUN.strip()) + "}\n"
        + "{\"id\": \"other\", \"text\": \"The orchestra played three symphonies by Sibelius before a full hall "
        + "in Helsinki last night.\"}\n" + "{\"id\": \"broken\"}\n", StandardCharsets.UTF_8);
    Path report = dir.resolve("report.jsonl");
    MainTest.Result r = MainTest.run("scan", "--index", index.toString(), "--out", report.toString(), "--threads",
        "2", "--progress", "off", crawl.toString());
    assertEquals(0, r.code(), r.err());
    java.util.List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
    assertEquals(3, lines.size(), lines::toString);
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> copy = (java.util.Map<String, Object>) Json.parseObject(lines.get(0))
        .get("source_match");
    assertEquals(dir.resolve("docs").resolve("norway.txt").toString(), copy.get("id"), lines.get(0));
    java.util.Map<String, Object> other = Json.parseObject(lines.get(1));
    assertTrue(other.containsKey("source_match") && other.get("source_match") == null, lines.get(1));
    java.util.Map<String, Object> broken = Json.parseObject(lines.get(2));
    assertTrue(broken.containsKey("error") && !broken.containsKey("source_match"), lines.get(2));
  }

  @Test
  void restoreWithAnIndexPutsTheSourceWordingBack(@TempDir Path dir) throws IOException {
    Path index = dir.resolve("idx");
    assertEquals(0, MainTest.run("index", "build", "--index", index.toString(), corpus(dir).toString()).code());
    Path spun = dir.resolve("spun.txt");
    Files.writeString(spun, SPUN, StandardCharsets.UTF_8);
    MainTest.Result r = MainTest.run("restore", "--index", index.toString(), spun.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(SOURCE, r.out());
  }

  @Test
  void checkWithAnIndexNamesTheSourceAndRestoresByAlignment(@TempDir Path dir) throws IOException {
    Path index = dir.resolve("idx");
    assertEquals(0, MainTest.run("index", "build", "--index", index.toString(), corpus(dir).toString()).code());
    Path spun = dir.resolve("spun.txt");
    Files.writeString(spun, SPUN, StandardCharsets.UTF_8);
    MainTest.Result r = MainTest.run("check", "--index", index.toString(), "--json", spun.toString());
    assertEquals(0, r.code(), r.err());
    java.util.Map<String, Object> o = Json.parseObject(r.out());
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> source = (java.util.Map<String, Object>) o.get("source");
    assertEquals(dir.resolve("docs").resolve("norway.txt").toString(), source.get("id"));
    assertEquals(SOURCE, o.get("restored"));
    assertTrue(r.out().replace(" ", "").contains("\"rule\":\"SOURCE_ALIGNMENT\""),
        "the alignment's replacements are findings: " + r.out());
  }

  @Test
  void domainLmIsBuiltFromTheIndexedTextsAndUsedWhenNoSourceIsFound(@TempDir Path dir) throws IOException {
    Path index = dir.resolve("idx");
    MainTest.Result b = MainTest.run("index", "build", "--domain-lm", "--index", index.toString(),
        corpus(dir).toString());
    assertEquals(0, b.code(), b.err());
    assertTrue(Files.isRegularFile(index.resolve("domain.lm")), b.out());
    assertTrue(MainTest.run("index", "info", "--index", index.toString()).out().contains("domain.lm"));
    Path other = dir.resolve("other.txt");
    Files.writeString(other, "A quiet day with no news at all.\n", StandardCharsets.UTF_8);
    MainTest.Result r = MainTest.run("restore", "--index", index.toString(), other.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(1, r.out().split("\n", -1).length - 1, r.out());
  }

  /**
   * The best match of a text on another subject is too weak to be its source: it is listed as
   * such, and no profile is learned from its alignment (which pairs unrelated words).
   */
  @Test
  void aWeakMatchIsMarkedAndTeachesNoProfile(@TempDir Path dir) throws IOException {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("tram.txt"), "The city council approved plans on Tuesday for a new tram line that "
        + "will link the northern suburbs with the central railway station. The project is expected to cost about "
        + "240 million pounds and to take four years to build. Supporters said the line would cut traffic on the "
        + "ring road and give thousands of residents a faster route to work. Opponents warned that the construction "
        + "would close several streets for months and hurt small shops along the route.\n", StandardCharsets.UTF_8);
    Path index = dir.resolve("idx");
    assertEquals(0, MainTest.run("index", "build", "--index", index.toString(), docs.toString()).code());
    Path text = dir.resolve("club.txt");
    Files.writeString(text, "The club announced on Friday that its manager had signed a new contract that will keep "
        + "him at the stadium until the end of the decade. The board said the decision had been taken after a long "
        + "review of the team's results and of its plans for the coming seasons. Several players welcomed the news, "
        + "and the captain told reporters that the squad was united behind the coach.\n", StandardCharsets.UTF_8);
    MainTest.Result listed = MainTest.run("trace", "--index", index.toString(), "--no-restore", text.toString());
    assertEquals(0, listed.code(), listed.err());
    assertTrue(listed.out().contains("(too weak to be a source)"), listed.out());
    Path profile = dir.resolve("learned.tsv");
    MainTest.Result t = MainTest.run("trace", "--index", index.toString(), "--no-restore", "--learn-profile",
        profile.toString(), text.toString());
    assertEquals(2, t.code(), t.out());
    assertTrue(t.err().contains("too weak to be a source"), t.err());
    assertTrue(!Files.exists(profile), "no profile written");
  }

  /** An index's domain LM is rebuilt (e.g. one from before the fitted weight) without adding a document. */
  @Test
  void indexAddRebuildsTheDomainLmWithoutInputs(@TempDir Path dir) throws IOException {
    Path index = dir.resolve("idx");
    assertEquals(0, MainTest.run("index", "build", "--index", index.toString(), corpus(dir).toString()).code());
    MainTest.Result none = MainTest.run("index", "add", "--index", index.toString());
    assertEquals(2, none.code(), none.out());
    assertTrue(none.err().contains("nothing to do"), none.err());
    MainTest.Result r = MainTest.run("index", "add", "--domain-lm", "--index", index.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("added 0 documents"), r.out());
    assertTrue(Files.isRegularFile(index.resolve("domain.lm")), r.out());
  }

  @Test
  void traceOnAMissingIndexFailsWithOneLine(@TempDir Path dir) throws IOException {
    Path spun = dir.resolve("spun.txt");
    Files.writeString(spun, SPUN, StandardCharsets.UTF_8);
    MainTest.Result t = MainTest.run("trace", "--index", dir.resolve("none").toString(), "--no-restore",
        spun.toString());
    assertEquals(1, t.code());
    assertTrue(t.err().startsWith("unspin: ") && t.err().contains("not a source index"), t.err());
  }
}
