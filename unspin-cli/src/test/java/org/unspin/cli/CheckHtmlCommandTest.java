package org.unspin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unspin.util.Json;

/** {@code check --html}: one self-contained page whose embedded data is the check of the text. */
class CheckHtmlCommandTest {
  static final String SPUN = "Analysts said the choice was expected after colossal information showed inflation "
      + "running above the target.\n";

  @TempDir
  Path dir;

  @Test
  void aTextThatIsNotEnglishIsRefusedUnlessAllLanguagesIsGiven() throws Exception {
    Path in = dir.resolve("de.txt");
    Files.writeString(in, "Die Regierung hat am Dienstag beschlossen, dass die Steuern im kommenden Jahr nicht erhöht werden, und der Minister sagte, dass die Wirtschaft trotz der schwierigen Lage in Europa wachsen werde und die Arbeitslosigkeit sinke.\n", StandardCharsets.UTF_8);
    for (String cmd : new String[] {"check", "restore"}) {
      MainTest.Result r = MainTest.run(cmd, in.toString());
      assertEquals(Main.EXIT_USAGE, r.code(), cmd + ": " + r.err());
      assertTrue(r.err().contains(in + ": not English") && r.err().contains("--all-languages"), r.err());
    }
    MainTest.Result anyway = MainTest.run("check", "--json", "--all-languages", in.toString());
    assertEquals(0, anyway.code(), anyway.err());
    assertTrue(anyway.out().startsWith("{\"spun_probability\""), anyway.out());
  }

  @Test
  void fingerprintsReplacesTheShippedListAndABadListIsAFailureWithFileAndLine() throws Exception {
    Path list = dir.resolve("mine.csv");
    Files.writeString(list, "tortured_phrase,expected_phrase,num_papers\n\"\"\"lucid hallucination\"\"\",vivid dream,3\n",
        StandardCharsets.UTF_8);
    Path in = dir.resolve("t.txt");
    Files.writeString(in, "In this study we describe a lucid hallucination of the patients, and the results were shared"
        + " with the other groups of the department.\n", StandardCharsets.UTF_8);
    MainTest.Result r = MainTest.run("check", "--json", "--fingerprints", list.toString(), in.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"suggestion\": \"vivid dream\"") || r.out().contains("\"suggestion\":\"vivid dream\""),
        r.out());
    MainTest.Result restored = MainTest.run("restore", "--fingerprints", list.toString(), in.toString());
    assertTrue(restored.out().contains("a vivid dream of the patients"), restored.out());
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "tortured_phrase,expected_phrase\n\"\"\"open,x\n", StandardCharsets.UTF_8);
    MainTest.Result failed = MainTest.run("check", "--fingerprints", bad.toString(), in.toString());
    assertEquals(Main.EXIT_FAILURE, failed.code());
    assertEquals("unspin: " + bad + ":2: unclosed quoted field", failed.err().strip());
  }

  @Test
  void rerankerFileAndNoRerankerAreAUsageError() throws Exception {
    Path in = dir.resolve("spun.txt");
    Files.writeString(in, SPUN, StandardCharsets.UTF_8);
    MainTest.Result r = MainTest.run("check", "--reranker", dir.resolve("rr.tsv").toString(), "--no-reranker",
        in.toString());
    assertEquals(Main.EXIT_USAGE, r.code(), r.err());
    assertTrue(r.err().contains("--reranker and --no-reranker exclude each other"), r.err());
  }

  @Test
  void htmlReportEmbedsTheSameCheckAsJson() throws Exception {
    Path in = dir.resolve("spun.txt");
    Files.writeString(in, SPUN, StandardCharsets.UTF_8);
    MainTest.Result html = MainTest.run("check", "--html", in.toString());
    assertEquals(0, html.code(), html.err());
    assertTrue(html.out().startsWith("<!DOCTYPE html>"), html.out().substring(0, 40));
    Matcher m = Pattern.compile("id=\"unspin-report-data\">(.*?)</script>", Pattern.DOTALL).matcher(html.out());
    assertTrue(m.find(), "no embedded data");
    Map<String, Object> data = Json.parseObject(m.group(1));
    assertEquals(SPUN, data.get("text"));
    MainTest.Result json = MainTest.run("check", "--json", in.toString());
    assertEquals(0, json.code(), json.err());
    assertEquals(Json.parse(json.out().trim()), data.get("check"));
    assertFalse(html.out().contains("src=\"http") || html.out().contains("href=\"http"), "network reference");
  }

  @Test
  void htmlAndJsonTogetherAreAUsageError() throws Exception {
    Path in = dir.resolve("t.txt");
    Files.writeString(in, SPUN, StandardCharsets.UTF_8);
    MainTest.Result r = MainTest.run("check", "--html", "--json", in.toString());
    assertEquals(Main.EXIT_USAGE, r.code());
    assertTrue(r.err().contains("--json and --html"), r.err());
  }

  @Test
  void restoreJsonIsTheRestoredTextWithItsEdits() throws Exception {
    Path in = dir.resolve("spun.txt");
    Files.writeString(in, SPUN, StandardCharsets.UTF_8);
    MainTest.Result plain = MainTest.run("restore", in.toString());
    MainTest.Result json = MainTest.run("restore", "--json", in.toString());
    assertEquals(0, json.code(), json.err());
    Map<String, Object> m = Json.parseObject(json.out().trim());
    assertEquals(plain.out().strip(), ((String) m.get("restored")).strip());
    for (Object o : (java.util.List<?>) m.get("edits")) {
      Map<?, ?> e = (Map<?, ?>) o;
      assertEquals(e.get("text"), SPUN.substring(((Long) e.get("start")).intValue(), ((Long) e.get("end")).intValue()));
    }
  }
}
