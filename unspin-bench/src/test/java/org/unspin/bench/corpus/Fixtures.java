package org.unspin.bench.corpus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The tiny corpora under {@code src/test/resources/org/unspin/bench/corpus/corpora}. */
final class Fixtures {
  private Fixtures() {}

  static Path corpora() {
    try {
      return Path.of(Fixtures.class.getResource("corpora").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("fixture corpora not on the test classpath", e);
    }
  }

  static List<Document> readAll(DocumentStream s) throws IOException {
    List<Document> out = new ArrayList<>();
    try (s) {
      Document d;
      while ((d = s.read()) != null) {
        out.add(d);
      }
    }
    return out;
  }
}
