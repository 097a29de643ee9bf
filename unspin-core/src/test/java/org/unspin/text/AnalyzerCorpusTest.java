package org.unspin.text;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sanity figures on real news text when the shared research corpus is present (skipped on a
 * fresh clone): every document decodes and keeps the analyzer contract, and sentence lengths look
 * like English news (a splitter that never or always splits fails this).
 */
class AnalyzerCorpusTest {
  private static final Path BBC = Path.of(System.getProperty("unspin.corpora", "/work/shared/corpora"), "bbc");

  @Test
  void bbcNewsHasPlausibleSentences() throws IOException {
    assumeTrue(Files.isDirectory(BBC), "no corpus at " + BBC);
    List<Path> files;
    try (Stream<Path> s = Files.walk(BBC)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().limit(300).collect(Collectors.toList());
    }
    assumeTrue(!files.isEmpty(), "no .txt files under " + BBC);
    long tokens = 0;
    long sentences = 0;
    long longSentences = 0;
    for (Path f : files) {
      String text = TextInput.withDefaults().read(f);
      AnalyzedText a = Analyzer.english().analyze(text);
      AnalysisAssertions.checkInvariants(a, f.toString());
      tokens += a.tokenCount();
      sentences += a.sentenceCount();
      for (Sentence s : a.sentences()) {
        if (s.tokenCount() > 80) {
          longSentences++;
        }
      }
    }
    double mean = (double) tokens / sentences;
    String figures = "files=" + files.size() + " tokens=" + tokens + " sentences=" + sentences + " mean=" + mean
        + " over80=" + longSentences;
    assertTrue(mean > 12 && mean < 35, figures);
    assertTrue(longSentences < sentences / 100, figures);
  }
}
