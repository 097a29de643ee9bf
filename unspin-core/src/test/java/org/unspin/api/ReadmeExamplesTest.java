package org.unspin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.unspin.detect.CheckReport;

/** The samples in {@code examples/} give what README.md shows for them. */
class ReadmeExamplesTest {
  static String example(String name) throws IOException {
    return Files.readString(Path.of("..", "examples", name), StandardCharsets.UTF_8);
  }

  /** The lines README.md shows after {@code command} up to the end of its code block, each with its line end. */
  static String readmeOutput(String command) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int at = readme.indexOf(command + "\n");
    if (at < 0) {
      throw new AssertionError("README.md does not show '" + command + "'");
    }
    int from = at + command.length() + 1;
    int end = readme.indexOf("```", from);
    return readme.substring(from, end);
  }

  @Test
  void theSamplesGiveWhatTheReadmeShows() throws IOException {
    try (Unspin u = Unspin.withDefaults()) {
      CheckReport news = u.check(example("spun-news.txt"));
      assertEquals("spun", news.verdict().jsonName(), news::toString);
      assertEquals(8, news.findings().size(), () -> news.findings().toString());
      assertEquals(readmeOutput("$ ./unspin restore examples/tortured-paper.txt"),
          u.restore(example("tortured-paper.txt")).text());
    }
  }
}
