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

  @Test
  void theSamplesGiveWhatTheReadmeShows() throws IOException {
    try (Unspin u = Unspin.withDefaults()) {
      CheckReport news = u.check(example("spun-news.txt"));
      assertEquals("spun", news.verdict().jsonName(), news::toString);
      assertEquals(8, news.findings().size(), () -> news.findings().toString());
      assertEquals("""
          In this paper, we propose a deep learning approach for the early detection of breast cancer from mammogram images.
          The proposed model combines a convolutional neural network with a random forest classifier, trained with a batch size of 32.
          Experimental results on a big data benchmark show that the method improves the accuracy of the determination and the signal to noise ratio.
          """, u.restore(example("tortured-paper.txt")).text());
    }
  }
}
