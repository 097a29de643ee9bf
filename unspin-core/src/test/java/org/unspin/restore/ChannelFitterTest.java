package org.unspin.restore;

import org.unspin.testing.CountingLm;
import org.unspin.testing.ToyThesaurus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChannelFitterTest {

  /** A toy first-synonym spinner over the toy thesaurus (single words only), seeded. */
  static String spin(ToyThesaurus th, String text, double rate, Random rnd) {
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (InputToken t : AnalyzedTokens.of(text)) {
      List<String> syns = th.synonyms(t.lmForm());
      if (t.kind() == TokenKind.WORD && !syns.isEmpty() && rnd.nextDouble() < rate) {
        out.append(text, copied, t.start()).append(t.casePattern().apply(syns.get(0)));
        copied = t.end();
      }
    }
    return out.append(text.substring(copied)).toString();
  }

  @Test
  void wordDistanceCountsSubstitutionsInsertionsAndDeletions() {
    assertEquals(0, ChannelFitter.distance(ChannelFitter.words("the stock market"),
        ChannelFitter.words("The stock market.")));
    assertEquals(1, ChannelFitter.distance(ChannelFitter.words("the inventory market"),
        ChannelFitter.words("the stock market")));
    assertEquals(2, ChannelFitter.distance(ChannelFitter.words("the premier said"),
        ChannelFitter.words("the prime minister said")));
  }

  @Test
  void fittingFromABadStartImprovesTheObjective() {
    long seed = Long.getLong("unspin.test.seed", System.nanoTime());
    Random rnd = new Random(seed);
    String corpus = RestorerTest.resource("toy-corpus.txt");
    CountingLm lm = CountingLm.fromText(3, corpus);
    ToyThesaurus th = ToyThesaurus.load("/org/unspin/restore/toy-thesaurus.tsv");
    List<ChannelFitter.Pair> pairs = new ArrayList<>();
    for (String line : corpus.split("\n")) {
      pairs.add(new ChannelFitter.Pair(spin(th, line, 0.5, rnd), line));
    }
    ChannelFitter fitter = new ChannelFitter(w -> Restorer.builder(lm).candidates(th).weights(w).build(), pairs, 2);
    ChannelWeights timid = ChannelWeights.DEFAULTS.with("thesaurusBase", -5.0);
    ChannelFitter.Result r = fitter.fit(timid, ChannelFitter.DEFAULT_DIMENSIONS);
    assertTrue(r.objective() > r.startObjective(), "seed=" + seed + " " + r);
    assertTrue(r.objective() > 0.3, "seed=" + seed + " objective " + r.objective());
    assertTrue(r.weights().thesaurusBase() > -5.0, "seed=" + seed + " " + r.weights());
  }
}
