package org.unspin.detect;

import org.unspin.testing.CountingLm;
import org.unspin.testing.ToyThesaurus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.unspin.restore.Restorer;

/**
 * Shared test models: a trigram {@link CountingLm} on a toy market-news corpus, the toy
 * thesaurus as candidates and as the simulator's dictionary, a restorer, and the standard rules
 * with the shipped tortured-phrase list. Built once per JVM.
 */
final class DetectFixtures {
  static final String CORPUS = resource("toy-corpus.txt");
  static final CountingLm LM = CountingLm.fromText(3, CORPUS);
  static final ToyThesaurus THESAURUS = ToyThesaurus.load("/org/unspin/detect/toy-thesaurus.tsv");
  static final Restorer RESTORER = Restorer.builder(LM).candidates(THESAURUS).build();
  static final List<Rule> RULES = SignalAnalyzer.standardRules();
  static final SignalAnalyzer ANALYZER = new SignalAnalyzer(LM, RULES, DetectorConfig.DEFAULTS);

  private DetectFixtures() {}

  static String resource(String name) {
    try (InputStream in = DetectFixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code n} documents of {@code sentences} corpus sentences each, drawn with {@code seed}. */
  static List<String> documents(int n, int sentences, long seed) {
    String[] lines = CORPUS.strip().split("\n");
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> docs = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      StringBuilder sb = new StringBuilder();
      for (int s = 0; s < sentences; s++) {
        sb.append(s == 0 ? "" : " ").append(lines[rnd.nextInt(lines.length)].strip());
      }
      docs.add(sb.toString());
    }
    return docs;
  }
}
