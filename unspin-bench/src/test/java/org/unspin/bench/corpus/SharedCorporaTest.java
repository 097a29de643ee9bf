package org.unspin.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the readers on the real research corpora when they are present (skipped on a fresh
 * clone): document counts, unique ids, and that no markup or escape survives the clean-up.
 */
class SharedCorporaTest {
  private static final Path DIR = Path.of(System.getProperty("unspin.corpora",
      System.getenv().getOrDefault(Corpora.ENV, "/work/shared/corpora")));
  /** Leftovers of SGML/HTML references and the AG News crawl's escapes. */
  private static final Pattern LEFTOVER = Pattern.compile("&#\\d+;|&(lt|gt|amp|quot);| #\\d+;|\\\\|\\p{Cc}");

  @Test
  void everyDocumentIsReadOnceWithCleanText() throws IOException {
    assumeTrue(Files.isDirectory(DIR.resolve("bbc")) && Files.isDirectory(DIR.resolve("reuters21578"))
        && Files.isRegularFile(DIR.resolve("agnews/test.csv")), "research corpora not present at " + DIR);
    Map<CorpusSource, Integer> counts = new EnumMap<>(CorpusSource.class);
    Set<String> ids = new HashSet<>();
    for (CorpusSource s : CorpusSource.values()) {
      try (DocumentStream docs = s.open(DIR)) {
        Document d;
        while ((d = docs.read()) != null) {
          counts.merge(s, 1, Integer::sum);
          assertTrue(ids.add(d.id()), "duplicate id " + d.id());
          if (d.text().isEmpty()) {
            continue; // Reuters UNPROC tables have neither TITLE nor BODY
          }
          for (String line : d.text().split("\n", -1)) {
            assertTrue(!LEFTOVER.matcher(line).find(), d.id() + ": " + line);
            assertTrue(!line.isEmpty(), d.id() + " has an empty paragraph");
            assertEquals(line.strip(), line, d.id());
          }
        }
      }
    }
    assertEquals(2225, counts.get(CorpusSource.BBC));
    assertEquals(21578, counts.get(CorpusSource.REUTERS));
    assertEquals(7600, counts.get(CorpusSource.AGNEWS));
  }
}
